"""The lexicon of proper names sentence case never lowers, read from ``lexicon.txt`` beside this module.

The file's own header describes its format; ``docs/casing.md`` what it covers.  Names are matched word by word
on the words of :mod:`citekit.casing.words`, so "New Zealand" matches the two words "New" and "Zealand" with only
white space between them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from citekit._resources import resource
from citekit.casing.words import MINOR_WORDS, Word, WordCache

__all__ = ["Lexicon", "Name", "load_lexicon"]

_NUMBER_ONLY = "@number"
_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019]?|['\u2019])$")


@dataclass(frozen=True)
class Name:
    """One entry: its words as written, and whether it counts only next to a number."""

    words: tuple[str, ...]
    near_number: bool = False
    section: str = ""


class Lexicon:
    """Proper names, indexed by their first word."""

    def __init__(self, names: Sequence[Name]) -> None:
        self.names = tuple(names)
        index: dict[str, list[Name]] = {}
        for name in names:
            index.setdefault(_key(name.words[0]), []).append(name)
        # Longest first, so "New Zealand" wins over a one-word "New..." entry.
        self._index: Mapping[str, list[Name]] = {
            k: sorted(v, key=lambda n: -len(n.words)) if len(v) > 1 else v for k, v in index.items()
        }

        self._candidates = WordCache(self._find_candidates)
        #: ``word in lexicon`` (the same answer, without the call to ``__contains__``).
        self.is_name = WordCache(self._is_name)

    def __contains__(self, word: str) -> bool:
        """Whether ``word`` alone (or its plural or possessive) is a one-word name of the lexicon."""
        return self.is_name(word)

    def _is_name(self, word: str) -> bool:
        return any(
            len(n.words) == 1 and not n.near_number and _same(n.words[0], word, last=True)
            for n in self._candidates(word)
        )

    def _find_candidates(self, word: str) -> tuple[Name, ...]:
        """The names that start with ``word``, and the one-word names of its form without a plural or possessive
        ending ("Americans", "Britain's")."""
        found = tuple(self._index.get(_key(word), ()))
        bare = _POSSESSIVE.sub("", word)
        if bare != word:
            found += tuple(n for n in self._index.get(_key(bare), ()) if len(n.words) == 1)
        return found

    def names_in(self, text: str, found: Sequence[Word], tokens: Sequence[str]) -> list[bool]:
        """Per word of ``found`` (whose texts are ``tokens``): whether it belongs to a name of the lexicon."""
        flags = [False] * len(found)
        # Most words start no name: the cached look-up rules them out before any call to match.
        starts = [index for index, token in enumerate(tokens) if self._candidates(token)]
        covered = 0  # the words up to here belong to a name already
        for index in starts:
            if index >= covered:
                size = self.match(text, found, index)
                flags[index : index + size] = [True] * size
                covered = index + size
        return flags

    def match(self, text: str, found: Sequence[Word], index: int) -> int:
        """How many words of ``found``, from ``index`` on, form a name of the lexicon (0: none).

        Words must follow each other with only white space between them; a name's last word may carry a plural or
        possessive ending.  Small words inside a name match in either case ("Bank Of England").
        """
        first = text[found[index].start : found[index].end]
        for name in self._candidates(first):
            size = len(name.words)
            if index + size > len(found):
                continue
            if all(
                _same(name.words[k], text[found[index + k].start : found[index + k].end], last=k == size - 1)
                and (k == 0 or not text[found[index + k - 1].end : found[index + k].start].strip())
                for k in range(size)
            ):
                if name.near_number and not _near_number(text, found, index, index + size):
                    continue
                return size
        return 0


def _key(word: str) -> str:
    return word.lower().replace("\u2019", "'")


def _same(entry: str, word: str, *, last: bool) -> bool:
    word = word.replace("\u2019", "'")
    if entry.lower() in MINOR_WORDS:
        return entry.lower() == word.lower()
    if entry == word:
        return True
    return last and _POSSESSIVE.sub("", word) == entry


def _near_number(text: str, found: Sequence[Word], start: int, end: int) -> bool:
    """A number right before or after the name: "May 2020", "3 March"."""
    neighbours = [found[i] for i in (start - 1, end) if 0 <= i < len(found)]
    return any(text[w.start : w.end].isdigit() for w in neighbours)


_PLAIN_LINE = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


def parse_lexicon(text: str) -> Lexicon:
    """A :class:`Lexicon` from the text of a lexicon file."""
    from citekit.casing.words import words

    names: list[Name] = []
    section = ""
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        near_number = line.endswith(_NUMBER_ONLY)
        if near_number:
            line = line[: -len(_NUMBER_ONLY)].strip()
        if _PLAIN_LINE.fullmatch(line):
            # Letters and single spaces (almost every line): the words are the split, without the word scanner,
            # which would cost every cold start several milliseconds.
            tokens = tuple(line.split(" "))
        else:
            tokens = tuple(line[w.start : w.end] for w in words(line))
        if tokens:
            names.append(Name(tokens, near_number, section))
    return Lexicon(names)


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon shipped with citekit (read once)."""
    text = resource("citekit.casing", "lexicon.txt").read_text(encoding="utf-8")
    return parse_lexicon(text)
