"""Sparse features of a clinician turn (and the client's line before it) for the linear model.

Features are named strings, all with the value 1.0. Word n-grams are named by
their tokens alone: ``"feel"``, ``"you_feel"``, ``"<s>_you_feel"`` (tokens hold
no ``_`` or ``:``); every other feature has a ``kind:`` prefix. The same function
feeds training (``training/train_coder.py``) and inference, so the two cannot drift.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import filterfalse, pairwise

from trainsim.coding.memo import Memo
from trainsim.coding.patterns import PatternSet, loose
from trainsim.coding.text import PUNCT, TERMINALS, WORD, bucket, fold, words

_FILLER_WORDS = (
    "okay ok so yeah yes right well alright and great good sure oh now wow but then cool all "
    "fine hi hey yep no like excellent perfect awesome absolutely exactly gotcha sounds thanks "
    "thank"
)
FILLERS = frozenset(_FILLER_WORDS.split())
_STOP_WORDS = (
    "the a an and or but so to of in on for with at by it is are was were be been i you he she "
    "they we me my your our his her their this that these those do does did have has had not no "
    "yes yeah okay um uh mm like just really very can could would will what how why when where "
    "who which there here about as if then than too also kind sort going gonna wanna know think "
    "get got it's that's i'm you're don't right well oh"
)
STOP = frozenset(_STOP_WORDS.split())
WH_OPEN = frozenset({"what", "how", "why"})
WH_CLOSED = frozenset({"when", "who", "which", "where", "whom", "whose"})
WH = WH_OPEN | WH_CLOSED
_AUX_WORDS = (
    "do does did is are was were have has had can could would will should may might shall am "
    "don't doesn't didn't isn't aren't wasn't weren't haven't hasn't won't wouldn't can't "
    "couldn't shouldn't any anything anyone anybody d'you"
)
AUX = frozenset(_AUX_WORDS.split())
HOW_MUCH = frozenset({"much", "many", "long", "often", "old", "far", "soon"})
TAGS = frozenset({"right", "okay", "ok", "yeah", "correct", "true", "huh", "eh", "no"})
YOU = frozenset({"you", "your", "you're", "yourself", "you've", "you'd", "you'll"})
ME = frozenset({"i", "me", "my", "i'm", "i've", "i'd", "i'll"})
WE = frozenset({"we", "us", "our", "we're", "we'll", "let's"})
_IMPERATIVE_VERBS = (
    "add ask avoid book bring buy call cancel change check choose consider cut delete do drop "
    "eat email find focus forget forgive get give go hold ignore join jot journal keep leave let "
    "limit listen look make meet mention move note order pick plan play pop practise practice "
    "put read reduce remember remind research schedule see send set show sign sit skip sleep "
    "slow speak spend start stay stick stop suggest swap switch take talk tell text think touch "
    "track treat try turn use wait walk watch wear write"
)
IMPERATIVE = frozenset(_IMPERATIVE_VERBS.split())
"""Verbs that, first in a statement, make it an instruction ("Try...", "Jot down...")."""

_LEXICON = {
    "feel": r"\b(feel|feels|feeling|felt|frustrat\w*|scar\w*|afraid|worr\w*|anxious|nervous|"
    r"upset|sad|angry|hurt\w*|overwhelm\w*|stress\w*|tired|ashamed|embarrass\w*|guilt\w*|"
    r"lonely|alone|confus\w*|stuck|torn|relie\w*|proud|happy|excited|concern\w*|"
    r"uncomfortable|hard|difficult|tough|painful|discourag\w*|hopeless|fed up)\b",
    "want": r"\b(want|wants|wanted|wanna|hope|hoping|wish|would like|i'd like|you'd like|"
    r"we'd like|they'd like|he'd like|she'd like|important to you|"
    r"matters to you|care about|value|values)\b",
    "mind_you": r"\byou(?:'re| are| were|'ve| have| 'd| would)? ?(?:really |just |kind of |"
    r"sort of |also |still )?(feel\w*|want\w*|think\w*|believe|know|wonder\w*|worr\w*|"
    r"concern\w*|afraid|scared|sure|unsure|not sure|ready|tired|like|love|hate|need\w*|"
    r"hope\w*|notic\w*|realiz\w*|seem\w*|mention\w*|said|say\w*|describ\w*)\b",
    "info": r"\b(research|studies|study|evidence|recommend\w*|guideline\w*|percent|risk\w*|"
    r"increase\w*|decrease\w*|reduce\w*|cause\w*|effect\w*|medication\w*|medicine|dose|"
    r"treatment|program\w*|service\w*|option\w*|information|typically|usually|generally|"
    r"most people|many people|a lot of people|we know|we find|it's important|the body|"
    r"your body|helps?|can help)\b",
    "advice": r"\b(you should|you need to|you have to|you must|you might want to|you may want to|"
    r"you could try|i'd suggest|i would suggest|i suggest|i'd recommend|i recommend|"
    r"i want you to|i'd like you to|why don't you|make sure|try to|it'd be good|"
    r"it would be good|it's a good idea)\b",
    "self_disc": r"\b(i think|i believe|i know|i feel|in my experience|i've seen|i've worked|"
    r"my job|my role|i'm concerned|i'm worried|i can|i'll|i will|let me)\b",
    "summary": r"\b(let me see if|let me make sure|so far|to summari[sz]e|what i'm hearing|"
    r"if i understand|you've told me|you mentioned|you said|you've said)\b",
    "affirm": r"\b(great|good job|well done|amazing|awesome|fantastic|wonderful|impressive|"
    r"proud|congratulat\w*|excellent|that's great|good for you)\b",
    "greet": r"\b(hi|hello|welcome|thanks for coming|nice to meet|good morning|good afternoon|"
    r"see you|bye|take care|thank you)\b",
    "consent": r"\b(is it (?:okay|ok|all right|alright)|would it be (?:okay|ok|all right|alright)|"
    r"do you mind|would you mind|can i|could i|may i|would you like (?:me )?to|"
    r"if (?:that's|it's) (?:okay|ok|all right)|with your permission)\b",
    "hedge": r"\b(sounds like|seems like|it seems|i guess|i get the sense|i get the feeling|"
    r"i imagine|i wonder if|kind of|sort of|a bit|a little)\b",
}


def _parts(rx: str) -> list[str]:
    """The top-level alternatives inside ``\\b( ... )\\b`` (else the whole pattern)."""
    if not (rx.startswith(r"\b(") and rx.endswith(r")\b")):
        return [rx]
    inner, depth, parts, current = rx[3:-3], 0, [], ""
    for ch in inner:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [*parts, current]


_IN_ONE_WORD = re.compile(r"[a-z']+(?:\\w\*|s\?)?")
_WORD_CUES: list[tuple[str, re.Pattern[str]]] = []
_PHRASES: dict[str, list[str]] = {}
for _name, _rx in _LEXICON.items():
    for _part in _parts(_rx):
        if _IN_ONE_WORD.fullmatch(_part):
            _WORD_CUES.append((_name, re.compile(_part)))
        else:
            whole = _part.startswith("\\b")
            _PHRASES.setdefault(_name, []).append(_part if whole else rf"\b(?:{_part})\b")
PHRASES = {"lex:" + name: tuple(map(loose, parts)) for name, parts in _PHRASES.items()}
"""The lexicon entries longer than a word, as pattern groups ``lex:<name>`` (apostrophes
optional); single words are looked up per token in :data:`LEXICON_OF`."""


@cache
def lexicon() -> PatternSet:
    """:data:`PHRASES` as one :class:`PatternSet`, built on first use (the coder scans
    them together with the cue patterns, so most processes never need this one)."""
    return PatternSet(PHRASES)


def _lexicons(word: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n, rx in _WORD_CUES if rx.fullmatch(word)))


LEXICON_OF: Memo[tuple[str, ...]] = Memo(_lexicons)
"""The single-word lexicons each token belongs to: ``LEXICON_OF["worried"] == ("feel",)``."""


_WONDER = re.compile(loose(r"\b(i'm|i am|i was|i'd be) (just )?(wondering|curious)\b"))
_TELL_ME = re.compile(r"\btell me\b|\btalk (to me )?about\b|\bhelp me understand\b")
_SOUNDS = re.compile(
    r"\b(it )?sounds like\b|\bit seems\b|\bseems like\b|\bwhat i'?m hearing\b|\byou'?re saying\b"
)
_DIGIT = re.compile(r"\d")
_TERMINAL = re.compile(r"[.?!]+")


def core(ws: list[str]) -> list[str]:
    """Tokens after leading fillers ("okay, so, um") and a leading vocative ("Sam,")."""
    i = 0
    n = len(ws)
    while i < n:
        w = ws[i]
        if w in FILLERS or w in PUNCT:
            i += 1
            continue
        if (
            i + 2 < n
            and ws[i + 1] == ","
            and w not in AUX
            and w not in WH_OPEN
            and w not in WH_CLOSED
            and w not in {"you", "i", "we", "it"}
        ):
            i += 2
            continue
        break
    return ws[i:]


def question_form(cw: list[str], ends_with_q: bool) -> str:
    """Surface form of one sentence's core tokens: open, how-much, wh-closed, aux, tag, decl."""
    head = [w.split("'")[0] if "'" in w and w.split("'")[0] in WH else w for w in cw[:9]]
    for i, w in enumerate(head[:8]):
        if w == ",":
            continue
        nxt = cw[i + 1] if i + 1 < len(cw) else ""
        if w == "how":
            return "closed_num" if nxt in HOW_MUCH else "open"
        if w in WH_OPEN:
            return "open"
        if w in {"tell", "describe", "explain"} and i <= 2:
            return "open_imp"
        if w in WH_CLOSED and i <= 3:
            return "wh_closed"
        if w in AUX and i <= 2 and (ends_with_q or i == 0):
            return "aux"
    if cw and cw[-1] in TAGS and ends_with_q and len(cw) > 2:
        return "tag"
    return "decl" if ends_with_q else "none"


