"""CommonMark, for READMEs and notes: ``*italic*``, ``**bold**``, ``[text](url)``, and inline HTML where Markdown
has no syntax (``<sup>``, ``<sub>``, ``<u>``, small caps as a styled ``<span>``).

Markdown marks formatting with characters that data also uses, so:

- every ASCII character with a meaning in CommonMark or GitHub's Markdown (``\\ ` * _ [ ] < > ~ | $``, and ``&``
  before a name) is backslash-escaped, and a line never starts with what would open a block (``#``, ``-``, ``+``,
  ``=``, ``1.``): a numeric entry "1. Smith" stays a paragraph instead of becoming a renumbered list;
- line breaks in data become spaces (a line starting with ``#`` would be a heading);
- formatting is flattened into runs of text with one style each, and ``*``/``**`` are used only where CommonMark's
  flanking rules will read them as intended; anywhere else (``*`` against punctuation, an emphasis that ends where
  another begins) the same formatting is written as ``<i>``/``<b>``, so what a reader sees never depends on them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from citekit.csl.punctuation import CLOSE, OPEN, Token
from citekit.renderers import base

_SPECIAL = re.compile(r"[\\`*_\[\]<>~|$]|&(?=[A-Za-z0-9#])")
_LINE_START = re.compile(r"(?m)^([#+=-]|\d{1,9}(?=[.)]))")
_HARD_BREAK = "\\\n"
_EDGE_SPACES = re.compile(r"(\s*)(.*?)(\s*)", re.S)

# Inline HTML for what CommonMark cannot say, innermost last.
_TAGS: dict[str, tuple[str, str]] = {
    "small-caps": ('<span style="font-variant:small-caps;">', "</span>"),
    "underline": ("<u>", "</u>"),
    base.SUPERSCRIPT: ("<sup>", "</sup>"),
    base.SUBSCRIPT: ("<sub>", "</sub>"),
}
_EMPHASIS = {"bold": ("**", "<b>", "</b>"), "italic": ("*", "<i>", "</i>")}


def escape(text: str) -> str:
    """``text`` as Markdown text (not at the start of a line: see :func:`render_markdown`)."""
    return _SPECIAL.sub(lambda m: "\\" + m.group(0), base.one_line(text))


@attrs.frozen(slots=True)
class _Style:
    """What applies to one run of text, outermost first: the link, then emphasis, then HTML tags."""

    link: base.Effect | None = None
    bold: bool = False
    italic: bool = False
    tags: tuple[str, ...] = ()

    def attributes(self) -> list[tuple[str, str]]:
        found = [("link", self.link.value)] if self.link else []
        found += [(name, "") for name in ("bold", "italic") if getattr(self, name)]
        return found + [(tag, "") for tag in self.tags]


_BREAK = None  # a hard line break between runs


def _runs(tokens: list[Token], links: bool) -> Iterator[tuple[_Style, str] | None]:
    """The text as (style, text) runs, and None for a line break (display blocks)."""
    stack: list[base.Effect] = []
    for event in base.events(tokens, links):
        if event.kind == OPEN:
            if event.effect.kind == base.DISPLAY and event.effect.value in ("block", "indent"):
                yield _BREAK
            stack.append(event.effect)
        elif event.kind == CLOSE:
            effect = stack.pop()
            if effect.kind == base.DISPLAY and effect.value in ("block", "indent"):
                yield _BREAK
            elif effect.kind == base.DISPLAY and effect.value == "left-margin":
                yield _style(stack), " "  # set off by a space, as in plain text
        elif event.text:
            yield _style(stack), event.text


def _style(stack: list[base.Effect]) -> _Style:
    link, italic, bold, small_caps, underline, vertical = None, False, False, False, False, ""
    for effect in stack:
        kind = effect.kind
        if kind == base.LINK:
            link = effect
        elif kind in (base.ITALIC, base.OBLIQUE, base.UPRIGHT):
            italic = kind != base.UPRIGHT
        elif kind in (base.BOLD, base.UNBOLD):
            bold = kind == base.BOLD
        elif kind in (base.SMALL_CAPS, base.NO_SMALL_CAPS):
            small_caps = kind == base.SMALL_CAPS
        elif kind == base.UNDERLINE:
            underline = True
        elif kind in (base.SUPERSCRIPT, base.SUBSCRIPT, base.BASELINE):
            vertical = "" if kind == base.BASELINE else kind
    tags = tuple(name for name, on in (("small-caps", small_caps), ("underline", underline)) if on)
    return _Style(link, bold, italic, tags + ((vertical,) if vertical else ()))


def _split_spaces(runs: Iterator[tuple[_Style, str] | None]) -> Iterator[tuple[_Style, str] | None]:
    """Spaces at the edges of an emphasised run go outside the emphasis ("*a* b", not "*a *b"), and superscript
    letters become runs of their own, as in the HTML."""
    for run in runs:
        if run is None:
            yield run
            continue
        style, text = run
        plain = attrs.evolve(style, bold=False, italic=False)
        match = _EDGE_SPACES.fullmatch(text)
        assert match is not None
        lead, middle, trail = match.groups()
        if lead:
            yield plain, lead
        yield from _superscript_runs(style, middle)
        if trail:
            yield plain, trail


def _join_spaces(runs: Iterator[tuple[_Style, str] | None]) -> Iterator[tuple[_Style, str] | None]:
    """A space between two emphasised runs takes their emphasis back, so "*a b*" is not written "*a* *b*"."""
    found = list(runs)
    for index in range(1, len(found) - 1):
        before, run, after = found[index - 1], found[index], found[index + 1]
        if run is not None and before is not None and after is not None and run[1].isspace():
            bold, italic = before[0].bold and after[0].bold, before[0].italic and after[0].italic
            found[index] = attrs.evolve(run[0], bold=bold, italic=italic), run[1]
    return iter(found)


def _superscript_runs(style: _Style, text: str) -> Iterator[tuple[_Style, str]]:
    start = 0
    for index, char in enumerate(text):
        letter = base.SUPERSCRIPTS.get(char)
        if letter is not None:
            if start < index:
                yield style, text[start:index]
            yield attrs.evolve(style, tags=(*style.tags, base.SUPERSCRIPT)), letter
            start = index + 1
    if start < len(text):
        yield style, text[start:]


@attrs.define(slots=True)
class _Mark:
    """An opening or closing mark; emphasis pairs are decided (``*`` or ``<i>``) once their neighbours are known."""

    name: str
    opening: bool
    value: str = ""
    markdown: bool = True
    partner: _Mark | None = None


def _parts(runs: Iterator[tuple[_Style, str] | None]) -> list[str | _Mark]:
    parts: list[str | _Mark] = []
    opened: list[tuple[tuple[str, str], _Mark]] = []

    def close_to(depth: int) -> None:
        while len(opened) > depth:
            _attribute, mark = opened.pop()
            closing = _Mark(mark.name, False, mark.value, partner=mark)
            mark.partner = closing
            parts.append(closing)

    line_break = False
    for run in runs:
        if run is None:
            line_break = bool(parts)  # none at the start; at the end, dropped below
            continue
        if line_break:
            close_to(0)
            parts.append(_HARD_BREAK)
            line_break = False
        style, text = run
        wanted = style.attributes()
        same = 0
        while same < min(len(wanted), len(opened)) and wanted[same] == opened[same][0]:
            same += 1
        close_to(same)
        for name, value in wanted[same:]:
            mark = _Mark(name, True, value)
            opened.append(((name, value), mark))
            parts.append(mark)
        parts.append(escape(text))
    close_to(0)
    return parts


def _decide_emphasis(parts: list[str | _Mark]) -> None:
    """Keep ``*``/``**`` only where CommonMark reads them as this pair; otherwise use the HTML tags."""
    for index, part in enumerate(parts):
        if isinstance(part, _Mark) and part.name in _EMPHASIS and not _flanks(parts, index, part.opening):
            part.markdown = False
            if part.partner is not None:
                part.partner.markdown = False


def _flanks(parts: list[str | _Mark], index: int, opening: bool) -> bool:
    """Whether the delimiter at ``index`` opens (or closes) emphasis, and only that, by CommonMark's rules.

    Neighbouring marks of the same direction are looked through (``***a***`` is fine); a closing mark that
    touches an opening one would make a single delimiter run of both, so that is refused.
    """
    inside = _neighbour(parts, index, +1 if opening else -1, opening)
    outside = _neighbour(parts, index, -1 if opening else +1, opening)
    if inside is None or outside is None or inside.isspace() or inside == "":
        return False
    if outside == "" or outside.isspace():
        return True
    # Punctuation on both sides makes a mark that can both open and close, and CommonMark may pair it with a
    # neighbouring run ("***1*:*"); inside a word it could pair with the wrong mark too.
    return _is_punctuation(outside) and not _is_punctuation(inside)


def _neighbour(parts: list[str | _Mark], index: int, step: int, opening: bool) -> str | None:
    """The character next to ``parts[index]`` in direction ``step`` ("" at the edge or a line break), or None
    when an emphasis mark of the other direction is in the way."""
    index += step
    while 0 <= index < len(parts):
        part = parts[index]
        if isinstance(part, str):
            if part == _HARD_BREAK:
                return ""
            return part[0] if step > 0 else part[-1]
        if part.name in _EMPHASIS and part.opening != opening:
            return None
        if part.name not in _EMPHASIS:
            return "<"  # a link's bracket or an HTML tag: punctuation either way
        index += step
    return ""


def _is_punctuation(char: str) -> bool:
    return not char.isalnum() and not char.isspace()


def _link_is_bare(parts: list[str | _Mark], index: int, mark: _Mark) -> bool:
    """A link whose only content is its own target is written ``<target>`` (a CommonMark autolink)."""
    following = parts[index + 1 : index + 3]
    return (
        len(following) == 2
        and following[1] is mark.partner
        and isinstance(following[0], str)
        and following[0] == escape(mark.value)
        and "\\" not in following[0]
        and "%" not in following[0]  # renderers show an autolink percent-decoded
    )


def _write(parts: list[str | _Mark]) -> str:
    out: list[str] = []
    skip_until: _Mark | None = None
    for index, part in enumerate(parts):
        if skip_until is not None:
            if part is skip_until:
                skip_until = None
            continue
        if isinstance(part, str):
            out.append(part)
        elif part.name == "link":
            if part.opening and _link_is_bare(parts, index, part):
                out.append(f"<{part.value}>")
                skip_until = part.partner
            else:
                destination = part.value.replace("(", "\\(").replace(")", "\\)")
                out.append("[" if part.opening else f"]({destination})")
        elif part.name in _EMPHASIS:
            delimiter, html_open, html_close = _EMPHASIS[part.name]
            out.append(delimiter if part.markdown else html_open if part.opening else html_close)
        else:
            out.append(_TAGS[part.name][0 if part.opening else 1])
    return "".join(out)


def render_markdown(tokens: list[Token], links: bool = False) -> str:
    parts = _parts(_join_spaces(_split_spaces(_runs(tokens, links))))
    _decide_emphasis(parts)
    text = _write(parts)
    # Leading spaces would make an indented code block; a line may not start a block (see the module's doc).
    text = "\n".join(line.lstrip(" ") for line in text.replace(" " + _HARD_BREAK, _HARD_BREAK).split("\n"))
    return _LINE_START.sub(lambda m: "\\" + m.group(1) if not m.group(1).isdigit() else m.group(1) + "\\", text)
