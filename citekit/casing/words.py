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
from typing import NamedTuple, TypeVar

from citekit._lazy_pattern import lazy_pattern

__all__ = [
    "MINOR_WORDS",
    "PREFIXES",
    "Form",
    "Role",
    "Word",
    "WordCache",
    "form_of",
    "is_all_caps",
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


# A run of letters, digits and combining marks; matched a run of one kind at a time (atomically, so there is no
# backtracking inside), which is a third faster than one character at a time.
_RUN = r"(?>[^\W_]+|[\u0300-\u036f]+)+"
_WORD = re.compile(rf"{_RUN}(?:['\u2019\u02bc.\-\u2010\u2011/]{_RUN})*")
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


class Word(NamedTuple):
    """A word of the visible text: its span and the spans of its parts."""

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]


def words(text: str) -> list[Word]:
    """The words of ``text``, in order."""
    spans = [match.span() for match in _WORD.finditer(text)]
    if _PART_SPLIT.search(text) is None:  # most titles: every word is one part
        return [_word((start, end, ((start, end),))) for start, end in spans]
    return [_word((start, end, _parts(text, start, end))) for start, end in spans]


# Word's own constructor is a Python function; tuple.__new__ makes the same Word at half the cost.
_word = functools.partial(tuple.__new__, Word)


def _parts(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    parts: list[tuple[int, int]] = []
    at = start
    for sep in _PART_SPLIT.finditer(text, start, end):
        parts.append((at, sep.start()))
        at = sep.end()
    parts.append((at, end))
    return tuple(parts)


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
# What each of the three needs at least one of.
_ROLE_MARK = re.compile(r"[?!:\u2014\u2013.-]")


def roles(text: str, found: Sequence[Word]) -> list[Role]:
    """The role of each word, from the text between it and the word before."""
    if not found:
        return []
    if _ROLE_MARK.search(text) is None:  # many titles: no gap can make a word anything but plain
        return [Role.FIRST] + [Role.PLAIN] * (len(found) - 1)
    gaps = [text[before.end : word.start] for before, word in zip(found, found[1:])]
    # Most words follow a single space, which makes them plain: no need to look that up.
    return [Role.FIRST, *(Role.PLAIN if gap == " " else _role_after(gap) for gap in gaps)]


@WordCache  # nearly every gap is one of a few: " ", ": ", ", "...
def _role_after(gap: str) -> Role:
    if _SENTENCE_END.search(gap):
        return Role.SENTENCE
    if _SUBTITLE.search(gap):
        return Role.SUBTITLE
    if _PERIOD.search(gap):
        return Role.AFTER_PERIOD
    return Role.PLAIN


def is_all_caps(text: str, protected: Sequence[bool], found: Sequence[Word]) -> bool:
    """No lowercase letter outside protected text, and at least two words of two or more capitals.

    Such a title gives no sign of which words are acronyms, so casing leaves it as it is (one capitalised word,
    "NATO", is an acronym and stays anyway).
    """
    free = text if True not in protected else "".join(c for c, p in zip(text, protected) if not p)
    if any(map(str.islower, free)):
        return False
    long_words = sum(1 for w in found if sum(1 for c in text[w.start : w.end] if c.isupper()) >= 2)
    return long_words >= 2
