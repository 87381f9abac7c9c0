"""Feature tokens: transcription noise dropped, typed contractions spelt out."""

from __future__ import annotations

import pytest

from trainsim.coding.text import fold, words


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("W-what do you-you think?", ["what", "do", "you", "think", "?"]),
        ("They- they said I, I was fine.", ["they", "said", "i", "was", "fine", "."]),
        ("Um, so [laughs] that's it.", [",", "so", "that's", "it", "."]),
        ("A well-being check, mm-hmm.", ["a", "well", "being", "check", ",", "."]),
        ("i dont know, youre right", ["i", "don't", "know", ",", "you're", "right"]),
        ("its fine, ill manage", ["its", "fine", ",", "ill", "manage"]),  # words as typed
    ],
)
def test_words(text: str, tokens: list[str]) -> None:
    assert words(fold(text)) == tokens
