"""What the marked-up renderers share: the token stream read as formatting *effects*.

CSL formatting is relative (italics inside italics turn upright), and every format needs the same resolution,
so it is done once here; each renderer then only maps an :class:`Effect` to its own opening and closing markup.
Link targets are checked here too, so no renderer can be handed a ``javascript:`` URL or a quote that ends an
attribute.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from urllib.parse import quote

import attrs

from citekit.csl.punctuation import CLOSE, OPEN, QUOTE_CLOSE, QUOTE_OPEN, TEXT, Token
from citekit.csl.tree import Span

# Effect kinds.  UPRIGHT, UNBOLD and NO_SMALL_CAPS undo an enclosing effect (CSL's flip for nested formatting).
DISPLAY = "display"
ITALIC = "italic"
OBLIQUE = "oblique"
UPRIGHT = "upright"
BOLD = "bold"
LIGHT = "light"
UNBOLD = "unbold"
SMALL_CAPS = "small-caps"
NO_SMALL_CAPS = "no-small-caps"
UNDERLINE = "underline"
SUPERSCRIPT = "superscript"
SUBSCRIPT = "subscript"
BASELINE = "baseline"
LINK = "link"

# Event kinds (TEXT, OPEN and CLOSE as in the token stream; quote marks are plain text to a renderer).
QUOTE = QUOTE_OPEN


@attrs.frozen(slots=True)
class Effect:
    kind: str
    # The display name (``left-margin``...) or the link target.
    value: str = ""
    # For a link: whether its visible text is exactly its target (a bare URL), which some formats print specially.
    shows_target: bool = False


@attrs.frozen(slots=True)
class Event:
    kind: int
    text: str = ""
    effect: Effect = Effect("")


def events(tokens: list[Token], links: bool) -> Iterator[Event]:
    """The tokens as TEXT, QUOTE, OPEN and CLOSE events, one OPEN/CLOSE pair per effect, properly nested."""
    if links:
        tokens = _links_take_their_prefix(tokens)
    active = {ITALIC: 0, BOLD: 0, SMALL_CAPS: 0}
    stack: list[tuple[list[Effect], list[str]]] = []
    for index, token in enumerate(tokens):
        if token.kind == TEXT:
            yield Event(TEXT, token.text)
        elif token.kind == QUOTE_OPEN or token.kind == QUOTE_CLOSE:
            yield Event(QUOTE, token.text)
        elif token.kind == OPEN and token.span is not None:
            link = _link_effect(tokens, index) if links else None
            effects, changed = _effects(token.span, active, link)
            stack.append((effects, changed))
            for effect in effects:
                yield Event(OPEN, effect=effect)
        elif token.kind == CLOSE:
            effects, changed = stack.pop()
            for effect in reversed(effects):
                yield Event(CLOSE, effect=effect)
            for key in changed:
                active[key] -= 1


def _effects(span: Span, active: dict[str, int], link: Effect | None) -> tuple[list[Effect], list[str]]:
    """The effects one span opens, outermost first, and which ``active`` counters it raised."""
    effects: list[Effect] = []
    changed: list[str] = []
    if span.display:
        effects.append(Effect(DISPLAY, span.display))
    # Bold goes outside italics on the same element (<b><i>…</i></b>), as citeproc-js nests them.
    for key, value, off in (
        (BOLD, span.font_weight, UNBOLD),
        (ITALIC, span.font_style, UPRIGHT),
        (SMALL_CAPS, span.font_variant, NO_SMALL_CAPS),
    ):
        if value == key or (key == ITALIC and value == "oblique"):
            effects.append(Effect(off if active[key] % 2 else OBLIQUE if value == "oblique" else key))
            active[key] += 1
            changed.append(key)
        elif key == BOLD and value == "light":
            effects.append(Effect(LIGHT))
        elif value == "normal" and active[key] % 2:
            effects.append(Effect(off))
    if span.text_decoration == "underline":
        effects.append(Effect(UNDERLINE))
    vertical = {"sup": SUPERSCRIPT, "sub": SUBSCRIPT, "baseline": BASELINE}.get(span.vertical_align or "")
    if vertical:
        effects.append(Effect(vertical))
    if link is not None:
        effects.append(link)
    return effects, changed


# Links ------------------------------------------------------------------------------------------------------------

_SCHEMES = ("http://", "https://", "ftp://")
# RFC 3986's unreserved and reserved characters, and "%" for escapes already made: everything else in a target
# (quotes, angle brackets, backslashes, braces, spaces, non-ASCII) is percent-encoded, so a target can close no
# attribute, argument or field in any format.
_URL_SAFE = "-._~:/?#[]@!$&'()*+,;=%"


def safe_target(target: str) -> str | None:
    """``target`` percent-encoded where a URL must be, or None when it is not a web URL (no ``javascript:``)."""
    target = target.strip()
    if not target.lower().startswith(_SCHEMES):
        return None
    return quote(target, safe=_URL_SAFE)


def _link_effect(tokens: list[Token], index: int) -> Effect | None:
    span = tokens[index].span
    if span is None or not span.link:
        return None
    target = safe_target(span.link)
    if target is None:
        return None
    depth, shown = 0, []
    for token in tokens[index:]:
        depth += 1 if token.kind == OPEN else -1 if token.kind == CLOSE else 0
        if token.kind != OPEN and token.kind != CLOSE:
            shown.append(token.text)
        if depth == 0:
            break
    return Effect(LINK, target, shows_target="".join(shown) == span.link.strip())


_PREFIXED_URL = re.compile(r"(?:https?|ftp)://\S*", re.IGNORECASE)


def _links_take_their_prefix(tokens: list[Token]) -> list[Token]:
    """A style's "https://doi.org/" before a DOI becomes part of the link, so the whole URL is clickable.

    The DOI span's target already holds the resolver; the text just before the span is moved inside it when it
    is exactly the part of the target that the span's own text lacks (citeproc-js links DOIs the same way).
    """
    result = list(tokens)
    for index in range(len(result) - 2, 0, -1):
        token, before, inner = result[index], result[index - 1], result[index + 1]
        span = token.span
        if token.kind != OPEN or span is None or not span.link or before.kind != TEXT or inner.kind != TEXT:
            continue
        target = span.link
        if not inner.text or not target.endswith(inner.text) or target == inner.text:
            continue
        prefix = target[: -len(inner.text)]
        if before.text.endswith(prefix) and _PREFIXED_URL.fullmatch(prefix):
            result[index - 1] = Token(TEXT, before.text[: -len(prefix)])
            result[index + 1] = Token(TEXT, prefix + inner.text)
    return result


# Text -------------------------------------------------------------------------------------------------------------

# Unicode superscript letters and digits (ordinal suffixes like "1ʳᵉ", "2.ª") become superscript markup, as
# citeproc-js writes them, so they look the same in every font (and pdfLaTeX, which lacks most of them, can set them).
def _superscript_letters() -> dict[str, str]:
    # Unicode marks every superscript letter and digit as a "<super>" compatibility form of its base letter.
    found: dict[str, str] = {}
    ranges = ((0x00A0, 0x00C0), (0x02B0, 0x0300), (0x1D2C, 0x1DC0), (0x2070, 0x20A0), (0x2100, 0x2130),
              (0x3190, 0x31A0), (0xA770, 0xA771))  # fmt: skip
    for start, end in ranges:
        for code in range(start, end):
            parts = unicodedata.decomposition(chr(code)).split()
            if len(parts) >= 2 and parts[0] == "<super>":
                found[chr(code)] = "".join(chr(int(p, 16)) for p in parts[1:])
    # Superscript in form though Unicode gives them no "<super>" decomposition: modifier glottal stops and
    # the Arabic small waw and yeh (citeproc-js's list has them).
    found.update({"\u02c0": "\u0294", "\u02c1": "\u0295", "\u06e5": "\u0648", "\u06e6": "\u064a"})
    return found


SUPERSCRIPTS = _superscript_letters()
_SUPERSCRIPT_CHAR = re.compile("[" + "".join(SUPERSCRIPTS) + "]")


def with_superscripts(text: str, escape: Callable[[str], str], superscript: Callable[[str], str]) -> str:
    """``text`` escaped, each Unicode superscript character replaced by ``superscript(plain letter)``."""
    out: list[str] = []
    start = 0
    for match in _SUPERSCRIPT_CHAR.finditer(text):
        out.append(escape(text[start : match.start()]))
        out.append(superscript(SUPERSCRIPTS[match.group(0)]))
        start = match.end()
    out.append(escape(text[start:]))
    return "".join(out)


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]|\r\n?|\n")


def one_line(text: str) -> str:
    """Line breaks and control characters in data become spaces: in Markdown, LaTeX and RTF a line break can
    start a block, end a paragraph or be a control character of the format."""
    return _CONTROL.sub(" ", text.replace("\t", " "))


def render_with(
    tokens: list[Token],
    links: bool,
    text: Callable[[str], str],
    markup: Callable[[Effect], tuple[str, str]],
) -> str:
    """Render by mapping each text to ``text(escaped)`` and each effect to ``markup(effect)``'s (open, close)."""
    out: list[str] = []
    for event in events(tokens, links):
        if event.kind == OPEN:
            out.append(markup(event.effect)[0])
        elif event.kind == CLOSE:
            out.append(markup(event.effect)[1])
        else:
            out.append(text(event.text))
    return "".join(out)
