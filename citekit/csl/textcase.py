"""CSL ``text-case`` over text split into segments, some of which must keep their case.

The processor hands over the leaves of a rendered subtree as :class:`Segment` objects; a protected
segment (inside ``<span class="nocase">``, or text citeproc-js treats the same way: small caps,
superscript, subscript) is returned unchanged but still takes part in word positions, so a protected
first word is the first word. Words are found in the concatenation of all segments, so a word that
markup splits (``<i>i</i>Pad``) is still one word.

Where the CSL 1.0.2 specification and citeproc-js (the reference implementation, whose behaviour the
test-suite fixtures ``textcase_*`` record) disagree, the fixtures win:

* **title**: the first character of every lowercase word is capitalized, except stop words and
  one-letter words, which are capitalized only as the first word, after ``:``, ``?`` or ``!``, as the
  first element of a hyphenated compound (``Pro-Environmental`` but ``Out-of-Fashion``), or (stop words
  of two letters or more) as the last word. Words that already hold a capital (``UK``, ``iPad``,
  ``l'Égypte``, ``For``) are left as they are; stop words are *not* lowercased (fixture: "All for one.
  For all." gives "All for One. For All."). Title case applies to English only (``english=False``
  leaves the text alone).
* **sentence**: the first word is capitalized if it is lowercase, every other word is lowercased
  (fixture ``textcase_SentenceCapitalization``; the spec would keep "Pen").
* A string in capitals (no lowercase letter in the unprotected text, and at least two words of two
  or more letters) is lowercased first for title and sentence case, as the specification says;
  single-word capitals such as "UK" or "OC 1" stay untouched (``textcase_CapitalsUntouched``).

Word characters are letters, digits and combining marks; an apostrophe between two of them is part of
the word (``don't``, ``Shafi'i``). Everything else, including ``.``, ``-``, ``/`` and dashes, separates
words, as in citeproc-js.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from citekit._lazy_pattern import lazy_pattern

__all__ = ["STOP_WORDS", "TEXT_CASES", "Segment", "apply_text_case", "text_case"]

TEXT_CASES = frozenset({"lowercase", "uppercase", "capitalize-first", "capitalize-all", "sentence", "title"})

#: Words title case leaves lowercase: citeproc-js's SKIP_WORDS (the source of the CSL schema's
#: stop-words list), restricted to single words since title case looks at one word at a time.
STOP_WORDS = frozenset(
    """
    a about above across afore after against al along alongside amid amidst among amongst an and anenst
    apropos apud around as aside astride at athwart atop barring before behind below beneath beside
    besides between beyond but by c ca circa d' de despite down during et except for forenenst from given
    in inside into lest like modulo near next nor notwithstanding of off on onto or out over per plus pro
    qua sans since so than the through thru throughout thruout till to toward towards under underneath
    until unto up upon v van versus via von vs with within without yet
    """.split()
)


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text; ``protected`` text keeps its case but still counts for word positions."""

    text: str
    protected: bool = False


# A word: letters/digits (plus combining marks, so decomposed accents stay inside the word), with
# apostrophes allowed between two such characters.
_WORD_CHAR = r"(?:[^\W_]|[\u0300-\u036f])"
_WORD = re.compile(rf"{_WORD_CHAR}+(?:['\u2019\u02bc\u02bb`]{_WORD_CHAR}+)*")
# Punctuation after which title case capitalizes the next word even if it is a stop word.
_AFTER_PUNCT = re.compile(r"[:?!]")
_HYPHENS = frozenset("-\u2010\u2011")
_ELISION = lazy_pattern(r"[a-z]['\u2019\u02bc]")
_TURKIC = frozenset({"tr", "az"})


def text_case(text: str, case: str, *, english: bool = True, language: str | None = None) -> str:
    """``text`` in ``case``, with nothing protected."""
    return apply_text_case((Segment(text),), case, english=english, language=language)[0]


def apply_text_case(
    segments: Sequence[Segment], case: str, *, english: bool = True, language: str | None = None
) -> list[str]:
    """The text of each segment after applying CSL ``text-case`` ``case`` to the whole run.

    ``english`` says whether the item counts as English (title case only changes English text; the
    processor decides this from the style's default-locale and the item's language). ``language`` is a
    locale code used for locale-sensitive case mapping (Turkish and Azerbaijani dotted/dotless i).
    Raises ValueError for an unknown ``case``.
    """
    turkic = language is not None and language[:2].lower() in _TURKIC
    if case == "lowercase":
        return [s.text if s.protected else _lower(s.text, turkic) for s in segments]
    if case == "uppercase":
        return [s.text if s.protected else _upper(s.text, turkic) for s in segments]
    if case not in TEXT_CASES:
        raise ValueError(f"unknown text-case {case!r}")
    texts = [s.text for s in segments]
    if case == "title" and not english:
        return texts
    full = "".join(texts)
    if case == "capitalize-first":
        # Only the first word matters: no need to find the others.
        first = _WORD.search(full)
        if first is None:
            return texts
        casing = _Casing(full, _protection(segments, len(full)), turkic)
        casing.capitalize(*first.span())
        return casing.result(segments)
    words = [m.span() for m in _WORD.finditer(full)]
    if not words:
        return texts
    casing = _Casing(full, _protection(segments, len(full)), turkic)
    if case == "capitalize-all":
        for start, end in words:
            casing.capitalize(start, end)
    elif case == "sentence":
        _sentence(casing, words)
    else:
        _title(casing, words)
    return casing.result(segments)


