"""Hand-written cue patterns for the cue codes: validation, consent checks, advice, judgment
(:mod:`~trainsim.coding.cue_judgment`), grounding, psychoeducation and summary
(:mod:`~trainsim.coding.cue_moves`).

Each pattern runs on folded text (:func:`trainsim.coding.text.fold`), which keeps
character positions, so a match is directly a span in the trainee's words.
A code fires when a positive pattern matches and no veto pattern covers it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from trainsim.coding import cue_judgment, cue_moves
from trainsim.coding.codes import CUE_FIELDS
from trainsim.coding.patterns import PatternSet, loose

Span = tuple[int, int]

_OK = r"(?:okay|ok|all right|alright|fine|good|comfortable)"
_ACTION_ING = (
    r"(?:tell|talk|ask|say|try|leav|set|us|go|break|writ|read|join|see|tak|stop|let|show|"
    r"practis|practic|report|instal|call|text|confront|forgiv|ignor|get|mak|put|just|walk|"
    r"end|spend|"
    r"speak|explain|schedul|book|look|download|watch|mov|find)\w*"
)


CONSENT = (
    rf"\b(?:is|would) it (?:be )?{_OK} (?:with you )?(?:if|to|that|for me|for us)\b",
    rf"\b(?:is|would) (?:that|this) (?:be )?{_OK}(?: with you| for you)?\s*\?",
    rf"\b(?:does|would) (?:that|this|it) (?:feel|sound|seem) {_OK}",
    rf"\bis (?:this|that|it) (?:still )?{_OK} to\b",
    r"\b(?:do|would) you mind if\b",
    r"\b(?:can|could|may|might) i (?:ask|check|share|offer|suggest something|"
    r"suggest an idea|suggest a|come back|gently ask|name|bring up|read)\b",
    r"\b(?:are|would) you (?:be )?(?:okay|ok|comfortable|ready|willing|open|up for)\b",
    r"\b(?:do|would) you (?:want|like) (?:me )?to (?:keep going|continue|go on|go there|"
    r"go into|pause|stop|take a (?:break|breath|moment)|slow down|skip|move on|come back|"
    r"talk about|look at|explore|share|start|try|hear|leave)",
    r"\bhow (?:is|does|are) (?:this|that|it|things)(?: conversation| session| talk)? "
    r"(?:feel(?:ing)?|going|sitting|landing)"
    r"(?: for you)?(?: (?:right )?now| so far| to talk)?",
    r"\bhow are you (?:doing|feeling) (?:right now|with (?:this|that|what)|in this|as we)",
    r"\b(?:you|we) (?:can|could) (?:always )?(?:pause|stop|skip|take a (?:break|breath|moment)|"
    r"slow (?:down|this down|things down)|come back to|leave (?:that|this|it))",
    r"\byou (?:don't|do not) have to (?:answer|say|share|go into|talk|tell me|explain|decide|"
    r"describe|give)",
    r"\b(?:only|just) (?:share|say|tell me|go as far as) (?:what|as much|whatever)",
    r"\b(?:at|in) your own (?:pace|time)\b|\bwhatever pace\b|\bat a pace\b",
    r"\b(?:let|tell) me know (?:if|when) (?:you|this|it|anything)",
    r"\bwith your permission\b|\bif you(?:'re| are) (?:okay|ok|comfortable|willing|up for)",
    r"\bif (?:that's|that is|it's|it is|this is) (?:okay|ok|all right|alright)(?: with you)?",
    r"\b(?:is )?(?:now|this) (?:a good time|the right time)\b",
    r"\b(?:the reason )?i(?:'m| am) asking (?:because|since|so that)\b",
    r"\b(?:it's|it is) (?:completely |entirely |totally )?(?:your choice|up to you) "
    r"(?:how much|whether|what|if|when)",
    r"\byou(?:'re| are) in (?:charge|control) of (?:how|what|the pace|this)",
    r"\bwhat (?:would|will) (?:help|make) (?:this|it) (?:feel )?(?:safer|easier|more "
    r"comfortable)",
    r"\bwhich (?:words|terms) (?:feel|would feel)\b",
    r"\bwould it help to (?:pause|slow|take|stop)",
    r"\bdo you (?:want|need) (?:a|to take a) (?:break|moment|pause|minute)",
    r"\b(?:go|talk about|share) (?:only )?(?:where|what) you (?:want|choose|feel ready|are ready)",
    r"\bwhat (?:feels|would feel) (?:okay|ok|comfortable|manageable|safe|all right) to "
    r"(?:talk|share|go|say|explore)",
    r"\blet's (?:take a (?:breath|moment|pause|break)|slow (?:right |this |things )?down|pause)",
    r"\b(?:tell|ask) me to (?:stop|pause|slow)",
    r"\b(?:word|words|term|terms|language) (?:you'd|you would) (?:prefer|like|rather)",
    r"\bif (?:at any (?:point|time),? )?(?:this|it|anything) (?:feels|gets|becomes|is) "
    r"(?:like )?too (?:much|fast|hard|intense)",
    r"\blet me know\b[^.?!]{0,30}\b(?:slow|stop|pause|break)",
    r"\bwould it be (?:helpful|useful) (?:if i|for me to) (?:shared|share|told|tell|offered|"
    r"offer|gave|give|explained|explain)",
    r"\b(?:want to|like to|let me|can i|just want to|going to|quickly) check in\b",
    r"\bwould (?:that|this|it) be something (?:you'd|you would) (?:want|like|be open)",
    r"\bif (?:you'd like|you like|you want(?: it| to| me to)?|you're interested|it helps|"
    r"that feels (?:okay|ok|right)|it feels (?:okay|ok|right)|you feel able|you can)\b",
    r"\b(?:only if you(?:'re| are)? (?:both )?(?:want|comfortable|ready|okay)|feel free to "
    r"(?:skip|say|stop|pass|leave)|you can (?:still )?(?:say (?:stop|no|skip|pass)|skip|pass|"
    r"stop|leave) (?:whenever|any time|anytime|at any|if)|whenever you(?:'re| are)? "
    r"(?:ready|want|like|need))\b",
    r"\b(?:take as long as you (?:need|like)|when you're ready|you decide (?:what|how|when|"
    r"whether)|off-limits|off limits|off the table|set (?:it|that) aside)\b",
    r"\bhow (?:has|did|was) (?:it|this|that|today)(?: been)? (?:felt|feel|been|to talk|for "
    r"you)\b|\bhow(?:'s| is) the pace\b|\btoo fast,? too slow\b|\b(?:want|would you like) me to "
    r"(?:go|explain|run|share|say|tell|talk|walk)\b|\bwould you like (?:a|some|to hear|me)\b",
    r"\b(?:do you want|would you like|do you want to hear) (?:the|a|some) (?:short|quick|"
    r"general|longer)?\b|\bi(?:'ll| will) check in (?:again|with you)\b",
    r"\bready to (?:start|begin|go on|carry on|continue|move on)\s*\?",
)

ADVICE = (
    r"\byou (?:really )?(?:should|shouldn't|should not|ought to|gotta)\b",
    r"\byou (?:really )?must\b(?! have (?:been|felt))",
    r"\byou(?:'ve| have)? (?:really )?got to\b",
    r"\byou(?: two| both| guys)? (?:really |just |simply )?(?:need|have) to\b",
    r"\bwouldn't it be (?:easier|better|simpler|kinder|healthier) (?:to|if you)\b",
    r"\bmaybe (?:just )?try\b|\bjust try\b",
    r"\bhave you (?:thought about|considered|tried) (?:couples |sex |individual )?(?:therapy|"
    r"counsel\w*|a (?:doctor|therapist|gp|specialist|book|group|break|course|class|app))",
    r"\bhave you (?:seen|asked|spoken to|talked to|been to) (?:a|your) (?:doctor|gp|therapist|"
    r"specialist|physio\w*|nurse)",
    r"\bwhy (?:don't|do not|wouldn't) you\b",
    r"\bwhy not (?:just )?(?:try|tell|talk|ask|say|leave|write|set|show|let|call|text|start|"
    r"begin|go)\b",
    rf"\bhave you (?:ever )?(?:thought about|considered|tried) (?:just |simply )?{_ACTION_ING}",
    rf"\b(?:did you|have you) (?:ever )?(?:try|think about|consider) (?:just )?{_ACTION_ING}",
    r"\bi(?:'d| would)? (?:strongly |really )?(?:suggest|recommend|advise|encourage you to)\b",
    r"\bmy (?:advice|suggestion|recommendation)\b|\bif i were you\b",
    r"\bthe (?:best|right|only) thing (?:to do|would be|is to|you can do)\b",
    r"\byou (?:might|may) want to\b",
    r"\byou could (?:just |always |simply )?(?:try|tell|say|ask|talk|leave|set|write|use|"
    r"show|let|call|text|stop|break|report)\b",
    r"\bwhat if you (?:just |simply )?(?:told|tried|said|asked|talked|left|stopped|wrote|set)\b",
    r"\bhow about (?:you )?(?:just )?(?:telling|trying|talking|asking|saying|leaving|writing|"
    r"setting)\b",
    r"\bit (?:would|'d|might|will) be (?:good|better|best|wise|smart|healthier) (?:for you )?to\b",
    r"\bmake sure (?:you|to|that you)\b",
    r"(?:^|[.!?]\s+|,\s*)(?:so |well |then |and )?(?:just |try to |try and )?"
    r"(?:tell (?!me\b)|ask (?!me\b)|say (?!more\b)|stop|leave|ignore|relax|breathe|forgive|"
    r"forget|confront|talk to (?!me\b)|let go|let it go|focus on|don't let|get over|move on|"
    r"set a|write down|break up)",
    r"\btry (?:to |and )?(?:tell|talk|say|ask|relax|stop|think|focus|set|write|let|be)\b",
    r"\bnext time(?: he| she| they| you| it)?\b[^.?!]*,\s*(?:just )?(?:tell|say|leave|ask|"
    r"walk|stop|try)\b",
    r"\bi(?:'d| would) (?:go for|tell|report|steer|be (?:a bit )?careful|avoid|try|get|"
    r"start|stop|ask|book|pick|choose|take|leave|wait|definitely|really)\b",
    r"\bwhat about (?:\w+ing|a|an|trying|setting|booking|asking|telling)\b",
    r"\bhow about (?:a|an|some|booking|starting|setting|asking|picking|using|getting)\b",
    r"\b(?:it's|it is) (?:probably |usually )?(?:best|wise|smart|better) to\b|\bthe best "
    r"thing (?:is|would be)\b",
    r"\b(?:could|can|would|will|might) help (?:you )?(?:to )?(?:stay|calm|feel|sleep|settle|"
    r"relax|cope|manage)\b",
)

# "You feel you should...", "you were taught you have to..." reflect a client's rule.
ADVICE_VETO = (
    r"\b(?:feel|feels|felt|think|thinks|thought|believe|believes|believed|knows|wishes|fears|"
    r"told|taught|learned|learnt|"
    r"heard|rule|rules|voice|says|said|script|expect\w*|pressure\w*|supposed|like|as if|"
    r"somewhere|message|sure|wonder\w*|whether|if)\b(?: that)?,? (?:like )?you "
    r"(?:always |never |really |just )?(?:should|have to|need to|must|ought to|'ve got to|"
    r"got to|could)\b[^.?!]*",
    r"\byou should(?:n't| not)? feel\b",
    r"\byou should be (?:so )?(?:grateful|thankful|ashamed|proud|happy|glad)\b",
    r"\bwhat (?:do|would|might) you (?:need|want|have) to\b",
    r"\byou (?:don't|do not) have to (?:answer|say|share|go into|talk|tell|explain|decide)",
    r"\b(?:like|that) you had to\b",
    r"\byou(?:'re| are) (?:not )?(?:saying|telling me|wondering)\b",
)

VALIDATION = (
    r"\b(?:that|it|this|which|your reaction|your response|your fear|the fear|those feelings|"
    r"that feeling) (?:all |really |completely |totally )?makes? (?:a lot of |so much |"
    r"complete |total |perfect |real )?sense\b",
    r"\bmakes? (?:a lot of |so much |complete |total |perfect )?sense (?:that|why|you|to me)\b",
    r"\b(?:it's|it is|that's|that is|it was|that was|it'd be|it would be|it feels) "
    r"(?:completely |totally |really |so |entirely |very |pretty )?(?:understandable|natural|"
    r"human|valid)\b",
    r"\b(?:it's|it is) (?:completely |totally |really |so |also )?(?:okay|ok|all right|alright|"
    r"normal) (?:to (?:feel|be|want|not|have|still|need|grieve)|that you)\b",
    r"\b(?:of course|no wonder) (?:you|it|that|this|part of you|your)\b",
    r"\b(?:anyone|anybody|most people|many people) (?:in your (?:position|place|shoes) )?"
    r"(?:would|might|could) (?:feel|react|struggle|be|want|find|freeze|get)\b",
    r"\byou(?:'re| are) (?:not|far from) (?:alone|the only one|broken|weird|strange|crazy)\b",
    r"\bthank you (?:so much |for )?(?:for )?(?:trusting|sharing|telling|being (?:so )?"
    r"(?:honest|open)|saying|letting me|bringing|putting|naming|staying)\b",
    r"\bthanks for (?:trusting|sharing|telling|being (?:so )?(?:honest|open)|letting me)\b",
    r"\b(?:it|that|this|saying that|telling me|coming here|talking about this) "
    r"(?:takes|took|must take|must have taken) (?:a lot of |real |so much )?(?:courage|strength|"
    r"guts|bravery)\b",
    r"\b(?:that|this|it) (?:sounds|must (?:be|have been|feel)|sounds like it (?:was|is|must be)|"
    r"seems|is|was|has been|feels) (?:really |so |incredibly |very |pretty |quite |deeply |"
    r"truly |a )*(?:hard|painful|difficult|confusing|frightening|scary|lonely|exhausting|"
    r"overwhelming|heavy|a lot to carry|a lot|tough|hurtful|upsetting|distressing|awful|"
    r"isolating|unsettling|disorienting|draining|frustrating|terrifying)\b",
    r"\bi can (?:really )?(?:hear|see|understand|imagine|sense) (?:how|why|that|what)\b",
    r"\bi(?:'m| am) (?:so |really |truly |very )?sorry (?:that|you|this|to hear|for what)\b",
    r"\b(?:it|that) sounds like (?:part of you|a part of you|you(?:'ve| have)? (?:felt|been "
    r"carrying|carried)|you feel|you're feeling|you felt|it (?:was|has been|felt))\b",
    r"\bpart of you (?:wants|feels|is|still|believes|longs|braces|holds|knows|wishes)\b",
    r"\byou (?:did|were doing) (?:what|the best) you (?:could|needed|had to)\b",
    r"\b(?:your|those) (?:feelings|reactions|fears|body's reaction|response|tears|anger|grief) "
    r"(?:are|is|make|makes) (?:valid|understandable|real|important|natural)\b",
    r"\b(?:nothing|there's nothing|there is nothing) wrong with (?:you|feeling|wanting|that)\b",
    r"\b(?:you|your body) (?:were|was) (?:protecting|trying to protect|keeping) you\b",
    r"\byou must have (?:felt|been) (?:so |really |very |quite )?(?:alone|lonely|scared|"
    r"frightened|confused|trapped|hurt|angry|ashamed|exhausted|overwhelmed|torn|afraid)\b",
    r"\bhow (?:hard|painful|lonely|frightening|confusing|exhausting) (?:that|this|it) "
    r"(?:must|has|was|is)\b",
    r"\byour body (?:was |is )?(?:trying to|protecting|doing what)",
    r"\ba lot (?:of \w+ )?to (?:carry|put on yourself|hold|deal with|manage|take in)\b",
    r"\b(?:that's|that is|what) an? (?:heavy|harsh|frightening|painful|hard|lonely|scary|"
    r"big) (?:thing|message|place|load|word)\b",
    r"\b(?:sounds|sounded|must (?:have )?be(?:en)?) (?:really |so |incredibly |very |pretty |"
    r"quite |a bit |deeply )?(?:painful|frightening|exhausting|lonely|isolating|tiring|"
    r"humiliating|hard|difficult|overwhelming|confusing|scary|hurtful|disorienting)\b",
    r"\b(?:is|are) (?:completely |totally |absolutely |entirely )?valid\b",
    r"\b(?:still|really|must) hurts?\b|\bthat hurts\b",
    r"\b(?:it's|it is|that's|that is) (?:so |really )?(?:hurtful|humiliating)\b",
    r"\bmakes? (?:complete|total|perfect|so much|a lot of) sense\b",
    r"\b(?:it's|it is) (?:completely |totally |also )?(?:okay|ok|all right|alright) not to\b",
    r"\b(?:that's|that is|it's|it is) real (?:work|effort|courage|strength)\b",
    r"\b(?:clearly|really|obviously) matters to you\b",
    r"\b(?:takes|took|must have taken|must take|can take|it can take) a lot\b|\b(?:so|and) "
    r"thank you\b",
    r"\b(?:hard|overwhelming|painful|frightening|confusing|difficult|scary) for anyone\b",
    r"\b(?:that's|that is|it's|it is|this is) (?:genuinely |really |so |truly |very |"
    r"incredibly |pretty )?(?:exhausting|painful|hard|horrible|awful|frightening|lonely|"
    r"overwhelming|heavy|a lot|tough|hurtful|upsetting|isolating|draining|confusing|scary)\b",
    r"\b(?:would|could) (?:wear|get|grind|knock) (?:anyone|anybody) down\b|\bboth (?:things )?"
    r"can be true\b|\b(?:doesn't|does not) cancel (?:out )?\b",
    r"\b(?:so |really |very |incredibly )?(?:brave|courageous) (?:of you|to (?:share|say|tell|"
    r"come|talk|name|bring))\b",
    r"\bno wonder\b|\b(?:your|the|that) (?:fear|anger|frustration|hurt|grief|sadness|worry|"
    r"body|reaction|caution|distrust) (?:makes sense|is trying to|was trying to|is doing its|"
    r"has been (?:trying|protecting))\b",
    r"\bi(?:'m| am) (?:really |so |very )?glad (?:you|that you) (?:told|said|shared|mentioned|"
    r"brought|came|felt able|could)\b",
    r"\bi (?:really |genuinely )?(?:respect|appreciate) (?:you|that|your|how|the)\b",
    r"\b(?:deserves?|deserved) (?:the |some |real |to be )?(?:space|time|care|attention|heard|"
    r"taken seriously|support|kindness)\b|\b(?:is|are) welcome here\b",
    r"\b(?:(?:you're|you are|you were) not (?:to blame|at fault|responsible for what)|"
    r"(?:was|is) (?:never|not) your (?:job|fault|responsibility|doing))\b",
    r"\bresponsibility (?:sits|lies|rests|is) (?:with|on) (?:him|her|them|the person)\b",
    r"\b(?:i got (?:that|it) wrong|i jumped (?:ahead|in)|i missed (?:something|that|what)|"
    r"my mistake|that's on me|i (?:moved|went|pushed) (?:too|ahead)|thank you for "
    r"(?:correcting|telling me (?:that i|i)|pointing))\b",
    r"\b(?:doesn't|does not|didn't|isn't|is not) (?:sound|seem|look|come across as) (?:\w+ )?"
    r"(?:ridiculous|silly|stupid|weird|strange|crazy|dramatic|pathetic|odd|wrong)\b",
    r"\bi (?:went|pushed|moved|got|jumped|rushed|pressed) (?:further|too far|too fast|ahead|in "
    r"too|faster|too quickly)\b|\bnothing to (?:apologi[sz]e|be sorry|be ashamed) (?:for|about)\b",
    r"\b(?:and )?i(?:'m| am) (?:really |so |truly )?sorry\s*[.!]",
    r"\bi'm sorry,? i\b|\bi (?:apologi[sz]e|am sorry) (?:for|that i)\b",
    r"\b(?:it's|that's|it is|that is|it was|that was) (?:such )?(?:a lot|a big thing|a lot to "
    r"(?:take in|hold|carry|hear|say))\b|\ba lot at once\b",
    r"\b(?:isn't|is not|wasn't|was not|it's not|that's not) (?:a )?(?:weakness|failing|"
    r"a character flaw|being weak)\b",
    r"\b(?:what you(?:'re| are) (?:feeling|going through)|your (?:feelings|experience)) "
    r"(?:counts?|matters?|is real|is valid)\b",
)

# Normalising by how common something is: validation when it tells the client their
# experience makes sense, psychoeducation when it informs. A feature of the model (whose
# heads weigh it with the rest of the turn), not a code of its own.
NORMALISING = (
    r"\b(?:many|lots of|a lot of|plenty of|so many|a great many) (?:people|clients|survivors|"
    r"women|men|couples|folks|of us) (?:feel|carry|experience|struggle|find|notice|describe|"
    r"grow up|learn|have (?:felt|had|learned|carried|grown|that|this|a)|end up|freeze|go "
    r"quiet|share|wrestle|hold|say)\b",
    r"\b(?:many|lots of|a lot of|plenty of|so many|most) (?:\w+ ){0,3}(?:people|clients|adults|"
    r"survivors|women|men|couples|folks|parents)\b(?: \w+){0,6}? (?:feel|carry|experience|"
    r"struggle|find|notice|describe|wrestle|tell me|say|freeze|share|hold|learn)\b",
    r"\b(?:it's|it is) (?:completely |totally |perfectly )?normal for\b",
)

# Exploring what the client wants ("Have you thought about what you'd want to say?") is
# not advice: where no advice pattern fires, this turns a learned advice code off.
EXPLORING = (
    r"\b(?:thought|think|thinking|wondered|wonder|wondering|sense) (?:about |of )?(?:what|how|"
    r"whether|if) you(?:'d| would| might| want| wanted| could| can)?\b",
    r"\bwhat (?:would|do|might|could) you (?:want|like|need|choose|hope) (?:to|from|for)\b",
)

# Normalising turned into comparison ("many people have it worse") is not validation.
VALIDATION_VETO = (
    r"\b(?:many|lots of|a lot of|plenty of|so many|most) (?:people|others|women|men|couples) "
    r"[^.?!]*\bworse\b",
    r"\b(?:is|that|it) (?:all )?(?:makes? (?:sense|perfect sense))\s*\?",
    r"\bdoes (?:that|this|it) make sense\b",
    r"\b(?:it's|it is) normal(?:,)? (?:so|just|don't|stop)\b",
    r"\bat your age\b[^.?!]*",
    r"\b(?:many|lots of|a lot of|plenty of|everyone|everybody)\b[^.?!]*\b(?:so don't|don't "
    r"worry|so just|so stop)\b[^.?!]*",
)


GROUPS: dict[str, tuple[str, ...]] = {
    name: tuple(map(loose, sources))
    for name, sources in {
        "consent_check": CONSENT,
        "advice": ADVICE,
        "advice_veto": ADVICE_VETO,
        "judgment": cue_judgment.ALL,
        "judgment_veto": cue_judgment.JUDGMENT_VETO,
        "validation": VALIDATION,
        "validation_veto": VALIDATION_VETO,
        "label_you": cue_judgment.LABEL_YOU,
        "normalise": NORMALISING,
        "explore": EXPLORING,
        "grounding": cue_moves.GROUNDING,
        "psychoeducation": cue_moves.PSYCHOEDUCATION,
        "summary": cue_moves.SUMMARY,
    }.items()
}


@cache
def patterns() -> PatternSet:
    """The cue groups as one :class:`PatternSet`, built on first use (the coder scans
    them together with the lexicon phrases, so most processes never need this one)."""
    return PatternSet(GROUPS)


CUES = CUE_FIELDS


def find_all(folded: str, found: dict[str, list[Span]] | None = None) -> dict[str, list[Span]]:
    """Spans of each cue code found in a folded turn (codes that do not fire are absent),
    and four hints: under ``"label_you"`` any label of the client ("you're being
    dramatic"), under ``"normalise"`` any normalising ("many people find..."), under
    ``"explore"`` a question about what the client wants, under ``"reflects"`` words that
    reflect the client's own self-blame or ask an exploring "why do you think".

    ``found`` is the raw match spans of :data:`GROUPS` (from any :class:`PatternSet`
    holding them), when the caller has scanned the turn already."""
    if found is None:
        found = patterns().spans(folded)
    out: dict[str, list[Span]] = {}
    labels = _kept(folded, found.get("label_you", ()), found.get("judgment_veto", ()))
    if labels:
        out["label_you"] = labels
    normalising = _kept(folded, found.get("normalise", ()), found.get("validation_veto", ()))
    if normalising:
        out["normalise"] = normalising
    if found.get("explore"):
        out["explore"] = _kept(folded, found["explore"], ())
    if found.get("judgment_veto"):
        out["reflects"] = _kept(folded, found["judgment_veto"], ())
    for name in CUES:
        matches = found.get(name)
        if not matches or (name == "validation" and labels):
            continue  # a label of the client vetoes validation anywhere in the turn
        spans = _kept(folded, matches, found.get(name + "_veto", ()))
        if name == "consent_check":
            # "Can I suggest you just tell him?" asks leave to advise, then advises.
            spans = [s for s in spans if not _advice_in_same_sentence(folded, s)]
        if spans:
            out[name] = spans
    return out


def _kept(folded: str, matches: Iterable[Span], vetoes: Iterable[Span]) -> list[Span]:
    """Matches trimmed of spaces and commas that no veto covers, overlaps joined."""
    vetoes = list(vetoes)
    spans: list[Span] = []
    for start, end in matches:
        while start < end and folded[start] in " ,.!?\t\n":
            start += 1
        while end > start and folded[end - 1] in " ,\t\n":
            end -= 1
        if end > start and not any(a <= start and end <= b for a, b in vetoes):
            spans.append((start, end))
    return merge(spans)


def merge(spans: Iterable[Span]) -> list[Span]:
    """Sorted spans with overlaps joined."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _advice_in_same_sentence(folded: str, span: Span) -> bool:
    text = folded[span[0] : span[1]]
    if not text.startswith(("can i suggest", "could i suggest", "may i suggest")):
        return False
    tail = folded[span[1] : span[1] + 12]
    return tail.lstrip().startswith(("you", "that you"))
