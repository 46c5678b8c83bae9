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

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from citekit._lazy_pattern import lazy_pattern

__all__ = ["Marked", "parse"]

# The same tags citekit.csl.richtext reads; anything else that looks like a tag is text.
_TAG = lazy_pattern(
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
    any_protected: bool = False  # True in protected

    def render(self, text: str, wrap: Iterable[tuple[int, int]] = ()) -> str:
        """The markup again around ``text`` (the visible text after case changes, as long as before).

        Each ``(start, end)`` span in ``wrap`` is put inside ``<span class="nocase">``; it is split at the tags it
        crosses, so the result always nests properly.
        """
        if len(text) != len(self.text):
            raise ValueError("a case change must not change the length of the text")
        if not self.tags and not wrap:
            return text
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        cuts = sorted({t.at for t in self.tags})
        for start, end in wrap:
            # One nocase span per stretch of text between two tags.
            inner = cuts[bisect.bisect_right(cuts, start) : bisect.bisect_left(cuts, end)]
            for a, b in zip([start, *inner], [*inner, end]):
                if a < b:
                    starts[a] = starts.get(a, 0) + 1
                    ends[b] = ends.get(b, 0) + 1
        out: list[str] = []
        tag_index = 0
        done = 0
        for pos in sorted({*cuts, *starts, *ends}):
            out.append(text[done:pos])
            # Closing wrappers before the tags at this position, opening ones after them: innermost either way.
            out.append(NOCASE_CLOSE * ends.get(pos, 0))
            while tag_index < len(self.tags) and self.tags[tag_index].at == pos:
                out.append(self.tags[tag_index].raw)
                tag_index += 1
            out.append(NOCASE_OPEN * starts.get(pos, 0))
            done = pos
        out.append(text[done:])
        return "".join(out)


def parse(source: str) -> Marked:
    """Split ``source`` into visible text, protection and tags (unmatched closing tags are text, as in CSL)."""
    if "<" not in source:  # most titles: no tag, nothing protected
        return Marked(source, [False] * len(source), [False] * len(source), [])
    # The visible text in runs, each with the kinds of the spans it sits in (a stack of tag names / span kinds).
    runs: list[tuple[str, tuple[str, ...]]] = []
    tags: list[_Tag] = []
    stack: list[str] = []
    visible = 0  # the length of the visible text so far
    pos = 0
    for match in _TAG.finditer(source):
        visible += _append(runs, source[pos : match.start()], stack)
        pos = match.end()
        name = match.group("name").lower()
        if match.group("close"):
            opener = "span" if name == "span" else name
            if stack and _tag_name(stack[-1]) == opener:
                stack.pop()
                tags.append(_Tag(visible, match.group(0)))
            else:
                visible += _append(runs, match.group(0), [*stack, _LITERAL])
            continue
        kind = _kind(name, match.group("attrs") or "")
        if kind is None:
            visible += _append(runs, match.group(0), [*stack, _LITERAL])
            continue
        stack.append(kind)
        tags.append(_Tag(visible, match.group(0)))
    _append(runs, source[pos:], stack)
    lettered = [kinds for chunk, kinds in runs if any(map(str.isalpha, chunk))]
    all_italic = bool(lettered) and all("i" in kinds for kinds in lettered)
    protected: list[bool] = []
    csl_protected: list[bool] = []
    for chunk, kinds in runs:
        protected += [_protects(kinds, italics=not all_italic, literal=True)] * len(chunk)
        csl_protected += [_protects(kinds, italics=False, literal=False)] * len(chunk)
    return Marked("".join(chunk for chunk, _ in runs), protected, csl_protected, tags, True in protected)


# Text that looks like a tag but is not CSL markup: it prints as it is, so casing never touches it.
_LITERAL = "literal"


# Any other tag-like text (``<script>``, ``</div>``): code or markup of another kind, never words to recase.
_OTHER_TAG = lazy_pattern(r"</?[A-Za-z][^<>]*>")


def _append(runs: list[tuple[str, tuple[str, ...]]], chunk: str, stack: list[str]) -> int:
    """Add ``chunk`` of visible text, inside the spans of ``stack``, to ``runs``; return its length."""
    pos = 0
    for match in _OTHER_TAG.finditer(chunk):
        runs.append((chunk[pos : match.start()], tuple(stack)))
        runs.append((match.group(0), (*stack, _LITERAL)))
        pos = match.end()
    runs.append((chunk[pos:], tuple(stack)))
    return len(chunk)


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