class _Casing:
    """Case changes to ``full`` that never touch protected characters.

    Capitalizing changes a few first letters, kept as sparse per-position edits; lowering (sentence
    case, strings in capitals) rewrites whole words, so it switches to a full list of characters.
    """

    __slots__ = ("chars", "edits", "full", "mask", "turkic")

    def __init__(self, full: str, mask: bytearray | None, turkic: bool) -> None:
        self.full = full
        self.mask = mask
        self.turkic = turkic
        self.edits: dict[int, str] = {}
        self.chars: list[str] | None = None

    def current(self, start: int, end: int) -> str:
        """The word as it reads after the edits made so far (capitals only ever touch earlier words)."""
        if self.chars is None:
            return self.full[start:end]
        return "".join(self.chars[start:end])

    def lower(self, start: int, end: int) -> None:
        chars = self.chars
        if chars is None:
            chars = self.chars = list(self.full)
            for at, text in self.edits.items():
                chars[at] = text
        word = self.full[start:end]
        low = _lower(word, self.turkic)
        if low == word:
            return
        mask = self.mask
        if mask is None and len(low) == len(word):
            chars[start:end] = low
            return
        for i in range(start, end):
            if mask is None or not mask[i]:
                chars[i] = _lower(self.full[i], self.turkic)

    def capitalize(self, start: int, end: int, word: str | None = None) -> None:
        """Uppercase the word's first character if the word is lowercase and that character is free."""
        if word is None:
            word = self.current(start, end)
        if word != _lower(word, self.turkic):
            return  # Has a capital already (iPad, UK, l'Égypte): its case is the author's.
        if end - start == 1 and "\u0370" <= word <= "\u03ff":
            return  # A lone Greek letter is a symbol (β-carotene), not a word.
        if self.mask is not None and self.mask[start]:
            return
        up = _upper(word[0], self.turkic)
        if up != word[0]:
            self.edits[start] = up
            if self.chars is not None:
                self.chars[start] = up

    def result(self, segments: Sequence[Segment]) -> list[str]:
        """The text of each segment after the edits."""
        if self.chars is not None:
            out: list[str] = []
            pos = 0
            for seg in segments:
                end = pos + len(seg.text)
                out.append(seg.text if seg.protected else "".join(self.chars[pos:end]))
                pos = end
            return out
        return _assemble(segments, self.full, self.edits)


def _sentence(casing: _Casing, words: list[tuple[int, int]]) -> None:
    all_caps = _is_all_caps(casing, words)
    first_start, first_end = words[0]
    if all_caps:
        casing.lower(first_start + 1, first_end)
    casing.capitalize(first_start, first_end)
    for start, end in words[1:]:
        casing.lower(start, end)


def _title(casing: _Casing, words: list[tuple[int, int]]) -> None:
    # Unlike CSL 1.0.2's wording, citeproc-js leaves an all-caps title as it is ("FOO BAR"), and so does
    # citekit: capitalised words stay capitalised.
    full = casing.full
    last = len(words) - 1
    prev_end = 0
    for index, (start, end) in enumerate(words):
        after_punct = _AFTER_PUNCT.search(full, prev_end, start) is not None
        prev_end = end
        first = full[start]
        if first.upper() == first:
            continue  # capitalising could not change it (a capital, a digit): most words of a title as typed
        word = casing.current(start, end)
        if index == 0 or after_punct:
            casing.capitalize(start, end, word)
            continue
        short = end - start == 1
        if not short and not _is_stop_word(word.lower()):
            casing.capitalize(start, end, word)
        elif end < len(full) and full[end] in _HYPHENS and not (start > 0 and full[start - 1] in _HYPHENS):
            # First element of a hyphenated compound: "pro-environmental" -> "Pro-Environmental".
            casing.capitalize(start, end, word)
        elif index == last and not short:
            casing.capitalize(start, end, word)


def _is_stop_word(word: str) -> bool:
    if word in STOP_WORDS:
        return True
    # French/Italian elision of a stop word: d'Alembert, d'archéologie.
    return _ELISION.match(word) is not None and word[:1] + "'" in STOP_WORDS


def _is_all_caps(casing: _Casing, words: list[tuple[int, int]]) -> bool:
    """No lowercase letter in the free text, and at least two words of two or more capitals."""
    full, mask = casing.full, casing.mask
    free = full if mask is None else "".join(c for c, m in zip(full, mask) if not m)
    if free == free.upper() and free != free.lower():
        long_words = sum(1 for s, e in words if sum(1 for c in full[s:e] if c.isupper()) >= 2)
        return long_words >= 2
    return False


def _protection(segments: Sequence[Segment], length: int) -> bytearray | None:
    if not any(s.protected for s in segments):
        return None
    mask = bytearray(length)
    pos = 0
    for seg in segments:
        n = len(seg.text)
        if seg.protected:
            mask[pos : pos + n] = b"\x01" * n
        pos += n
    return mask


def _assemble(segments: Sequence[Segment], full: str, edits: dict[int, str]) -> list[str]:
    if not edits:
        return [s.text for s in segments]
    positions = sorted(edits)
    count = len(positions)
    out: list[str] = []
    k = 0
    pos = 0
    for seg in segments:
        end = pos + len(seg.text)
        if k < count and positions[k] < end:
            pieces: list[str] = []
            cursor = pos
            while k < count and positions[k] < end:
                at = positions[k]
                pieces.append(full[cursor:at])
                pieces.append(edits[at])
                cursor = at + 1
                k += 1
            pieces.append(full[cursor:end])
            out.append("".join(pieces))
        else:
            out.append(seg.text)
        pos = end
    return out


def _lower(text: str, turkic: bool) -> str:
    if turkic:
        text = text.replace("I", "\u0131").replace("\u0130", "i")
    return text.lower()


def _upper(text: str, turkic: bool) -> str:
    if turkic:
        text = text.replace("i", "\u0130")
    return text.upper()
