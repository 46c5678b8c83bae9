"""Words of a title, what each looks like, and where it stands (first word, start of a subtitle, ...).

A word is a run of letters and digits that may hold apostrophes (``don't``, ``O'Brien``), inner full stops
(``U.S``, ``H.B``) and hyphens or slashes (``policy-making``, ``and/or``), each between two word characters.  The
hyphen- or slash-separated pieces are the word's *parts*: casing looks at each part on its own, as the manuals do
with hyphenated compounds.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from citekit._lazy_pattern import lazy_pattern

__all__ = [
    "MINOR_WORDS",
    "PREFIXES",
    "Form",
    "Role",
    "WordCache",
    "form_of",
    "is_all_caps",
    "part_offset",
    "parts",
    "roles",
    "words",
]

T = TypeVar("T")

#: Longer than any word of a title: a longer one is not kept, so a hostile title cannot fill the caches with megabytes.
LONGEST_CACHED = 48
#: How many words a cache keeps before it starts afresh: titles repeat their words, and the same few thousand words
#: recur from title to title.
CACHED_WORDS = 8192


class WordCache(dict[str, T]):
    """A pure function of one word, called as the function, with its results kept for the words seen last.

    A dict whose ``__missing__`` computes the value: a word seen before costs one dict look-up, in C (the casing
    rules look up a few dozen words per title, and a Python wrapper around ``functools.lru_cache`` doubled that).
    """

    def __init__(self, function: Callable[[str], T]) -> None:
        super().__init__()
        self._function = function
        functools.update_wrapper(self, function)  # its name and docstring, and __wrapped__

    def __missing__(self, word: str) -> T:
        value = self._function(word)
        if len(word) <= LONGEST_CACHED:
            if len(self) >= CACHED_WORDS:
                self.clear()
            self[word] = value
        return value

    __call__ = dict.__getitem__


# A run of letters, digits and combining marks, matched a run of one kind at a time (a third faster than one
# character at a time).  What follows a run in the patterns below is optional, so a match never backtracks into
# it.  (Not an atomic group: those need Python 3.11, and citekit runs on 3.10.)
_RUN = r"(?:[^\W_]+|[\u0300-\u036f]+)+"
_SPLIT = re.compile(rf"({_RUN}(?:['\u2019\u02bc.\-\u2010\u2011/]{_RUN})*)")
# The same words in ASCII text (where \w is [A-Za-z0-9_] and no combining mark occurs), found twice as fast.
_SPLIT_ASCII = re.compile(r"([A-Za-z0-9]+(?:['./-][A-Za-z0-9]+)*)")
# Its separators are single characters: a part's place in its word is the lengths of the parts before it.
_PART_SPLIT = re.compile(r"[-\u2010\u2011/]")

#: Articles, coordinating conjunctions ("and", "but", "for", "or", "nor"), "to", "as", and prepositions: the words
#: CMOS 8.159 sets lowercase in headline style whatever their length, and words that give no sign either way when
#: deciding whether a title is in headline case.  Prepositions that are far more often another part of speech in
#: titles ("past", "round", "save", "following") are left out; "so" and "yet" are left out because CMOS
#: capitalises them.
MINOR_WORDS = frozenset(
    """
    a an the and but for or nor to as
    about above across after against along alongside amid amidst among amongst around at atop before behind below
    beneath beside besides between beyond by circa concerning despite down during except excluding from in
    including inside into like minus near notwithstanding of off on onto out outside over per plus regarding since
    than through throughout till toward towards under underneath unlike until unto up upon versus via vs v with
    within without
    """.split()
)

#: Prefixes that cannot stand alone as words (CMOS 8.161): after one, the next element of a hyphenated compound is
#: lowercase in headline style ("Anti-intellectual", "Multi-level") unless it is a proper noun.
PREFIXES = frozenset(
    """
    anti bi bio co counter de extra hyper infra inter intra macro mega meta micro mid mini multi neo non pan para
    poly post pre proto pseudo re semi socio sub supra trans tri ultra un
    """.split()
)


class Form(enum.Enum):
    """What a word part looks like, which decides whether casing may touch it."""

    LOWER = "lower"  # "service"
    CAPITALIZED = "capitalized"  # "Service"
    CAPITAL_LETTER = "capital letter"  # "A", "I", "B"
    ACRONYM = "acronym"  # "DNA", "UK", "II", "U.S"
    MIXED = "mixed"  # "iPhone", "McDonald", "LaTeX", "d'Alembert"
    NUMBER = "number"  # holds a digit: "COVID-19" (part "19"), "4B", "21st"
    OTHER = "other"  # no cased letter at all (CJK, Arabic, ...)


class Role(enum.Enum):
    """Where a word stands, by what comes before it."""

    PLAIN = "plain"
    FIRST = "first"  # the title's first word
    SUBTITLE = "subtitle"  # after ":", an em dash or a spaced dash
    SENTENCE = "sentence"  # after "?" or "!" that ends a title part
    AFTER_PERIOD = "after period"  # after ". ": a new sentence, or an abbreviation; its case is kept as given


def words(text: str) -> tuple[list[str], list[str], str]:
    """The words of ``text`` in order (``tokens``), the ``gaps`` before them and the ``tail`` after the last: the
    text is the gaps and tokens in turn, then the tail.

    Strings, not spans: one C call splits the text, and the casing rules read and replace whole words or parts.
    """
    if text.isascii():
        if text.replace(" ", "").isalpha():  # about half of all titles: letters and single spaces, split as such
            tokens = text.split(" ")
            if "" not in tokens:
                return tokens, ["", *[" "] * (len(tokens) - 1)], ""
        pieces = _SPLIT_ASCII.split(text)
    else:
        pieces = _SPLIT.split(text)
    return pieces[1::2], pieces[0:-1:2], pieces[-1]


def parts(tokens: list[str], text: str) -> list[tuple[str, ...]]:
    """The hyphen- or slash-separated parts of each word of ``text`` (its ``tokens``)."""
    # Most titles: every word is one part (for ASCII text, two substring tests tell, ten times faster than a search).
    if ("-" not in text and "/" not in text) if text.isascii() else _PART_SPLIT.search(text) is None:
        return list(zip(tokens))
    return [tuple(_PART_SPLIT.split(token)) for token in tokens]


def part_offset(parts: tuple[str, ...], k: int) -> int:
    """Where part ``k`` starts in its word (each separator is one character)."""
    return sum(map(len, parts[:k])) + k


@WordCache
def form_of(part: str) -> Form:
    """The :class:`Form` of one word part."""
    if part.isascii() and part.isalpha():
        cased = part  # most parts: English words, every letter cased and no digit
    else:
        if any(map(str.isdigit, part)):
            return Form.NUMBER
        cased = _cased_letters(part)
        if not cased:
            return Form.OTHER
    # Each letter of ``cased`` is upper or lower case, so the string's own methods (C loops) decide.
    if cased.isupper():
        return Form.ACRONYM if len(cased) >= 2 else Form.CAPITAL_LETTER
    if cased[0].islower():
        return Form.LOWER if cased.islower() else Form.MIXED
    return Form.CAPITALIZED if cased[1:].islower() else Form.MIXED


def _cased_letters(part: str) -> str:
    """The letters of ``part`` that have a case (not those of Chinese or Arabic, say), in order."""
    return "".join(c for c in filter(str.isalpha, part) if c.isupper() or c.islower())


# What separates two words decides the second one's role.
_SENTENCE_END = re.compile(r"[?!]['\"\u2019\u201d)\]]*\s")
_SUBTITLE = re.compile(r":|\u2014|\s[\u2013-]{1,2}\s|--")
_PERIOD = lazy_pattern(r"\.['\"\u2019\u201d)\]]*\s")


def roles(gaps: Sequence[str]) -> list[Role]:
    """The role of each word, from the text between it and the word before (``gaps``, as :func:`words` gives)."""
    # All in C: nearly every gap is one of a few (" ", ": ", ", "), whose roles are cached.
    return [Role.FIRST, *map(_role_after, gaps[1:])] if gaps else []


@WordCache  # nearly every gap is one of a few: " ", ": ", ", "...
def _role_after(gap: str) -> Role:
    if _SENTENCE_END.search(gap):
        return Role.SENTENCE
    if _SUBTITLE.search(gap):
        return Role.SUBTITLE
    if _PERIOD.search(gap):
        return Role.AFTER_PERIOD
    return Role.PLAIN


def is_all_caps(text: str, protected: Sequence[bool], tokens: Sequence[str]) -> bool:
    """No lowercase letter outside protected text, and at least two words of two or more capitals.

    Such a title gives no sign of which words are acronyms, so casing leaves it as it is (one capitalised word,
    "NATO", is an acronym and stays anyway).
    """
    free = text if True not in protected else "".join(c for c, p in zip(text, protected) if not p)
    if any(map(str.islower, free)):
        return False
    long_words = sum(1 for token in tokens if sum(1 for c in token if c.isupper()) >= 2)
    return long_words >= 2