# Count buckets, each named by its edges: `_B_0_1_2(5)` is bucket(5, (0, 1, 2)) == "2+".
def _bucketer(edges: tuple[int, ...]) -> Callable[[int], str]:
    """``bucket(n, edges)`` as a table look-up (``n`` is a count, never negative)."""
    table = [bucket(n, edges) for n in range(edges[-1] + 2)]
    top = len(table) - 1
    return lambda n: table[n if n < top else top]


_B_0_1_2 = _bucketer((0, 1, 2))
_B_0_1_2_3 = _bucketer((0, 1, 2, 3))
_B_0_1_2_3_4_6_8_10_15_20_30_40_60 = _bucketer((0, 1, 2, 3, 4, 6, 8, 10, 15, 20, 30, 40, 60))
_B_0_1_2_3_5 = _bucketer((0, 1, 2, 3, 5))
_B_0_1_2_4 = _bucketer((0, 1, 2, 4))
_B_0_1_2_4_6_10 = _bucketer((0, 1, 2, 4, 6, 10))
_B_0_1_2_4_8_16_32 = _bucketer((0, 1, 2, 4, 8, 16, 32))
_B_1_2 = _bucketer((1, 2))
_B_1_2_3_5_8_12_20 = _bucketer((1, 2, 3, 5, 8, 12, 20))


