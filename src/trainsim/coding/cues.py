"""Hand-written cue patterns for validation, consent checks, advice and judgment.

Each pattern runs on folded text (:func:`trainsim.coding.text.fold`), which keeps
character positions, so a match is directly a span in the trainee's words.
A code fires when a positive pattern matches and no veto pattern covers it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

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
)

# "You feel you should...", "you were taught you have to..." reflect a client's rule.
ADVICE_VETO = (
    r"\b(?:feel|feels|felt|think|thinks|thought|believe|believed|told|taught|learned|learnt|"
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

JUDGMENT = (
    r"\bat least\b",
    r"\b(?:it's|it is|that's|that is|this is|it was|that was|it isn't|it wasn't|isn't|not) "
    r"(?:not |really |even |that |such |a |very )*(?:big deal|a big thing|the end of the world|"
    r"so bad|that bad|a problem)\b",
    r"\b(?:it|that|things) could (?:have been|be) (?:a lot |much |so much )?worse\b",
    r"\b(?:lots|plenty|many|loads|a lot) of (?:people|others|women|men|couples|folks) "
    r"(?:have it|have had it|go through|deal with|have been through|have) (?:much |far |a lot )?"
    r"worse\b",
    r"\bothers have it worse\b|\bcould be worse\b",
    r"\bdon't (?:worry|stress|panic|beat yourself up|overthink)\b",
    r"\byou should(?:n't| not) feel\b",
    r"\byou should(?:n't| not)? be (?:so |that |too )?(?:ashamed|guilty|bad|"
    r"embarrassed|upset|worried|sorry|grateful|thankful|scared|afraid|angry|sad)\b",
    r"\b(?:try to|just|need to|have to|should) move on\b",
    r"\b(?:that's|that is|it's|it is) not how (?:relationships|sex|love|marriage|it|couples) "
    r"(?:should|is supposed to|are supposed to|works?)\b",
    r"\b(?:no need|there's no reason|nothing) to (?:feel|be) (?:ashamed|guilty|bad|"
    r"embarrassed|upset|worried|scared|afraid)\b",
    r"\byou(?:'re| are) (?:just |probably |being |a bit |a little )*(?:overreacting|"
    r"over-reacting|too sensitive|oversensitive|overly sensitive|dramatic|paranoid|"
    r"overthinking|making (?:too much|a big deal))",
    r"\b(?:it's|it is) (?:all )?(?:just )?in your head\b",
    r"\b(?:was|were|is|are) (?:just|only) (?:trying|looking out|worried|being)\b",
    r"\b(?:it's|it is|that's|that is) (?:probably |only |just )+(?:a phase|porn|sex|hormones|"
    r"nerves|stress|a fantasy|a joke|talk|words|thoughts)\b",
    r"\bevery(?:one|body| parent| couple| woman| man) (?:\w+ )?(?:does|watches|feels|goes "
    r"through|gets|has|fights)\b",
    r"\b(?:it'll|it will|they'll|they will|he'll|she'll|you'll|you will) (?:soon )?(?:pass|"
    r"come around|come round|figure it out|feel better|get used to it|be fine)\b",
    r"\bnothing to worry about\b|\bcome on\b",
    r"\bif you didn't (?:fight|say no|resist|stop|push|tell)",
    r"\bat your age\b",
    r"\b(?:he|she|they) (?:might|may|could) (?:be right|have a point)\b",
    r"\bdon't take (?:it|this|that|those \w+|them) (?:so |too )?(?:seriously|personally)\b",
    r"\b(?:and )?(?:they're|they are) (?:fine|happy|okay|ok)\b",
    r"\b(?:calm down|cheer up|get over it|move on from|let it go|look on the bright side|"
    r"toughen up|snap out of)\b",
    r"\b(?:everything|it|things)(?:'ll| will| is going to|'s going to) (?:all )?(?:be|turn out) "
    r"(?:fine|okay|ok|alright|all right)\b",
    r"\bi(?:'m| am) sure (?:it|he|she|they|things|everything|your \w+)"
    r"(?:'ll| will| didn't| did not| "
    r"meant|'s| is| was| wasn't| doesn't| won't)",
    r"\b(?:why|how) (?:would|could|did) you (?:let|stay|go back|do that|put up|agree|allow)",
    r"\bwhy didn't you (?:just )?",
    r"\byou (?:could|should) have (?:just )?(?:said|told|left|stopped|known|walked|seen)\b",
    r"\bwhat were you thinking\b",
    r"\b(?:that's|that is|it's|it is|sounds) (?:pretty |really |a bit |kind of |very )?"
    r"(?:such an? |an? )?(?:wrong|sinful|immoral|disgusting|gross|weird|abnormal|not normal|"
    r"unhealthy|messed up|twisted|selfish|irresponsible|silly|ridiculous|crazy|outdated|"
    r"old-fashioned|backwards|toxic)\b",
    r"\bdoes that to people\b|\bdon't be (?:silly|daft|ridiculous|so hard)\b",
    r"\b(?:your|partly your|all your|his|her) fault\b",
    r"\byou brought (?:some of |part of )?(?:it|this|that) on\b",
    r"\byou(?:'re| are) (?:an? |being )?(?:addict|pervert|prude|frigid|drama queen|liar|"
    r"victim about|slut|tease|selfish|lazy|weak)\b",
    r"\b(?:real|normal) (?:men|women|people|couples) (?:don't|do|should|just)\b",
    r"\b(?:only|just) (?:a little|a bit of|one|some) (?:teasing|fun|joke|drama)\b",
    r"\b(?:it's|it is|that's|that is) (?:only|just) (?:a|one|sex|a phase|nerves|in)\b",
    r"\bhappens to (?:everyone|everybody)(?:, so| so|\. so|\. just| anyway)",
    r"\b(?:you'll|you will) (?:be fine|get over it|forget about it|laugh about)",
    r"\b(?:stop|quit) (?:being|blaming|worrying|overthinking|dwelling|making)",
    r"\byou(?:'re| are| were) lucky\b|\bbe grateful\b|\bcount your blessings\b",
)

# Patterns that sound like minimising but reflect or normalise instead.
JUDGMENT_VETO = (
    r"\b(?:you|you've|you have|you're|part of you|they|he|she) (?:been |were |was |are )?"
    r"(?:told|taught|heard|hearing|learned|learnt)\b[^.?!]*",
    r"\b(?:nobody|no one|someone|people|they|he|she) (?:said|told you|keeps? saying|says)\b"
    r"[^.?!]*",
    r"\b(?:feel|feels|felt|feeling|think|thinks|worry|worried|afraid|scared) (?:that |like )?"
    r"(?:it's|it is|it was|you're|you are|you were|you're being|everyone)\b[^.?!]*",
    r"\bwhen (?:he|she|they|people|someone|your \w+) (?:says?|said|tells? you|told you)\b[^.?!]*",
    r"\"[^\"]*\"",
    r"\b(?:doesn't|does not|don't) mean (?:it|that) (?:wasn't|isn't|was not)\b[^.?!]*",
    r"\b(?:think|thinking) (?:that )?(?:it|this|that) (?:wasn't|isn't|was not)\b[^.?!]*",
    r"\b(?:can|could|would) you at least\b",
    r"\b(?:part of you|you're not sure|you wonder\w*)\b[^.?!]*",
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
    r"\b(?:many|lots of|a lot of|plenty of|so many|a great many) (?:people|clients|survivors|"
    r"women|men|couples|folks|of us) (?:feel|carry|experience|struggle|find|notice|describe|"
    r"grow up|learn|have (?:felt|had|learned|carried|grown|that|this|a)|end up|freeze|go "
    r"quiet|share|wrestle|hold|say)\b",
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
    r"\b(?:many|lots of|a lot of|plenty of|so many|most) (?:\w+ ){0,3}(?:people|clients|adults|"
    r"survivors|women|men|couples|folks|parents)\b(?: \w+){0,6}? (?:feel|carry|experience|"
    r"struggle|find|notice|describe|wrestle|tell me|say|freeze|share|hold|learn)\b",
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
    r"\b(?:it's|it is) (?:completely |totally |perfectly )?normal for\b",
    r"\b(?:it's|it is) (?:completely |totally |also )?(?:okay|ok|all right|alright) not to\b",
    r"\b(?:that's|that is|it's|it is) real (?:work|effort|courage|strength)\b",
    r"\b(?:clearly|really|obviously) matters to you\b",
    r"\b(?:takes|took|must have taken|must take) a lot\b",
    r"\b(?:hard|overwhelming|painful|frightening|confusing|difficult|scary) for anyone\b",
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
        "judgment": JUDGMENT,
        "judgment_veto": JUDGMENT_VETO,
        "validation": VALIDATION,
        "validation_veto": VALIDATION_VETO,
    }.items()
}


@cache
def patterns() -> PatternSet:
    """The cue groups as one :class:`PatternSet`, built on first use (the coder scans
    them together with the lexicon phrases, so most processes never need this one)."""
    return PatternSet(GROUPS)


CUES = ("validation", "consent_check", "advice", "judgment")


def find_all(folded: str, found: dict[str, list[Span]] | None = None) -> dict[str, list[Span]]:
    """Spans of each cue code found in a folded turn (codes that do not fire are absent).

    ``found`` is the raw match spans of :data:`GROUPS` (from any :class:`PatternSet`
    holding them), when the caller has scanned the turn already."""
    if found is None:
        found = patterns().spans(folded)
    out: dict[str, list[Span]] = {}
    for name in CUES:
        matches = found.get(name)
        if not matches:
            continue
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
