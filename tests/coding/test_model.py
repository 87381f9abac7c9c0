"""The shipped model: packed-integer scoring, the weights file format, the cue heads."""

from __future__ import annotations

import gzip
from importlib import resources

import pytest

from trainsim.coding import code, model
from trainsim.coding.coder import features_of

TURNS = [
    ("Is it okay if we talk about that?", "I've never told anyone."),
    ("So you feel alone with it, and part of you still blames yourself.", "It was my fault."),
    ("Mm-hmm.", None),
]


def _float_scores(m: model.Model, features: dict[str, float]) -> list[float]:
    """Scores the slow way: every weight as a float, multiplied and added in Python."""
    out = list(m.bias)
    for name, value in features.items():
        row = m.row(name)
        if row is not None:
            out = [s + value * w for s, w in zip(out, row, strict=True)]
    return out


@pytest.mark.parametrize(("text", "client"), TURNS)
def test_packed_scores_equal_float_arithmetic(text: str, client: str | None) -> None:
    m = model.load()
    features = features_of(text, client)
    assert set(features.values()) == {1.0}  # the extractor's features are all binary
    assert m.scores(features) == pytest.approx(_float_scores(m, features), abs=1e-9)
    # A caller may still weight features: values other than 1 take the slower path.
    weighted = {name: 0.5 + i % 3 for i, name in enumerate(features)}
    assert m.scores(weighted) == pytest.approx(_float_scores(m, weighted), abs=1e-9)


def test_weights_file_round_trips() -> None:
    m = model.load()
    again = model.from_bytes(model.to_bytes(m))
    assert again.heads == m.heads and again.bias == m.bias and again.rows == m.rows
    features = features_of(*TURNS[1])
    assert again.scores(features) == m.scores(features)


def test_weights_file_errors_are_clear() -> None:
    raw = gzip.decompress(
        resources.files("trainsim.coding").joinpath(model.WEIGHTS_FILE).read_bytes()
    )
    with pytest.raises(ValueError, match="not a trainsim coder weights file"):
        model.from_bytes(b"something else\n{}\n")
    with pytest.raises(ValueError, match="truncated"):
        model.from_bytes(raw[:-8])


def test_pack_refuses_weights_it_cannot_hold() -> None:
    with pytest.raises(ValueError, match="out of the packable range"):
        model.pack([1e6])


def test_model_has_the_cue_heads() -> None:
    assert set(model.CUE_HEADS) <= set(model.load().heads)


@pytest.mark.parametrize(
    ("text", "cue", "sentence"),
    [
        # No cue pattern matches these; the learned heads find them, and the span is
        # the sentence whose words weigh towards the code, not the whole turn.
        (
            "Thanks for coming in today. Honestly, that was a daft thing to do.",
            "judgment",
            "Honestly, that was a daft thing to do.",
        ),
        ("Pop it in your bio so people know.", "advice", "Pop it in your bio so people know."),
    ],
)
def test_learned_cue_without_a_pattern_is_shown_on_its_sentence(
    text: str, cue: str, sentence: str
) -> None:
    c = code(text, "I keep going over it.")
    assert getattr(c, cue) is True
    assert [text[a:b] for a, b in c.spans[cue]] == [sentence]