def _instructs(cw: list[str]) -> bool:
    """Does a statement's core start with an instruction ("just try", "maybe jot", "go")?"""
    i = 0
    while i < len(cw) - 1 and cw[i] in ("just", "maybe", "then", "perhaps", "simply", "please"):
        i += 1
    if i >= len(cw) or cw[i] not in IMPERATIVE:
        return False
    nxt = cw[i + 1] if i + 1 < len(cw) else ""
    return nxt not in ("me", "us", "you") and not (cw[i] == "let" and nxt in ("me", "us"))


_SUBJECT_WORDS = (
    "you i we they he she it that this there your my our their his her anyone anything "
    "someone something everyone"
)
SUBJECTS = frozenset(_SUBJECT_WORDS.split())
"""Words that follow the verb in a question that opens with one ("is *it* ok", "do *you*")."""


def _asks(cw: list[str]) -> bool:
    """Does a sentence's core open like a question, with no mark to say so? "what was
    that like", "is it ok if...", "when did it start"; not "don't worry" or "when you
    find someone..."."""
    if not cw:
        return False
    nxt = cw[1] if len(cw) > 1 else ""
    if cw[0] in WH_OPEN:
        return True
    if cw[0] in WH_CLOSED:
        return nxt in AUX
    return cw[0] in AUX and nxt in SUBJECTS


