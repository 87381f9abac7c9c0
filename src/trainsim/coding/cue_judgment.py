"""Cue patterns for judgment: blaming, labels, moralising, sarcasm, minimising, premature
reassurance, "at least", and telling the client how not to feel.

Written from the definitions in docs/coding-definitions.md. :data:`LABEL` (negative labels
of the client or their behaviour) also vetoes validation: a turn that calls the client
"dramatic" is not validating, however warm the rest of it.
"""

from __future__ import annotations

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
    r"\byou(?:'re| are| keep| have been|'ve been)? (?:asking|blaming|telling|judging|calling|"
    r"kicking|punishing|hating) yourself\b[^.?!]*",
    r"\byou(?:'re| are|'ve| have)? (?:been )?(?:holding|hold) yourself (?:responsible|"
    r"accountable)\b[^.?!]*",
    r"\b(?:the|that|a|your) (?:voice|part|question|story|thought|critic|belief) (?:in your head "
    r")?(?:that |which )?(?:says|asks|tells you|keeps asking|goes)\b[^.?!]*",
    r"\b(?:when|if) you (?:ask|asked|tell|told) yourself\b[^.?!]*",
    r"\b(?:wondering|asking yourself|ask yourself) (?:why|whether|if)\b[^.?!]*",
    r"\b(?:you (?:wish|wished)|you're wishing)\b[^.?!]*",
    r"\b(?:sounds like|it sounds as if|i'm hearing that) you(?:'re| are)? (?:blam|judg|"
    r"criticis|criticiz|angry at|disappointed in|hard on)\w*\b[^.?!]*",
    r"\b(?:is|are|was) (?:not|never) (?:your|a) (?:fault|failing|sign)\b[^.?!]*",
    r"\b(?:isn't|wasn't|is not|was not) (?:about )?(?:weakness|being weak|a weakness)\b",
    r"\bnot (?:weak|dramatic|silly|stupid|crazy|selfish|too much|overreacting)\b",
    r"\bwhy (?:do|does|might|would) (?:you think|it feel|that feel|this feel)\b",
)

# Blaming: "why" questions about a past choice, counterfactuals, responsibility on the client.
BLAME = (
    r"\bwhy (?:on earth |ever |exactly )?(?:did|didn't|would|wouldn't|were|weren't|had|"
    r"hadn't) (?:you|ya)\b",
    r"\bwhy (?:go|stay|drink|keep|send|agree|wait|let|bother|risk)\b",
    r"\bhow could you (?:not |have |let |do |stay |go |send )?",
    r"\bwhat (?:did|do|else did) you (?:expect|think (?:would|was going to))\b",
    r"\bwhat were you (?:doing|expecting|hoping)\b",
    r"\bif you(?:'d| had| hadn't| had not| would have)(?: just| only)? (?:stayed|not|left|"
    r"said|told|been|listened|gone|drunk|had|kept|waited|done|asked|spoken|stopped|walked|"
    r"sent|worn|trusted|taken)\b",
    r"\byou (?:shouldn't|should not|should never|should've|shouldve|ought to) have\b",
    r"\byou can't (?:really |exactly )?blame (?:him|her|them|anyone|people|your \w+)\b",
    r"\b(?:he|she|they|your \w+) (?:has|have|had|might have|may have) a (?:fair )?point\b",
    r"\b(?:that's|that is|it's|it is) (?:partly |kind of |sort of )?on you\b",
    r"\b(?:it )?takes two\b|\bin fairness to (?:him|her|them)\b|\bto be fair to (?:him|her|"
    r"them|your)\b",
    r"\byou (?:knew|know|must have known) what (?:you were|would|was going to|it)\b",
    r"\byou (?:did|do|kind of|sort of) (?:kind of |sort of )?(?:ask(?:ed)? for|bring|brought|"
    r"put yourself)\b",
    r"\b(?:didn't|did not|don't) (?:exactly )?come (?:from|out of) nowhere\b",
    r"\bwhat did you do to (?:make|cause|provoke|upset)\b",
)

# Moralising and sarcasm.
MORAL = (
    r"\b(?:porn|pornography|casual sex|hook-?ups?|hooking up|one-night stands?|kink|kinks|"
    r"bdsm|open relationships?|non-monogamy|polyamory|swinging|sleeping around|cheating|"
    r"affairs?|sexting|fantasies|masturbation)\b[^.?!]{0,60}\b(?:isn't|is not|aren't|are "
    r"not|not|is|are|can be|gets|seems|sounds) (?:really |very |a bit |quite |pretty |"
    r"exactly )?(?:healthy|unhealthy|damaging|degrading|wrong|immoral|shameful|sinful|"
    r"disrespectful|normal|okay|ok|natural|a good|great|harmless|addictive|dangerous|"
    r"selfish|a slippery)\b",
    r"\b(?:says|say|tells you|tells us) (?:something|a lot|plenty) about (?:how )?(?:a person|"
    r"you|someone|your|them|people)\b",
    r"\b(?:it's|it is|that's|that is|isn't that|isn't it) (?:a bit |rather |pretty |really "
    r")?(?:not fair|unfair|disrespectful|cruel|hurtful|selfish) (?:on|to|towards) (?:him|her|"
    r"them|your)\b",
    r"\bfamily is everything\b|\bmarriage (?:is|means) (?:about )?(?:commitment|sacrifice|"
    r"compromise)\b|\byou made (?:a |your |those )?(?:vows?|promises?|commitment)\b",
    r"\bthink (?:about|of) (?:how|what) (?:that|this|it) (?:does|did|means|feels|must feel) "
    r"(?:to|for|like for) (?:him|her|them|your)\b",
    r"\bthe right thing (?:to do )?(?:would be|is|was)\b",
    r"\b(?:a |the )?(?:decent|respectful|responsible|mature|grown-up|adult) thing\b",
    r"\b(?:oh )?(?:well|wow|great|brilliant|sure),? (?:that|this) (?:went|worked out|was) "
    r"(?:well|great|brilliant|smart|clever)\b",
    r"\b(?:how|what a) (?:convenient|surprise|shock|shocker|coincidence)\b|\bsurprise,? "
    r"surprise\b|\bwho (?:would have|would've|could have) (?:thought|guessed|seen that)\b",
    r"\bgood luck with that\b|\byeah,? right\b|\bmust be nice\b|\bclearly (?:working|going) "
    r"(?:well|great|brilliantly)\b|\bno kidding\b|\bbig shock\b",
    r"\bi'm sure (?:that|it|he|she) (?:went|was|will go) (?:down )?(?:great|well|brilliantly)\b",
)

