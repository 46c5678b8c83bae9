"""CSL rich text as casing sees it: the visible characters, which of them are protected, and the markup around them.

A title from CSL-JSON may carry ``<i>``, ``<b>``, ``<sup>``, ``<sub>``, ``<sc>`` and ``<span …>`` tags (the markup
:mod:`citekit.csl.richtext` reads).  Casing changes letters only, never their number, so it works on the visible
text alone and the tags are put back exactly where they were: the markup can never be broken by a case change.

Protected text keeps its case: ``<span class="nocase">`` (CSL's own protection, and what the BibTeX reader makes of
braces), small capitals, superscripts and subscripts (as citeproc-js treats them), and — for citekit's casing only —
italics inside a title, which mark species names (*Escherichia coli*), titles of other works and foreign terms: all
of them keep their own capitals.  A title that is italic as a whole is not protected by that.  Text that looks like
a tag but is not CSL markup prints as it is, and is protected too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["Marked", "parse"]

# The same tags citekit.csl.richtext reads; anything else that looks like a tag is text.
_TAG = re.compile(
    r'<(?P<close>/)?(?P<name>i|b|sup|sub|sc|span)(?P<attrs>(?:\s+[a-z-]+="[^"<>]*")*)\s*>',
    re.IGNORECASE,
)
NOCASE_OPEN = '<span class="nocase">'
NOCASE_CLOSE = "</span>"


@dataclass(frozen=True)
class _Tag:
    at: int  # the index in the visible text the tag stands before
    raw: str


@dataclass
class Marked:
    """A rich-text string split into its visible ``text`` and its tags.

    ``protected[i]`` says whether visible character ``i`` keeps its case for citekit's casing; ``csl_protected[i]``
    whether the CSL processor's own text-case leaves it alone (it protects nocase, small caps, superscript and
    subscript, not italics).
    """

    text: str
    protected: list[bool]
    csl_protected: list[bool]
    tags: list[_Tag]

    def render(self, text: str, wrap: Iterable[tuple[int, int]] = ()) -> str:
        """The markup again around ``text`` (the visible text after case changes, as long as before).

        Each ``(start, end)`` span in ``wrap`` is put inside ``<span class="nocase">``; it is split at the tags it
        crosses, so the result always nests properly.
        """
        if len(text) != len(self.text):
            raise ValueError("a case change must not change the length of the text")
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        cuts = sorted({t.at for t in self.tags})
        for start, end in wrap:
            # One nocase span per stretch of text between two tags.
            inner = [c for c in cuts if start < c < end]
            for a, b in zip([start, *inner], [*inner, end]):
                if a < b:
                    starts[a] = starts.get(a, 0) + 1
                    ends[b] = ends.get(b, 0) + 1
        out: list[str] = []
        tag_index = 0
        for pos in range(len(text) + 1):
            # Closing wrappers before the tags at this position, opening ones after them: innermost either way.
            out.append(NOCASE_CLOSE * ends.get(pos, 0))
            while tag_index < len(self.tags) and self.tags[tag_index].at == pos:
                out.append(self.tags[tag_index].raw)
                tag_index += 1
            out.append(NOCASE_OPEN * starts.get(pos, 0))
            if pos < len(text):
                out.append(text[pos])
        return "".join(out)


def parse(source: str) -> Marked:
    """Split ``source`` into visible text, protection and tags (unmatched closing tags are text, as in CSL)."""
    text: list[str] = []
    tags: list[_Tag] = []
    # Per character: the kinds of the spans it sits in (a stack of tag names / span kinds).
    kinds: list[tuple[str, ...]] = []
    stack: list[str] = []
    pos = 0
    for match in _TAG.finditer(source):
        _append(text, kinds, source[pos : match.start()], stack)
        pos = match.end()
        name = match.group("name").lower()
        if match.group("close"):
            opener = "span" if name == "span" else name
            if stack and _tag_name(stack[-1]) == opener:
                stack.pop()
                tags.append(_Tag(len(text), match.group(0)))
            else:
                _append(text, kinds, match.group(0), [*stack, _LITERAL])
            continue
        kind = _kind(name, match.group("attrs") or "")
        if kind is None:
            _append(text, kinds, match.group(0), [*stack, _LITERAL])
            continue
        stack.append(kind)
        tags.append(_Tag(len(text), match.group(0)))
    _append(text, kinds, source[pos:], stack)
    visible = "".join(text)
    letters = [i for i, c in enumerate(visible) if c.isalpha()]
    all_italic = bool(letters) and all("i" in kinds[i] for i in letters)
    protected = [_protects(k, italics=not all_italic, literal=True) for k in kinds]
    csl_protected = [_protects(k, italics=False, literal=False) for k in kinds]
    return Marked(visible, protected, csl_protected, tags)


# Text that looks like a tag but is not CSL markup: it prints as it is, so casing never touches it.
_LITERAL = "literal"


# Any other tag-like text (``<script>``, ``</div>``): code or markup of another kind, never words to recase.
_OTHER_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def _append(text: list[str], kinds: list[tuple[str, ...]], chunk: str, stack: list[str]) -> None:
    pos = 0
    for match in _OTHER_TAG.finditer(chunk):
        _extend(text, kinds, chunk[pos : match.start()], tuple(stack))
        _extend(text, kinds, match.group(0), (*stack, _LITERAL))
        pos = match.end()
    _extend(text, kinds, chunk[pos:], tuple(stack))


def _extend(text: list[str], kinds: list[tuple[str, ...]], chunk: str, kind: tuple[str, ...]) -> None:
    if chunk:
        text.extend(chunk)
        kinds.extend([kind] * len(chunk))


def _kind(name: str, attrs: str) -> str | None:
    """What an opening tag is, or None when CSL would not read it as markup."""
    if name != "span":
        return name
    compact = attrs.replace(" ", "").lower()
    if 'class="nocase"' in compact:
        return "span:nocase"
    if 'class="nodecor"' in compact:
        return "span:nodecor"
    if "font-variant:small-caps" in compact:
        return "span:sc"
    return None


def _tag_name(kind: str) -> str:
    return kind.split(":", 1)[0]


_CSL_PROTECTING = frozenset({"span:nocase", "span:sc", "sc", "sup", "sub"})


def _protects(kinds: tuple[str, ...], *, italics: bool, literal: bool) -> bool:
    return any(k in _CSL_PROTECTING or (italics and k == "i") or (literal and k == _LITERAL) for k in kinds)
