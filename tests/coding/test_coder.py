"""The coder on hand-picked hard cases: question form, stacking, consent, advice, judgment."""

from __future__ import annotations

import dataclasses
import json

import pytest

from trainsim.coding import LABELS, Codes, code, code_many


def spans_text(text: str, codes: Codes, name: str) -> list[str]:
    return [text[a:b] for a, b in codes.spans[name]]


@pytest.mark.parametrize(
    "text",
    [
        "What goes through your mind when he reaches for you?",
        "How did you learn that wanting closeness was dangerous?",
        "Tell me more about the rules you grew up with.",
    ],
)
def test_open_questions(text: str) -> None:
    c = code(text)
    assert c.question == "open"
    assert c.behaviour == "question"
    assert c.questions == 1
    assert "open_question" in c.labels()
    assert "closed_question" not in c.labels()


@pytest.mark.parametrize(
    "text",
    [
        "Did you tell anyone about it?",
        "Are you still together?",
        "Do you still believe that?",
    ],
)
def test_closed_questions(text: str) -> None:
    c = code(text)
    assert c.question == "closed"
    assert c.labels()[0] == "closed_question"


def test_statement_is_not_a_question() -> None:
    c = code("So saying yes has become the easier road, even when it isn't what you want.")
    assert c.question == "none"
    assert c.questions == 0
    assert "open_question" not in c.spans and "closed_question" not in c.spans


def test_stacked_questions_counted_with_spans() -> None:
    text = "Did you tell anyone? Did your friends know? How did they react?"
    c = code(text)
    assert c.question != "none"
    assert c.questions == 3
    assert "stacked_questions" in c.labels()
    assert spans_text(text, c, "stacked_questions") == [
        "Did you tell anyone?",
        "Did your friends know?",
        "How did they react?",
    ]


def test_single_question_with_tag_is_not_stacked() -> None:
    c = code("You felt you had to keep him happy, right?")
    assert c.questions <= 1
    assert "stacked_questions" not in c.labels()


def test_consent_check_phrased_as_closed_question() -> None:
    text = "Is it okay if we talk about that?"
    c = code(text)
    assert c.consent_check
    assert c.question == "closed"
    assert spans_text(text, c, "consent_check") == ["Is it okay if"]
    assert c.labels() == ["closed_question", "consent_check"]


@pytest.mark.parametrize(
    "text",
    [
        "Would it be all right if we talked about the first time you felt that way?",
        "We can stop whenever you like, and you don't have to answer anything.",
        "Before we go further, how is this feeling for you right now?",
    ],
)
def test_consent_checks(text: str) -> None:
    assert code(text).consent_check


@pytest.mark.parametrize(
    "text",
    ["Is it okay for him to ask you that?", "Did you feel you could say no to him?"],
)
def test_questions_about_consent_are_not_consent_checks(text: str) -> None:
    c = code(text)
    assert not c.consent_check
    assert not c.advice


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Have you thought about just telling him?", "Have you thought about just telling"),
        ("Why don't you try telling her how you feel?", "Why don't you"),
        ("You need to tell him how you feel.", "You need to"),
    ],
)
def test_advice_including_advice_as_a_question(text: str, trigger: str) -> None:
    c = code(text)
    assert c.advice
    assert spans_text(text, c, "advice") == [trigger]


def test_exploring_question_is_not_advice() -> None:
    assert not code("Have you thought about what you'd want to say to him?").advice


def test_reflecting_a_should_rule_is_not_advice() -> None:
    c = code("You feel like you should always say yes.", "I always think I should say yes.")
    assert not c.advice


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Don't worry, lots of people have it worse.", "Don't worry"),
        ("At least he apologised.", "At least"),
        ("It's not a big deal, honestly.", "It's not a big deal"),
        ("You shouldn't feel guilty about that.", "You shouldn't feel"),
    ],
)
def test_minimising_reassurance_is_judgment(text: str, trigger: str) -> None:
    c = code(text)
    assert c.judgment
    assert not c.validation
    assert spans_text(text, c, "judgment")[0] == trigger


def test_validation_versus_empty_praise() -> None:
    text = "It makes sense that your body braces when part of you doesn't feel safe."
    c = code(text)
    assert c.validation and not c.judgment
    assert "makes sense" in spans_text(text, c, "validation")[0]
    for praise in ("Great job!", "You're doing amazing, keep it up!", "Good answer."):
        assert not code(praise).validation, praise


