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

from dataclasses import dataclass

from citekit.casing.analysis import Title
from citekit.casing.words import MINOR_WORDS, PREFIXES, Form, Role, WordCache, form_of

__all__ = ["SentenceCase", "detect_headline", "sentence_case", "to_sentence_case"]


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
    return to_sentence_case(text, capitalize_subtitles=capitalize_subtitles).text


def to_sentence_case(text: str, *, capitalize_subtitles: bool = True, headline: bool | None = None) -> SentenceCase:
    """:func:`sentence_case` that also says how it read the title.

    ``headline``: None detects it; True or False imposes it (a short title takes the reading of its full title).
    """
    title = Title(text)
    if not title.tokens or title.all_caps or title.foreign:
        return SentenceCase(text, None)
    detected = detect_headline(title) if headline is None else headline
    lowering = detected is True
    in_proceedings_name = _proceedings(title)
    starting = _STARTING[capitalize_subtitles]
    for index, (parts, role) in enumerate(zip(title.parts, title.roles)):
        if role in _OPENING:
            in_proceedings_name = False
        if role is Role.AFTER_PERIOD or (in_proceedings_name and index >= 2):
            continue
        starts = role in starting
        if starts:
            title.capitalize(index, 0)
        if lowering and not title.in_name[index]:
            for k in range(1 if starts else 0, len(parts)):
                if _lowerable(title, index, k):
                    title.lower(index, k)
    return SentenceCase(title.result(), detected)


# Tuples, not sets: roles compare by identity, and an Enum's hash is a Python call.
_OPENING = (Role.SUBTITLE, Role.SENTENCE)  # the roles of a word that opens a title part
_STARTING = {  # the roles whose word is capitalised, by capitalize_subtitles
    True: (Role.FIRST, Role.SENTENCE, Role.SUBTITLE),
    False: (Role.FIRST, Role.SENTENCE),
}


def _proceedings(title: Title) -> bool:
    """ "Proceedings of the 25th West Coast Conference on Formal Linguistics": what follows "Proceedings of" is the
    name of a meeting, a proper noun, kept as given up to the end of the title part."""
    if len(title.tokens) < 3:
        return False
    first, second = title.tokens[:2]
    return first.lower() == "proceedings" and second.lower() == "of"


def _lowerable(title: Title, index: int, k: int) -> bool:
    part = title.parts[index][k]
    if part == "A":
        return not title.is_letter_a(index, k) and not title.is_kept(index, k)
    return form_of(part) is Form.CAPITALIZED and not title.is_kept(index, k)


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
    capital = lower = 0
    for index, (parts, role, in_name) in enumerate(zip(title.parts, title.roles, title.in_name)):
        if role is not Role.PLAIN or in_name:
            continue
        if len(parts) > 1 and parts[0].lower() in PREFIXES:
            parts = parts[:1]  # "Anti-inflammatory": lowercase in headline case too
        for k, part in enumerate(parts):
            sign = _sign(part)
            if sign and not title.is_kept(index, k):
                if sign > 0:
                    capital += 1
                else:
                    lower += 1
    if capital == 0 and lower == 0:
        return None
    return capital > 2 * lower


@WordCache
def _sign(part: str) -> int:
    """What a part tells of headline case by its form alone: 1 for it, -1 against, 0 nothing."""
    form = form_of(part)
    if form is Form.CAPITALIZED:
        return 1
    if form is Form.LOWER and len(part) >= 4 and part.lower() not in MINOR_WORDS:
        return -1
    return 0
