"""One title taken apart for casing: its words, their roles and forms, the names in it, and the edits made."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from citekit._lazy_pattern import lazy_pattern
from citekit.casing.lexicon import Lexicon, load_lexicon
from citekit.casing.markup import Marked, parse
from citekit.casing.words import Form, Role, WordCache, form_of, is_all_caps, part_offset, parts, roles, words

__all__ = ["DESIGNATORS", "Title", "kept_words"]

_LOWER = Form.LOWER  # in Python 3.11 an Enum member look-up is a Python call: done once
_CLOSING_PUNCTUATION = lazy_pattern(r"[,.;:?!)\]]")
_POSSESSIVE = re.compile(r"['\u2019]s$")

#: Common nouns that titles often put in the possessive; any other capitalised possessive is taken for a name.
COMMON_POSSESSIVES = frozenset(
    """
    author artist child children citizen consumer customer doctor editor father god heaven king lady life man men
    mother nation nature nurse parent patient people planet player queen reader science society student teacher
    today tomorrow user woman women worker world writer year yesterday
    """.split()
)

#: Function words of German, French, Spanish, Italian, Dutch and the Scandinavian languages that English titles do
#: not use.  Two of them in a title without a ``language`` mark it as foreign: sentence and headline case are rules
#: of English, and lowering German nouns ("Politik der Religionen in Deutschland") would be wrong.
FOREIGN_WORDS = frozenset(
    """
    und der des dem den das für zum zur mit einer eines nicht auf über vom beim sowie
    les et une dans pour avec sur aux entre leur
    los las con para por una entre sobre
    il della delle degli nel nella alla sul
    het een voor naar
    och og att
    """.split()
)

#: Words after which a capital "A" is a letter that names something ("Vitamin A", "Type A", "Hepatitis A"), not
#: the article.
DESIGNATORS = frozenset(
    """
    appendix block book category chapter class division exhibit figure form grade group hepatitis item level model
    option part phase plan schedule section sector series side stage step table tier track type version vitamin
    zone
    """.split()
)


class Title:
    """A title ready to be recased.

    Its words are strings (``tokens``, each split into its ``parts``), and edits replace them in ``cased``: a part is
    named by the index of its word and its own index ``k`` in the word.  :meth:`result` puts the text between the
    words and the markup back.

    ``free_parts`` are the parts with each protected one (any of its letters) made empty: an empty part has no form,
    gives no evidence and is never recased, so the rules that read ``free_parts`` need not look protection up.
    """

    def __init__(self, text: str, lexicon: Lexicon | None = None) -> None:
        self.source = text
        self.marked: Marked = parse(text)
        self.text = self.marked.text
        self.tokens, self.gaps, self.tail = words(self.text)
        self.parts = parts(self.tokens, self.text)
        self.cased = list(self.tokens)  # the words as recased so far
        self.roles: list[Role] = roles(self.gaps)
        # Most titles protect nothing: their free parts are their parts.
        self._any_protected = self.marked.any_protected
        self.free_parts = self._free_parts() if self._any_protected else self.parts
        self.all_caps = is_all_caps(self.text, self.marked.protected if self._any_protected else (), self.tokens)
        self.lexicon = lexicon or load_lexicon()
        #: Whether a part is kept as it is wherever it stands: a name, or a possessive taken for one.
        self.keeps = kept_words(self.lexicon)
        self.in_name = self.lexicon.names_in(self.tokens, self.gaps)
        self.foreign = self._looks_foreign()

    def _looks_foreign(self) -> bool:
        """Written in another script, or with two function words of another language."""
        if not self.text.isascii() and max(self.text) >= "\u0250":  # else every letter is Latin
            letters = [c for c in self.text if c.isalpha()]
            latin = sum(1 for c in letters if c < "\u0250")
            if letters and latin * 2 < len(letters):
                return True
        if FOREIGN_WORDS.isdisjoint(self.tokens):
            return False
        return sum(token in FOREIGN_WORDS for token in self.tokens) >= 2

    def starts(self) -> list[int]:
        """Where each word starts in the visible text."""
        at = 0
        found = []
        for gap, token in zip(self.gaps, self.tokens):
            at += len(gap)
            found.append(at)
            at += len(token)
        return found

    def _free_parts(self) -> list[tuple[str, ...]]:
        protected = self.marked.protected
        found = []
        for start, word in zip(self.starts(), self.parts):
            free = []
            for k, part in enumerate(word):
                at = start + part_offset(word, k)
                free.append("" if True in protected[at : at + len(part)] else part)
            found.append(tuple(free))
        return found

    def is_protected(self, index: int, k: int) -> bool:
        return not self.free_parts[index][k]

    def is_name_part(self, part: str) -> bool:
        """A part that is a one-word name by itself: "Saharan" in "sub-Saharan"."""
        return part in self.lexicon

    def is_letter_a(self, index: int, k: int) -> bool:
        """A capital "A" that names something ("Vitamin A", "Plan A", or "A" at the end of a title part)."""
        word = self.parts[index]
        if word[k] != "A":
            return False
        if index and self.tokens[index - 1].lower() in DESIGNATORS:
            return True
        if index + 1 == len(self.tokens):
            return True
        after = self.tokens[index][part_offset(word, k) + 1 :] + self.gaps[index + 1]
        return bool(_CLOSING_PUNCTUATION.search(after))

    def _replace(self, index: int, k: int, new: str) -> None:
        word = self.parts[index]
        if len(word) == 1:
            self.cased[index] = new
        else:
            at = part_offset(word, k)
            current = self.cased[index]
            self.cased[index] = current[:at] + new + current[at + len(new) :]

    def _current(self, index: int, k: int) -> str:
        word = self.parts[index]
        if len(word) == 1:
            return self.cased[index]
        at = part_offset(word, k)
        return self.cased[index][at : at + len(word[k])]

    def lower(self, index: int, k: int) -> None:
        if not self._any_protected and len(self.parts[index]) == 1 and self.cased[index].isascii():
            self.cased[index] = self.cased[index].lower()  # most words: the part is the whole word, and free
            return
        current = self._current(index, k)
        if current.isascii() and not self.is_protected(index, k):
            self._replace(index, k, current.lower())  # one letter for one, as a case change must keep the length
            return
        start = self.starts()[index] + part_offset(self.parts[index], k)
        protected = self.marked.protected[start : start + len(current)]
        chars = [c if p or len(c.lower()) != 1 else c.lower() for c, p in zip(current, protected)]
        self._replace(index, k, "".join(chars))

    def capitalize(self, index: int, k: int) -> None:
        """Uppercase the part's first letter, if it is free and the part is all lowercase."""
        if form_of(self.free_parts[index][k]) is _LOWER:
            self.upper_first(index, k)

    def upper_first(self, index: int, k: int) -> None:
        """Uppercase the part's first letter (:meth:`capitalize` without its checks, for a caller that made them)."""
        current = self._current(index, k)
        for i, c in enumerate(current):
            if c.isalpha():
                up = c.upper()
                if len(up) == 1:
                    self._replace(index, k, current[:i] + up + current[i + 1 :])
                return

    def is_part_end(self, index: int) -> bool:
        """The last word of the title or of a title part (before ":", "?", a dash...)."""
        if index + 1 == len(self.tokens):
            return True
        return self.roles[index + 1] in (Role.SUBTITLE, Role.SENTENCE)

    def cased_text(self) -> str:
        """The visible text with the edits made so far."""
        pieces = [""] * (2 * len(self.tokens))
        pieces[0::2] = self.gaps
        pieces[1::2] = self.cased
        return "".join(pieces) + self.tail

    def result(self, wrap: Sequence[int] = ()) -> str:
        """The recased rich text; the words of indexes ``wrap`` in ``<span class="nocase">``."""
        if self.cased == self.tokens and not wrap:
            return self.source
        starts = self.starts() if wrap else []
        spans = [(starts[i], starts[i] + len(self.tokens[i])) for i in wrap]
        return self.marked.render(self.cased_text(), spans)


@functools.cache  # one per lexicon: in practice the one shipped
def kept_words(lexicon: Lexicon) -> WordCache[bool]:
    """A part kept wherever it stands: a name of ``lexicon``, or a possessive taken for a name."""
    return WordCache(lambda part: lexicon.is_name(part) or _is_possessive_name(part))


def _is_possessive_name(part: str) -> bool:
    match = _POSSESSIVE.search(part)
    return match is not None and part[: match.start()].lower() not in COMMON_POSSESSIVES
