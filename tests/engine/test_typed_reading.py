"""Reading a typed turn: what it asks, whether it presses a limit, wraps a question in a
permission, takes up the client's words, offers grounding, or is an option's own words."""

from __future__ import annotations

import pytest

from trainsim.engine import typed
from trainsim.model import Limit, Option

LIMIT = Limit(id="nineteen", about="what happened at nineteen",
              mentions=["nineteen", "what she did", "did she", "was she", "violent", "force"])
Q = frozenset({"closed_question"})
CHECK = frozenset({"consent_check", "closed_question"})


@pytest.mark.parametrize(("text", "codes", "expected"), [
    ("What goes through your mind when that happens?", frozenset({"open_question"}), True),
    ("Would you like to pause for a moment?", CHECK, False),
    ("Would you like to say a little about it, or leave it for now?", CHECK, False),
    ("Would you like to tell me more about what she did?", CHECK, True),
    ("Let's take a slow breath together. Now, did she hurt you?", Q, True),
    ("Let's pause. Then I need to know whether she forced you.", frozenset(), True),
    ("Can you feel your feet on the floor?", Q, False),
    ("That makes sense.", frozenset({"validation"}), False),
    ("did she hurt you", Q, True),  # typed without punctuation: the turn asks as a whole
])
def test_probing(text: str, codes: frozenset[str], expected: bool) -> None:
    assert typed.probing(codes, typed.read(text)) is expected


@pytest.mark.parametrize(("text", "here", "expected"), [
    ("Would you like to tell me more about it?", True, True),
    ("Would you like to pause for a moment, or carry on?", True, False),
    ("It sounds painful, and we can stop whenever you like. Was she ever violent?", True, True),
    ("That sounds painful. I'd really like to understand what she did to you.", True, True),
    ("Thank you for telling me that. We'll leave it there.", True, False),
    ("Did she ever force you?", False, True),
    ("How are things with Ruth these days?", False, False),
    ("That rule makes sense given what you told me about nineteen.", False, False),
    ("You mentioned someone at nineteen. There's no pressure to go into that.", False, False),
])
def test_probes_limit(text: str, here: bool, expected: bool) -> None:
    codes = CHECK if "?" in text else frozenset({"validation"})
    found = typed.probes_limit(codes, typed.read(text), [] if here else [LIMIT],
                               LIMIT if here else None)
    assert found is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Is it okay if I ask: how often are you having sex?", True),
    ("Can I ask whether she hurt you?", True),
    ("Is it OK if I point out that you're dodging the question?", True),
    ("Is it okay if I ask about that?", False),
    ("Would it be all right if we talked about that, or would you rather leave it?", False),
])
def test_a_permission_that_carries_the_question_is_no_choice(text: str, expected: bool) -> None:
    assert typed.wrapped_permission(typed.read(text)) is expected


def test_anchored_needs_the_clients_own_content_words() -> None:
    client = ["Afterwards I feel like a fraud. Men are supposed to always want it."]
    assert typed.anchored("So afterwards you feel like a fraud.", client)
    assert not typed.anchored("That sounds really hard. It makes a lot of sense.", client)


def test_grounding_is_an_offer_not_a_wrapper() -> None:
    assert typed.grounding(typed.read("Can you feel your feet on the floor? Let's breathe."))
    assert not typed.grounding(typed.read("Tell me what happened."))


def test_only_an_options_own_words_count_as_choosing_it() -> None:
    option = Option(id="honour", text="Thank you for trusting me with that. We'll leave the "
                    "rest there, as you asked.", next="x")
    assert typed.matching_option("thank you for trusting me with that, we'll leave the rest "
                                 "there as you asked", [option]) is option
    assert typed.matching_option("Thank you for trustng me with that. We'll leave the rest "
                                 "there, as you asked.", [option]) is option  # a typo
    assert typed.matching_option("Thank you for trusting me with that. We won't leave the "
                                 "rest there, as you asked.", [option]) is None  # negated
    assert typed.matching_option("Thank you for trusting me with that. We'll leave the rest "
                                 "there, as you asked. Tell me what she did.", [option]) is None


def test_a_repeat_is_found_among_earlier_turns() -> None:
    earlier = ["Where would you like to start?",
               "That makes a lot of sense. What goes through your mind about that?"]
    again = "That makes a lot of sense. What goes through your mind about this?"
    assert typed.repeated_turn(again, earlier) == 1
    assert typed.repeated_turn("What do you actually know about how Ruth responds?",
                               earlier) is None


def test_safety_rule_a_judgment_earns_no_validation() -> None:
    """The bundled rubrics: warm words next to a verdict earn nothing on validation."""
    from trainsim.engine import Session
    from trainsim.library import load_library

    library = load_library()
    scenario = library.scenario("daniel-permission-to-stop").model
    rubrics = {r: library.rubrics[r] for r in scenario.rubrics}

    class Coded:
        def __init__(self, codes: list[str]) -> None:
            self.codes, self.spans = codes, {}

        def labels(self) -> list[str]:
            return self.codes

        def unsure(self) -> list[str]:
            return []

    def coder(text: str, client: str | None) -> Coded:
        return Coded(["reflection", "validation"] + (["judgment"] if "weak" in text else []))

    line = "So afterwards you feel like a fraud, and that makes sense"
    warm = Session(scenario, rubrics, coder=coder, seed=1)
    warm.choose("frame-and-invite")
    assert warm.respond(line + ".").points("validation") == 2
    cold = Session(scenario, rubrics, coder=coder, seed=1)
    cold.choose("frame-and-invite")
    turn = cold.respond(line + ", but honestly it's a bit weak.")
    assert [(e.points, e.source) for e in turn.evidence if e.dimension == "validation"] == [
        (-2, "rule:validation:5"), (0, "safety:validation")]
    assert turn.points("pacing") <= 0
