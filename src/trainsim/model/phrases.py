"""Built-in English phrase lists that read what a typed turn asks for.

They are matched on folded, unstemmed words (:func:`trainsim.model.words.has_phrase`), so
each list spells out the forms it means ("telling me" is not "tell me"). They stand in for
codes the coder does not emit yet (grounding) and for what no code says: whether a question
asks for more or offers a way out, and whether a permission question wraps the question
itself.
"""

from __future__ import annotations

SLOWING = (
    "pause", "pausing", "stop", "stopping", "break", "breath", "breathe", "breathing", "slow",
    "slow down", "slowly", "leave it", "leave that", "leave this", "leave the rest",
    "leave it there", "leave there", "for now", "skip", "skip it", "lighter",
    "something else", "move on", "another time", "for today", "wait", "ground", "grounding",
    "feet on the floor", "come back to", "a moment", "rather not", "not to",
    "how are you doing", "how are you feeling", "how is this", "how is it to",
    "how was that", "how has it felt", "how has this felt", "whenever you like",
    "youre in charge", "you decide", "up to you", "is that okay", "is that ok",
    "is that all right", "is that alright", "does that sound", "how does that sound",
    "would that be okay", "would that be ok", "to have said", "saying that out loud",
    "what do you need", "what would help", "how would you like to handle",
    "how would you like to take", "dont have to", "no need to", "you dont need to",
)
"""A check-in that offers to slow down, pause, stop or leave a topic."""

MORE = (
    "more", "else", "the rest", "go on", "go into", "carry on with it", "detail", "details",
    "what happened", "what happens", "happened", "what did", "what was", "what she",
    "what he", "what they", "tell me", "say a bit", "say a little", "talk about it",
    "talk about that", "explain", "describe", "exactly", "and then", "her name", "his name",
)
"""Asking for more of what was just said."""

REQUEST = (
    "tell me", "help me understand", "i want to know", "i need to know", "id like to know",
    "i would like to know", "id like to hear", "i would like to hear", "id like to understand",
    "i would like to understand", "i want to understand", "id really like to understand",
    "id love to hear", "i wonder what", "i wonder whether", "i wonder if you",
    "im wondering what", "im still wondering", "im wondering whether", "im curious",
    "walk me through", "talk me through", "describe", "explain", "go on",
    "it would help to know", "it would help to hear", "it might help to hear",
    "can you tell", "could you tell", "would you tell", "please tell", "please say",
    "please describe", "please explain", "say more", "talk more", "share more",
    "lets talk about", "lets go into", "lets go back to", "lets look at", "lets explore",
    "lets get into", "lets dig into", "lets come back to",
)
"""A request for information put as a statement: it asks as a question does."""

STARTERS = frozenset({
    "what", "how", "why", "when", "where", "who", "which", "did", "does", "do", "would",
    "could", "can", "is", "are", "was", "were", "will", "have", "has", "had", "should",
    "shall", "may", "might", "tell", "say", "isnt", "arent", "didnt", "dont", "wasnt",
})
"""First words of a sentence that asks (typed questions often lack the "?")."""

LEAD_INS = frozenset({"so", "and", "but", "now", "then", "ok", "okay", "well", "right", "um",
                      "uh", "hmm", "also", "just", "oh", "alright"})
"""Words that may come before a question's first word ("So what did she do.")."""

MID_ASK = (
    "what did", "what does", "what was", "what were", "how did", "why did", "when did",
    "who did", "and then what", "then what", "walk through", "go through",
)
"""A question inside a sentence that does not start as one ("...so what did she do")."""

OFFERS = frozenset({"would", "could", "can", "shall", "may", "is", "do"})
"""First words of a question that offers a choice rather than asking for content."""

GROUNDING = (
    "breath", "breathe", "breathing", "feet on the floor", "feet on the ground", "the chair",
    "the seat under you", "the ground under", "your shoulders", "shoulders drop",
    "in this room", "look around the room", "around the room", "name five", "slow down",
    "slow right down", "pause", "stop here", "stop there", "take a moment",
)
"""An offer of grounding: slowing down, breathing, orienting to the room and the present."""

WRAPS = ("if i ask", "can i ask", "may i ask", "could i ask", "mind if i ask", "ok to ask",
         "okay to ask", "alright to ask", "all right to ask", "ok if i ask", "okay if i ask")
"""Permission to ask; followed at once by the question itself, it is no real choice."""

WRAPPED = frozenset({"what", "how", "whether", "if", "why", "when", "where", "who", "did",
                     "was", "were", "is", "are", "do", "does", "have", "has", "could",
                     "would", "will", "you"})
"""First words after a permission phrase that show the question itself follows."""

VERDICT_WRAPS = ("if i point out", "if i say", "if i tell you", "if i suggest",
                 "if i am honest", "if im honest", "if i challenge", "if we agree",
                 "agree that you")
"""Permission to deliver a verdict: "Is it OK if I point out that you're dodging it?"."""

GENERIC = frozenset({
    "feel", "feeling", "feelings", "felt", "sound", "sounds", "like", "think", "that", "this",
    "really", "know", "want", "wanted", "just", "about", "make", "makes", "sense", "thing",
    "things", "what", "when", "there", "have", "been", "your", "them", "they", "with", "from",
    "would", "could", "should", "more", "some", "something", "much", "very", "well", "right",
    "okay", "seem", "seems", "lot", "hard", "time", "mind", "going", "talk", "here", "said",
    "tell", "then", "than", "also", "even", "still", "maybe", "kind", "sort", "quite",
    "yourself", "youre", "its", "thats", "dont", "im", "ive", "didnt", "doesnt", "cant",
    "where", "which", "while", "those", "these", "were", "will", "into", "over", "because",
    "other", "every", "all", "any", "anything", "everything", "people", "way", "ways",
})
"""Words too common to show that a reflection is anchored in what the client said."""