def _stem(w: str) -> str:
    """A crude stem ("feeling" -> "feel")."""
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


STEM: Memo[str] = Memo(_stem)
"""Stems of words, remembered."""


def extract(
    text: str,
    client_text: str | None = None,
    folded: str | None = None,
    phrases: dict[str, list[tuple[int, int]]] | None = None,
) -> dict[str, float]:
    """Named features of one turn; ``client_text`` is the client's line before it.

    ``folded`` is ``fold(text)`` and ``phrases`` the :func:`lexicon` spans in it
    (any superset of its groups will do), when the caller has them already.
    """
    u = fold(text) if folded is None else folded
    toks = words(u)
    if TERMINALS.isdisjoint(toks) and not u.rstrip().endswith("-") and _asks(core(toks)):
        # Typed without a full stop or question mark (and not cut off, as transcripts
        # mark with a dash), but it opens like a question: read it as one.
        toks.append("?")
    sents = _sentences(toks)
    plain = list(filterfalse(PUNCT.__contains__, toks))
    seq = ["<s>", *filterfalse(",".__eq__, toks), "</s>"]
    f: dict[str, float] = dict.fromkeys(plain, 1.0)
    f.update(dict.fromkeys(map("_".join, pairwise(seq)), 1.0))
    f.update(dict.fromkeys(map("_".join, zip(seq, seq[1:], seq[2:], strict=False)), 1.0))

    f["nsent:" + _B_0_1_2_3_5(len(sents))] = 1.0
    f["nq:" + _B_0_1_2(toks.count("?"))] = 1.0
    stripped = u.rstrip()
    if stripped.endswith("?"):
        f["x:end?"] = 1.0
    if stripped.endswith("-"):
        f["x:end-"] = 1.0
    if u.lstrip().startswith("-"):
        f["x:start-"] = 1.0
    f["len:" + _B_0_1_2_3_4_6_8_10_15_20_30_40_60(len(plain))] = 1.0
    if not any(cw for _, cw, _ in sents):
        f["x:allfiller"] = 1.0

    forms = imperatives = 0
    last_index = len(sents) - 1
    for i, (piece, cw, ends_q) in enumerate(sents):
        tag = "q" if ends_q else "s"
        if cw:
            f[f"{tag}1:" + cw[0]] = 1.0
            if len(cw) > 1:
                f[f"{tag}2:" + cw[0] + "_" + cw[1]] = 1.0
            if len(cw) > 2:
                f[f"{tag}3:" + "_".join(cw[:3])] = 1.0
            if i == last_index:
                f["L1:" + cw[0]] = 1.0
                if len(cw) > 1:
                    f["L2:" + cw[0] + "_" + cw[1]] = 1.0
        if not ends_q and _instructs(cw):
            imperatives += 1
        form = question_form(cw, ends_q)
        if ends_q or form not in ("none", "decl"):
            forms += 1
            mark = ":?" if ends_q else ":."
            f["qt:" + form + mark] = 1.0
            if i == last_index:
                f["lqt:" + form + mark] = 1.0
        if ends_q:
            f.update(dict.fromkeys(["qw:" + w for w in cw], 1.0))
            f["qlen:" + _B_1_2_3_5_8_12_20(len(cw))] = 1.0
            if "or" in piece:
                f["x:q_or"] = 1.0
    f["nqt:" + _B_0_1_2_3(forms)] = 1.0
    if imperatives:
        f["x:imp"] = 1.0
        f["impn:" + _B_1_2(imperatives)] = 1.0

    you = sum(map(YOU.__contains__, plain))
    me = sum(map(ME.__contains__, plain))
    we = sum(map(WE.__contains__, plain))
    f["you:" + _B_0_1_2_4(you)] = 1.0
    f["me:" + _B_0_1_2_4(me)] = 1.0
    f["we:" + _B_0_1_2(we)] = 1.0
    # Each pattern needs one of a few words; a substring test skips most turns.
    if ("wondering" in u or "curious" in u) and _WONDER.search(u):
        f["x:wonder"] = 1.0
    if ("tell me" in u or "talk" in u or "help me" in u) and _TELL_ME.search(u):
        f["x:tellme"] = 1.0
    if ("sounds" in u or "seem" in u or "hearing" in u or "saying" in u) and _SOUNDS.search(u):
        f["x:soundslike"] = 1.0
    if _DIGIT.search(u):
        f["x:digit"] = 1.0

    _client_features(f, plain, you, client_text)
    _lexicon_features(f, toks, sents, u, lexicon().spans(u) if phrases is None else phrases)
    return f


