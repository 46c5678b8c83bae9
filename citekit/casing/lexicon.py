"""The lexicon of proper names sentence case never lowers, read from ``lexicon.txt`` beside this module.

The file's own header describes its format; ``docs/casing.md`` what it covers.  Names are matched word by word
on the words of :mod:`citekit.casing.words`, so "New Zealand" matches the two words "New" and "Zealand" with only
white space between them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from citekit._resources import resource
from citekit.casing.words import MINOR_WORDS, WordCache

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
    """Proper names, indexed by their first word.

    Made from :class:`Name` entries, or by :func:`parse_lexicon` from a lexicon file, whose lines become entries
    only when a word looks them up: a title meets a few of the ~900 first words, and making all ~1,200 entries up
    front cost every process milliseconds, and kept as many objects for the garbage collector to go over at exit.
    """

    def __init__(self, names: Sequence[Name] = (), *, lines: Mapping[str, str] | None = None, text: str = "") -> None:
        """``names``, or (from :func:`parse_lexicon`) ``lines``: first word's key -> its entry lines, each
        ``section + _FIELD + line`` and joined by newlines, and the file's ``text`` for :attr:`names`."""
        index: dict[str, list[Name]] = {}
        for name in names:
            index.setdefault(_key(name.words[0]), []).append(name)
        # Longest first, so "New Zealand" wins over a one-word "New..." entry.
        self._index: dict[str, list[Name]] = {k: _longest_first(v) for k, v in index.items()}
        self._lines: Mapping[str, str] = lines or {}
        self._text = text
        if names or not text:
            self.names = tuple(names)

        self._candidates = WordCache(self._find_candidates)
        #: ``word in lexicon`` (the same answer, without the call to ``__contains__``).
        self.is_name = WordCache(self._is_name)

    @functools.cached_property
    def names(self) -> tuple[Name, ...]:
        """Every entry, in the file's order."""
        return tuple(name for section, line in _entry_lines(self._text) if (name := _name(section, line)))

    def _names_at(self, key: str) -> Sequence[Name]:
        """The entries whose first word has ``key``, longest first."""
        found = self._index.get(key)
        if found is None:
            joined = self._lines.get(key)
            if joined is None:  # most words: nothing to remember (the words looked up are unbounded)
                return ()
            entries = (_name(*entry.split(_FIELD, 1)) for entry in joined.split("\n"))
            found = self._index[key] = _longest_first([name for name in entries if name])
        return found

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
        found = tuple(self._names_at(_key(word)))
        bare = _POSSESSIVE.sub("", word)
        if bare != word:
            found += tuple(n for n in self._names_at(_key(bare)) if len(n.words) == 1)
        return found

    def names_in(self, tokens: Sequence[str], gaps: Sequence[str]) -> list[bool]:
        """Per word (``tokens``, with the ``gaps`` before them): whether it belongs to a name of the lexicon."""
        flags = [False] * len(tokens)
        # Most titles hold no word that starts a name: the cached look-ups (all in C) rule them out at once.
        if not any(map(self._candidates, tokens)):
            return flags
        covered = 0  # the words up to here belong to a name already
        for index, token in enumerate(tokens):
            if index >= covered and self._candidates(token):
                size = self.match(tokens, gaps, index)
                flags[index : index + size] = [True] * size
                covered = index + size
        return flags

    def match(self, tokens: Sequence[str], gaps: Sequence[str], index: int) -> int:
        """How many of ``tokens``, from ``index`` on, form a name of the lexicon (0: none).

        Words must follow each other with only white space between them (``gaps[i]`` is before ``tokens[i]``); a
        name's last word may carry a plural or possessive ending.  Small words inside a name match in either case
        ("Bank Of England").
        """
        for name in self._candidates(tokens[index]):
            size = len(name.words)
            if index + size > len(tokens) or not _same(name.words[0], tokens[index], last=size == 1):
                continue
            # Most names are one word: matched by now, without a generator for the others.
            if size == 1 or all(
                _same(name.words[k], tokens[index + k], last=k == size - 1) and not gaps[index + k].strip()
                for k in range(1, size)
            ):
                if name.near_number and not _near_number(tokens, index, index + size):
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


def _near_number(tokens: Sequence[str], start: int, end: int) -> bool:
    """A number right before or after the name: "May 2020", "3 March"."""
    return any(tokens[i].isdigit() for i in (start - 1, end) if 0 <= i < len(tokens))


_PLAIN_LINE = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")
# Between an entry line's section and its text in Lexicon's lines (no line of a lexicon file holds it).
_FIELD = "\x1f"


def _longest_first(names: list[Name]) -> list[Name]:
    return sorted(names, key=lambda n: -len(n.words)) if len(names) > 1 else names


def _entry_lines(text: str) -> Iterator[tuple[str, str]]:
    """(section, line) for each entry of a lexicon file, without comments."""
    section = ""
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        yield section, line


def _tokens(line: str) -> tuple[str, ...]:
    """The words of an entry line (without its ``@number``)."""
    if _PLAIN_LINE.fullmatch(line):
        # Letters and single spaces (almost every line): the words are the split, without the word scanner,
        # which would cost every cold start several milliseconds.
        return tuple(line.split(" "))
    from citekit.casing.words import words

    return tuple(words(line)[0])


def _name(section: str, line: str) -> Name | None:
    """The entry an entry line gives (None for a line without words)."""
    near_number = line.endswith(_NUMBER_ONLY)
    if near_number:
        line = line[: -len(_NUMBER_ONLY)].strip()
    tokens = _tokens(line)
    return Name(tokens, near_number, section) if tokens else None


def parse_lexicon(text: str) -> Lexicon:
    """A :class:`Lexicon` from the text of a lexicon file.

    Each line is only filed under its first word here (strings, which the garbage collector does not track); it
    is made into a :class:`Name` when a word first looks it up.
    """
    lines: dict[str, str] = {}
    for section, line in _entry_lines(text):
        bare = line[: -len(_NUMBER_ONLY)].strip() if line.endswith(_NUMBER_ONLY) else line
        first = bare.partition(" ")[0]
        # Plain letters up to the first space (almost every line) are the first word; else the word scanner says.
        if not (first.isascii() and first.isalpha()):
            tokens = _tokens(bare)
            if not tokens:
                continue
            first = tokens[0]
        key = _key(first)
        entry = section + _FIELD + line
        lines[key] = f"{lines[key]}\n{entry}" if key in lines else entry
    return Lexicon(lines=lines, text=text)


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon shipped with citekit (read once)."""
    text = resource("citekit.casing", "lexicon.txt").read_text(encoding="utf-8")
    return parse_lexicon(text)
