"""Sentence case, as APA 7 (6.17) and Cite Them Right set the titles of works.

Only the first word, the first word of each subtitle and proper nouns are capitalised.  A title is lowered only
when it is in headline case: :func:`detect_headline` weighs its capitalised words against its lowercase ones.  A
title already in sentence case keeps its words; only its first word and, where the style wants it, the first
word of each subtitle are capitalised.  Never lowered: protected text (``<span class="nocase">``, italics inside a
title, small caps, super- and subscripts), acronyms and other words in capitals ("DNA", "UK", "II"), words of mixed
case ("iPhone", "McDonald"), words with digits ("COVID-19", "4B"), a capital letter that names something
("Vitamin A", "Plan B", "I"), names of the lexicon, a capitalised singular possessive ("Alzheimer's", mostly a name
in a title), the name of a meeting after "Proceedings of", and a word after a full stop inside a title (a new
sentence or an abbreviation: its case is the author's).  An all-caps title, and a title in another language or
script, is left as it is.  ``docs/casing.md`` has the rules with examples.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from citekit.casing.analysis import Title, kept_words
from citekit.casing.lexicon import Lexicon
from citekit.casing.words import MINOR_WORDS, PREFIXES, Form, Role, WordCache, form_of

__all__ = ["SentenceCase", "detect_headline", "sentence_case", "sentence_cased", "to_sentence_case"]


@dataclass(frozen=True)
class SentenceCase:
    """What :func:`to_sentence_case` made: the ``text``, and whether the title was read as headline case
    (None: the title gave no sign either way, so no word was lowered)."""

    text: str
    headline: bool | None


def sentence_case(text: str, *, capitalize_subtitles: bool = True) -> str:
    """``text`` (CSL rich text) in sentence case.

    ``capitalize_subtitles``: capitalise the first word after a colon or an em dash (APA); with False it is
    treated like any other word (Cite Them Right: "...secondary schools: achieving QTS...").  The first word after
    "?" or "!" that ends a title part starts a sentence and is capitalised either way.

    >>> sentence_case("Critical Perspectives on User Involvement")
    'Critical perspectives on user involvement'
    >>> sentence_case("Collaboration in public services: can service users and staff participate together?")
    'Collaboration in public services: Can service users and staff participate together?'
    """
    return sentence_cased(text, capitalize_subtitles, None)[0]


def to_sentence_case(text: str, *, capitalize_subtitles: bool = True, headline: bool | None = None) -> SentenceCase:
    """:func:`sentence_case` that also says how it read the title.

    ``headline``: None detects it; True or False imposes it (a short title takes the reading of its full title).
    """
    return SentenceCase(*sentence_cased(text, capitalize_subtitles, headline))


def sentence_cased(text: str, capitalize_subtitles: bool, headline: bool | None) -> tuple[str, bool | None]:
    """:func:`to_sentence_case` as a plain pair (text, headline), for callers that case many titles."""
    title = Title(text)
    if not title.tokens or title.all_caps or title.foreign:
        return text, None
    detected = detect_headline(title) if headline is None else headline
    starting = _STARTING[capitalize_subtitles]
    # The first part of a word that starts the title or a part is capitalised; it is never lowered below.
    for index in [i for i, role in enumerate(title.roles) if role in starting]:
        title.capitalize(index, 0)
    if detected is True:
        _lower(title, starting)
    return title.result(), detected


def _lower(title: Title, starting: tuple[Role, ...]) -> None:
    """Lower the capitalised words of a headline-case ``title`` that are not names."""
    meeting = _meeting_name(title)
    evidence = _evidence(title.lexicon)
    after_period = Role.AFTER_PERIOD  # once: in Python 3.11 an Enum member look-up is a Python call
    for index, (free, role, in_name) in enumerate(zip(title.free_parts, title.roles, title.in_name)):
        if in_name or role is after_period or index in meeting:
            continue
        for k in range(1 if role in starting else 0, len(free)):
            part = free[k]
            # A capitalised part the lexicon does not keep (evidence for headline case), or the article "A".
            if evidence(part) > 0 or (part == "A" and not title.is_letter_a(index, k) and not title.keeps(part)):
                title.lower(index, k)


# Tuples, not sets: roles compare by identity, and an Enum's hash is a Python call.
_OPENING = (Role.SUBTITLE, Role.SENTENCE)  # the roles of a word that opens a title part
_STARTING = {  # the roles whose word is capitalised, by capitalize_subtitles
    True: (Role.FIRST, Role.SENTENCE, Role.SUBTITLE),
    False: (Role.FIRST, Role.SENTENCE),
}


def _meeting_name(title: Title) -> range:
    """ "Proceedings of the 25th West Coast Conference on Formal Linguistics": what follows "Proceedings of" is the
    name of a meeting, a proper noun, kept as given up to the end of the title part.  The indexes of its words."""
    if len(title.tokens) < 3 or title.tokens[0].lower() != "proceedings" or title.tokens[1].lower() != "of":
        return range(0)
    end = next((i for i, role in enumerate(title.roles) if role in _OPENING), len(title.roles))
    return range(2, end)


def detect_headline(title: Title) -> bool | None:
    """Whether ``title`` is in headline case: True, False, or None when it gives no sign either way.

    The evidence is the words whose case the author chose freely: not the first word of the title or of a part,
    not protected text, acronyms, mixed case, numbers, single letters or names of the lexicon.  A capitalised one
    counts for headline case; a lowercase one of four letters or more that is not a minor word counts against
    (short words are left lowercase by some house styles: "Emotion and Regulation are One!").  Headline case wins
    when its count is more than twice the other's, so a sentence-case title with a few proper nouns the lexicon
    does not know ("Freud", "Byzantine") stays as it is.  No evidence at all (one-word titles, titles of
    acronyms and names) is None: nothing is lowered.
    """
    evidence = _evidence(title.lexicon)
    plain = Role.PLAIN  # once: in Python 3.11 an Enum member look-up is a Python call
    signs = [
        evidence(part)
        for parts, free, role, in_name in zip(title.parts, title.free_parts, title.roles, title.in_name)
        if role is plain and not in_name
        # "Anti-inflammatory": lowercase in headline case too, so only the prefix counts
        for part in (free[:1] if len(parts) > 1 and parts[0].lower() in PREFIXES else free)
    ]
    capital, lower = signs.count(1), signs.count(-1)
    if capital == 0 and lower == 0:
        return None
    return capital > 2 * lower


@functools.cache  # one per lexicon: in practice the one shipped
def _evidence(lexicon: Lexicon) -> WordCache[int]:
    """:func:`_sign` of a part, but 0 for a part the lexicon keeps (names, possessives taken for names)."""
    keeps = kept_words(lexicon)
    return WordCache(lambda part: 0 if keeps(part) else _sign(part))


def _sign(part: str) -> int:
    """What a part tells of headline case by its form alone: 1 for it, -1 against, 0 nothing."""
    form = form_of(part)
    if form is Form.CAPITALIZED:
        return 1
    if form is Form.LOWER and len(part) >= 4 and part.lower() not in MINOR_WORDS:
        return -1
    return 0
