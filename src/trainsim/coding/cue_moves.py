"""Cue patterns for three moves a scenario can wait for: grounding, psychoeducation, summary.

Written from the definitions in docs/coding-definitions.md. Like the other cue patterns
(:mod:`trainsim.coding.cues`) they run on folded text and are features of the learned
heads; their matches are the spans shown to the trainee.
"""

from __future__ import annotations

_BODY = r"(?:feet|foot|chair|seat|floor|ground|back|hands?|breath(?:ing)?|weight|body|lap|knees)"

GROUNDING = (
    r"\b(?:take|taking|let's take|have|try) (?:a |one |two |three |some |a few )?(?:slow|slower|"
    r"deep|long|steady|gentle|full|big)?,? ?(?:slow |deep )?breaths?\b",
    r"\bbreath(?:e|ing)? (?:in|out|slowly|gently|together|with me|for a)\b",
    r"\b(?:let's|let us|can we|shall we|we can|we could|i'd like us to) (?:just )?(?:slow "
    r"(?:down|right down|this down|things down)|breathe|pause (?:here|for a|together)|stay "
    r"(?:here|with this) for a)\b",
    rf"\b(?:notice|feel|sense|press|plant|rest) (?:how )?(?:your|the|both) (?:\w+ )?{_BODY}\b",
    r"\b(?:feet|both feet) (?:flat )?(?:on|against) the (?:floor|ground)\b",
    r"\b(?:look|glance) around (?:the room|you|this room)\b",
    r"\bname (?:\w+ )?(?:three|five|four|two|\d) (?:things|colours|colors|sounds|objects)\b",
    r"\b(?:you're|you are) (?:safe )?(?:here|in this room|with me)(?:,| now| right now|\.|$)",
    r"\b(?:you're|you are) safe (?:here|now|right now|in this room)\b",
    r"\bhere (?:and|&) now\b|\bright here,? right now\b|\bin the present\b",
    r"\b(?:it's|it is) (?:\w+day|now|today)\b[^.?!]{0,40}\b(?:and )?(?:we're|we are|you're|you "
    r"are) (?:in|here)\b",
    r"\b(?:what|something) (?:can|do) you (?:see|hear|feel) (?:around you|in the room|right now)",
    r"\bground(?:ing)? (?:yourself|exercise|technique|ourselves)\b|\bget grounded\b",
    r"\b(?:hold|squeeze|touch) (?:something|the arm|your \w+ )?(?:cool|cold|warm|solid)\b",
    r"\blet (?:your|the) (?:breath|breathing|shoulders|body) (?:settle|slow|drop|soften)\b",
    r"\b(?:in|out) for (?:a count of )?(?:three|four|five|six|\d)\b",
    r"\bcome back (?:to the room|to me|to here|into the room)\b",
)

PSYCHOEDUCATION = (
    r"\b(?:research|studies|the evidence|evidence|what we know|surveys?) (?:\w+ )?(?:shows?|"
    r"suggests?|finds?|found|tells us|says)\b",
    r"\b(?:it's|it is|this is|that's|that is|they're|they are|these are) (?:\w+ )?(?:very |"
    r"really |quite |extremely |actually |incredibly |fairly |pretty )?(?:common|normal|usual|"
    r"typical|widespread|treatable|well known|well-known|recognised|recognized) (?:for|in|"
    r"among|after|with|when|during|to|reaction|response|experience|pattern|symptom|side)\b",
    r"\b(?:one of the )?most common (?:\w+ )?(?:things|reasons|causes|symptoms|experiences|"
    r"concerns|patterns|reactions)\b",
    r"\b(?:nervous system|hormones?|oestrogen|estrogen|testosterone|serotonin|dopamine|"
    r"cortisol|adrenaline|blood flow|pelvic floor|lubrication|menopause|perimenopause|"
    r"side effects?)\b",
    r"\b(?:responsive|spontaneous) desire\b|\bdesire discrepancy\b|\bfight,? flight\b|"
    r"\bfreeze response\b|\b(?:survival|protective|automatic|stress|trauma) (?:response|"
    r"reflex|reaction)s?\b",
    r"\b(?:sometimes |often )?(?:called|known as|referred to as)\b",
    r"\bthere (?:are|is) (?:\w+ )?(?:treatments?|options?|medications?|help|support|therapies|"
    r"ways to treat)\b",
    r"\b(?:can|may|might|often|tends? to|usually|commonly) (?:\w+ )?(?:cause|lead to|affect|"
    r"reduce|increase|lower|make (?:it|sex|desire|arousal)|ease|improve|settle|fade|change)\b",
    r"\b(?:for|in) (?:many|most|some|a lot of|lots of) (?:\w+ )?(?:people|women|men|couples|"
    r"survivors|adults|partners|folks)\b",
    r"\b(?:many|most|some|lots of|a lot of) (?:\w+ )?(?:people|women|men|couples|survivors|"
    r"adults) (?:\w+ )?(?:find|experience|notice|describe|report|have|get|go through)\b",
    r"\b(?:consent|arousal|desire|pain|libido|an orgasm|orgasm) (?:is|can be|isn't|is not|"
    r"means|doesn't|does not|often|usually|tends)\b",
    r"\b(?:can|could|may|might) i (?:share|tell you|explain|offer) (?:some|a bit|a little|"
    r"something|what|how)\b|\b(?:some|a bit of|a little) (?:general )?information\b",
    r"\bhow (?:this|that|it|the body|bodies|desire|arousal) (?:often |usually |typically )?"
    r"works\b",
    r"\b(?:it isn't|it's not|it is not|isn't|is not) (?:a )?(?:chosen|a choice|a character flaw|"
    r"a sign of|your fault|weakness)\b[^.?!]{0,60}\b(?:it's|it is)\b",
)

SUMMARY = (
    r"\bso far,? (?:you've|you have|we've|we have|i've|i have|i'm hearing|what i)\b",
    r"\b(?:let me|can i|could i|may i|i'll|i want to|i'd like to|just to) (?:just )?"
    r"(?:sum|summari[sz]e|pull|gather|recap|check (?:i've|that i've|i have)|make sure i've|"
    r"see if i've|bring)\b",
    r"\bto (?:sum (?:up|that up)|summari[sz]e|recap|pull (?:this|that|it|everything|things) "
    r"together)\b",
    r"\bhave i (?:got|understood|caught|missed|left out) (?:that|this|it|anything|something|"
    r"everything)\b|\bdid i (?:miss|get|leave out|catch)\b",
    r"\b(?:what|the things) (?:i'm|i am|i've been|i have been) (?:hearing|taking in)\b",
    r"\b(?:what i (?:heard|caught|took away)|what i've heard)\b",
    r"\bon (?:the )?one hand\b[^.?!]*\bon the other\b",
    r"\b(?:a few|several|two|three|four|some) (?:different |big |main |separate )?"
    r"(?:things|threads|strands|parts|pieces|worries|pressures) (?:you've|you have|going on|"
    r"here|today|at once|together|landing)\b",
    r"\byou've (?:told me|mentioned|described|talked about|said|shared|brought)\b[^.?!]*,"
    r"[^.?!]*\band\b",
    r"\b(?:first|firstly)\b[^.?!]*\b(?:then|second|next|and also)\b[^.?!]*\b(?:and|now|"
    r"finally|third)\b",
    r"\b(?:putting|put) (?:it|this|that|everything|all of (?:it|that)) together\b",
    r"\bif i (?:put|pull|bring) (?:together|all of)\b",
)