# Telling the client how (not) to feel, minimising and premature reassurance.
NOT_FEEL = (
    r"\b(?:don't|do not|try not to|no need to|there's no need to|you don't need to) (?:be|feel|"
    r"get) (?:so |too |that |all )?(?:embarrassed|ashamed|silly|sorry|upset|guilty|bad|"
    r"worried|anxious|nervous|scared|afraid|hard on yourself|down|worked up|emotional)\b",
    r"\btry not to (?:worry|think about|dwell|take it|let it|overthink|cry|get upset)\b",
    r"\b(?:no|there's no|there is no) (?:point|use|sense) (?:in )?(?:worrying|getting upset|"
    r"dwelling|crying|beating yourself|feeling)\b",
    r"\b(?:a|one|just a|only a) (?:small|little|minor|tiny) (?:thing|setback|blip|hiccup|"
    r"issue|slip)\b",
    r"\blook on the bright side\b|\bsilver lining\b|\bbright side\b",
    r"\b(?:it'll|it will|things will|things'll|you'll|you will|it's going to|things are going "
    r"to) (?:all )?(?:work out|sort itself out|sort themselves out|get better|be okay|be ok|"
    r"be fine|blow over|settle down|go away)\b",
    r"\b(?:no one|nobody|noone) (?:will|would|is going to|really) (?:notice|care|judge|mind|"
    r"remember)\b",
    r"\beveryone (?:goes through|has|feels|gets|does) (?:that|this|it)\b",
    r"\b(?:it|that|this) (?:wasn't|was not|isn't|is not) (?:really )?(?:that|so) (?:bad|"
    r"serious|big|terrible|awful)\b",
    r"\b(?:just|simply) (?:a|an) (?:misunderstanding|joke|phase|bad night|one-off)\b",
)

LABEL_WORDS = (
    r"(?:dramatic|melodramatic|oversensitive|over-sensitive|hysterical|paranoid|needy|clingy|"
    r"codependent|co-dependent|selfish|lazy|weak|pathetic|naive|naïve|immature|controlling|"
    r"obsessive|obsessed|uptight|prudish|a prude|frigid|promiscuous|desperate|irrational|"
    r"ridiculous|silly|stupid|crazy|childish|manipulative|unreasonable|hypocritical|"
    r"a hypocrite|sneaky|a cop-out|cop-out|over the top|excessive|extreme|too much|"
    r"attention-seeking|attention seeking|a bit much|an overreaction|overreacting|"
    r"over-reacting|irresponsible|reckless|careless|foolish|toxic|unhealthy|self-destructive|"
    r"spineless|cowardly|a coward|a doormat|a pushover|passive-aggressive|passive aggressive|"
    r"entitled|high-maintenance|high maintenance|jealous|insecure|possessive|cold|frigid|"
    r"stubborn|petty|vindictive|a liar|dishonest|shady|creepy|an addict|addicted)"
)

_NOT_NEGATED = r"(?!(?:\w+ ){0,2}(?:not|never|no longer|hardly|far from|anything but)\b)"

LABEL = (
    r"\b(?:you're|you are|you were|you've been|you have been|you sound|you seem|you can be|"
    r"you get|you're being|you are being|you were being|you come across as|you're acting|"
    r"you're just|you're a bit|you're quite|you're pretty|you're kind of|you're sort of|"
    r"you're so|you're too) " + _NOT_NEGATED + r"(?:\w+ ){0,3}?" + LABEL_WORDS + r"\b",
    r"\b(?:that's|that is|that was|it's|it is|it was|this is|that seems|that sounds|it sounds|"
    r"which is|which was|sounds) " + _NOT_NEGATED + r"(?:\w+ ){0,3}?" + LABEL_WORDS + r"\b",
    r"\b(?:a bit|pretty|rather|quite|kind of|sort of|a little|really|very|bit) "
    + LABEL_WORDS + r"\b",
)

LABEL_YOU = LABEL[:1]
"""Labels of the client themself ("you're being dramatic"): these veto validation."""

ALL = JUDGMENT + BLAME + MORAL + NOT_FEEL + LABEL
"""Every judgment pattern, as one cue group."""