def _sentences(toks: list[str]) -> list[tuple[list[str], list[str], bool]]:
    """Each sentence's tokens (closing marks included), its core words (fillers and
    marks dropped) and whether it ends with a question mark. A sentence needs a word;
    marks with none before them join the sentence before."""
    pieces: list[list[str]] = []
    piece: list[str] = []
    for w in toks:
        if w in TERMINALS:
            if piece:
                piece.append(w)
                pieces.append(piece)
                piece = []
            elif pieces:
                pieces[-1].append(w)
        else:
            piece.append(w)
    if piece:
        pieces.append(piece)
    return [
        (p, [w for w in core(p) if w not in PUNCT], p[-1] == "?")
        for p in pieces
        if not PUNCT.issuperset(p)
    ]


def _lexicon_features(
    f: dict[str, float],
    toks: list[str],
    sents: list[tuple[list[str], list[str], bool]],
    u: str,
    phrases: dict[str, list[tuple[int, int]]],
) -> None:
    """How often each lexicon occurs, and whether in the first or last sentence."""
    of = LEXICON_OF.__getitem__
    counts: dict[str, int] = {}
    for names in filter(None, map(of, toks)):
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    first: set[str] = set()
    last: set[str] = set()
    if counts and sents:
        first.update(*filter(None, map(of, sents[0][0])))
        last.update(*filter(None, map(of, sents[-1][0])))
    hits = [(name[4:], spans) for name, spans in phrases.items() if name.startswith("lex:")]
    if hits:
        ends = [m.end() for m in _TERMINAL.finditer(u.rstrip(" .?!-\t\r\n\"'"))]
        first_end = ends[0] if ends else len(u)
        last_start = ends[-1] if ends else 0
        for name, spans in hits:
            counts[name] = counts.get(name, 0) + len(spans)
            if any(start >= last_start for start, _ in spans):
                last.add(name)
            if any(end <= first_end for _, end in spans):
                first.add(name)
    for name, n in counts.items():
        f["lex:" + name] = 1.0
        f["lexn:" + name + ":" + _B_1_2(n)] = 1.0
    for name in last:
        f["lexL:" + name] = 1.0
    for name in first:
        f["lexF:" + name] = 1.0


def _client_features(f: dict[str, float], plain: list[str], you: int, client: str | None) -> None:
    """Features of the client's preceding line and its overlap with the turn."""
    c = fold(client) if client else ""
    cws = WORD.findall(c)
    f["clen:" + _B_0_1_2_4_8_16_32(len(cws))] = 1.0
    cs = c.rstrip()
    if cs.endswith("?"):
        f["x:c?"] = 1.0
    if cs.endswith("-"):
        f["x:c-"] = 1.0
    tc = set(map(STEM.__getitem__, set(plain) - STOP))
    cc = set(map(STEM.__getitem__, set(cws) - STOP))
    shared = len(tc & cc)
    if tc:
        f["ovlb:" + _B_0_1_2_4_6_10(shared * 10 // len(tc))] = 1.0
        f["ovn:" + _B_0_1_2_3_5(shared)] = 1.0
    if cc:
        f["covb:" + _B_0_1_2_4_6_10(shared * 10 // len(cc))] = 1.0
    if cws:
        bigrams = set(pairwise(cws)) & set(pairwise(plain))
        f["bov:" + _B_0_1_2_4(len(bigrams))] = 1.0
        client_me = sum(map(ME.__contains__, cws))
        if client_me:
            f["c_me&t_you:" + _B_0_1_2(min(client_me, you))] = 1.0
