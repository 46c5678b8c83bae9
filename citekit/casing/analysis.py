"""One title taken apart for casing: its words, their roles and forms, the names in it, and the edits made."""

from __future__ import annotations

import re

from citekit._lazy_pattern import lazy_pattern
from citekit.casing.lexicon import Lexicon, load_lexicon
from citekit.casing.markup import Marked, parse
from citekit.casing.words import Form, Role, Word, WordCache, form_of, is_all_caps, roles, words

__all__ = ["DESIGNATORS", "Title"]

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
    """A title ready to be recased: edits go to ``chars``; :meth:`result` puts the markup back."""

    def __init__(self, text: str, lexicon: Lexicon | None = None) -> None:
        self.source = text
        self.marked: Marked = parse(text)
        self.text = self.marked.text
        self.chars = list(self.text)
        self.words: list[Word] = words(self.text)
        self.tokens = [self.text[w.start : w.end] for w in self.words]
        self.roles: list[Role] = roles(self.text, self.words)
        # Most titles protect nothing: then no span needs its protection looked up.
        self._any_protected = True in self.marked.protected
        self.all_caps = is_all_caps(self.text, self.marked.protected, self.words)
        self._lexicon = lexicon or load_lexicon()
        self.in_name = self._lexicon.names_in(self.text, self.words, self.tokens)
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

    def part(self, span: tuple[int, int]) -> str:
        return self.text[span[0] : span[1]]

    def form(self, span: tuple[int, int]) -> Form:
        return form_of(self.text[span[0] : span[1]])

    def is_protected(self, span: tuple[int, int]) -> bool:
        return self._any_protected and True in self.marked.protected[span[0] : span[1]]

    def is_kept(self, span: tuple[int, int]) -> bool:
        """A part that is never lowered: protected, a name of the lexicon, or a possessive taken for a name."""
        part = self.text[span[0] : span[1]]
        return self.is_protected(span) or self._lexicon.is_name(part) or _is_possessive_name(part)

    def is_name_part(self, span: tuple[int, int]) -> bool:
        """A part that is a one-word name by itself: "Saharan" in "sub-Saharan"."""
        return self.part(span) in self._lexicon

    def is_possessive_name(self, span: tuple[int, int]) -> bool:
        """A capitalised word in the singular possessive ("Alzheimer's", "Packe's"): in a title, mostly a name.

        Common nouns that often stand in the possessive ("Children's", "Women's", "World's") are not.
        """
        return _is_possessive_name(self.part(span))

    def is_letter_a(self, index: int, span: tuple[int, int]) -> bool:
        """A capital "A" that names something ("Vitamin A", "Plan A", or "A" at the end of a title part)."""
        if self.part(span) != "A":
            return False
        if index and self.tokens[index - 1].lower() in DESIGNATORS:
            return True
        after = self.text[span[1] : self.words[index + 1].start] if index + 1 < len(self.words) else ""
        return index + 1 == len(self.words) or bool(_CLOSING_PUNCTUATION.search(after))

    def lower(self, span: tuple[int, int]) -> None:
        start, end = span
        current = "".join(self.chars[start:end])
        if current.isascii() and not self.is_protected(span):
            self.chars[start:end] = current.lower()  # one letter for one, as a case change must keep the length
            return
        for i in range(start, end):
            if not self.marked.protected[i]:
                low = self.chars[i].lower()
                if len(low) == 1:
                    self.chars[i] = low

    def capitalize(self, span: tuple[int, int]) -> None:
        """Uppercase the part's first letter, if it is free and the part is all lowercase."""
        if self.form(span) is Form.LOWER and not self.is_protected(span):
            self.upper_first(span)

    def upper_first(self, span: tuple[int, int]) -> None:
        """Uppercase the part's first letter (:meth:`capitalize` without its checks, for a caller that made them)."""
        for i in range(*span):
            if self.chars[i].isalpha():
                up = self.chars[i].upper()
                if len(up) == 1:
                    self.chars[i] = up
                return

    def is_part_end(self, index: int) -> bool:
        """The last word of the title or of a title part (before ":", "?", a dash...)."""
        if index + 1 == len(self.words):
            return True
        return self.roles[index + 1] in (Role.SUBTITLE, Role.SENTENCE)

    def result(self, wrap: list[tuple[int, int]] | None = None) -> str:
        new = "".join(self.chars)
        if new == self.text and not wrap:
            return self.source
        return self.marked.render(new, wrap or ())


@WordCache
def _is_possessive_name(part: str) -> bool:
    match = _POSSESSIVE.search(part)
    return match is not None and part[: match.start()].lower() not in COMMON_POSSESSIVES