def test_must_have_felt_is_validation_not_advice() -> None:
    c = code("You must have felt so alone.")
    assert c.validation and not c.advice
    assert code("You must tell him tonight.").advice


def test_thanks_for_trust_is_validation() -> None:
    c = code("Thank you for trusting me with this.")
    assert c.validation
    assert c.question == "none"


def test_complex_reflection_uses_client_context() -> None:
    client = "I want to be close to him, but when he touches me I go stiff and count the seconds."
    text = "Part of you longs for closeness, and part of you braces against it."
    c = code(text, client)
    assert c.reflection == "complex"
    assert c.behaviour == "reflection"
    assert c.question == "none"
    assert spans_text(text, c, "reflection") == [text]


def test_reflection_span_skips_filler_and_question() -> None:
    text = "Okay. So you froze, and now you wonder whether it counts. What do you make of that?"
    c = code(text, "I froze. I didn't fight, so maybe it wasn't really that bad.")
    assert c.question == "open"
    if c.reflection != "none":
        assert spans_text(text, c, "reflection") == [
            "So you froze, and now you wonder whether it counts."
        ]


def test_empty_and_punctuation_only() -> None:
    for text in ("", "   ", "...", "?"):
        c = code(text)
        assert c == Codes()
        assert c.labels() == []
        assert c.behaviour == "other"


def test_backchannel_is_other() -> None:
    assert code("Mm-hmm.").behaviour == "other"


def test_deterministic_and_batch_matches_single() -> None:
    texts = [
        "What was that like for you?",
        "At least you have a partner who cares.",
        "Is it all right if I ask how old you were?",
    ]
    clients = ["It was a lot.", None, "I was young."]
    first = code_many(texts, clients)
    assert first == code_many(texts, clients)
    assert first == [code(t, c) for t, c in zip(texts, clients, strict=True)]
    assert [c.to_dict() for c in first] == [c.to_dict() for c in code_many(texts, clients)]


def test_codes_without_spans_are_the_same_codes() -> None:
    texts = [
        "So you feel alone with it. Is it okay if we stay with that for a moment?",
        "Have you tried just telling him? At least he listens.",
        "That took courage to say.",
    ]
    clients = ["Nobody knows.", "He never asks.", None]
    with_spans = code_many(texts, clients)
    without = code_many(texts, clients, spans=False)
    assert all(c.spans for c in with_spans)
    assert without == [dataclasses.replace(c, spans={}) for c in with_spans]


@pytest.mark.parametrize(
    ("typed", "spelt"),
    [
        ("is it ok if we talk about that a bit more", "Is it OK if we talk about that a bit more?"),
        ("what was that like for you", "What was that like for you?"),
        (
            "youre not alone in this, it makes sense youd feel that way",
            "You're not alone in this, it makes sense you'd feel that way.",
        ),
        ("dont worry, at least you still have him", "Don't worry, at least you still have him."),
        ("why dont you just tell her how you feel", "Why don't you just tell her how you feel?"),
    ],
)
def test_typed_responses_code_like_spelt_ones(typed: str, spelt: str) -> None:
    """No apostrophes, no capitals, no closing mark: what a trainee types in a hurry."""
    a, b = code(typed), code(spelt)
    assert (a.question, a.labels()) == (b.question, b.labels())


def test_code_many_length_mismatch() -> None:
    with pytest.raises(ValueError, match="2 texts but 1 client"):
        code_many(["a", "b"], ["c"])


def test_codes_are_frozen_and_hashable() -> None:
    c = code("What brings you here today?")
    with pytest.raises(AttributeError):
        c.question = "closed"  # type: ignore[misc]
    assert hash(c) == hash(code("What brings you here today?"))


def test_to_dict_is_json_ready_and_labels_follow_vocabulary() -> None:
    text = "That sounds so painful. Have you thought about just telling him? How would he react?"
    c = code(text)
    d = json.loads(json.dumps(c.to_dict()))
    assert d["labels"] == c.labels()
    assert all(label in LABELS for label in c.labels())
    assert c.labels() == [x for x in LABELS if x in c.labels()]
    for name, spans in d["spans"].items():
        assert name in LABELS
        for start, end in spans:
            assert 0 <= start < end <= len(text)
    assert set(d["spans"]) == set(c.labels())
