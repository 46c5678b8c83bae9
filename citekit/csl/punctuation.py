"""The post-pass: the output tree becomes a token stream with quotes resolved, then punctuation is fixed
across formatting boundaries (never across quote marks, which are visible text).

- punctuation-in-quote: a comma or period right after a closing quote moves inside it (when the locale says so);
- collisions: no ``?.``, no ``..``, no ``?,`` (CMOS 6.119), no doubled spaces;
- nested quotes alternate between the locale's outer and inner marks.
"""

from __future__ import annotations

import attrs

from citekit.csl.locale import Locale
from citekit.csl.tree import Node, Span, Str

TEXT, OPEN, CLOSE, QUOTE_OPEN, QUOTE_CLOSE = range(5)


@attrs.define(slots=True)
class Token:
    kind: int
    text: str = ""
    span: Span | None = None
    origin: int = 0


@attrs.frozen(slots=True)
class QuoteMarks:
    open: str = "\u201c"
    close: str = "\u201d"
    open_inner: str = "\u2018"
    close_inner: str = "\u2019"

    @classmethod
    def from_locale(cls, locale: Locale) -> QuoteMarks:
        return cls(
            open=locale.term("open-quote") or "\u201c",
            close=locale.term("close-quote") or "\u201d",
            open_inner=locale.term("open-inner-quote") or "\u2018",
            close_inner=locale.term("close-inner-quote") or "\u2019",
        )


def linearize(node: Node, marks: QuoteMarks, punctuation_in_quote: bool) -> list[Token]:
    tokens: list[Token] = []
    _walk(node, marks, None, tokens)
    # Marks collide first (":" then "!" leaves "!"), then what follows a closing quote moves in, where it
    # may meet the quote's own last mark.
    _fix_collisions(tokens)
    if punctuation_in_quote:
        _move_into_quotes(tokens)
        _fix_collisions(tokens)
    return tokens


def _walk(node: Node, marks: QuoteMarks, enclosing_outer: bool | None, out: list[Token]) -> bool:
    """Append ``node``'s tokens to ``out``; whether it had any text.  ``enclosing_outer``: whether the nearest
    enclosing quotes use the outer marks (None: not quoted)."""
    if type(node) is Str:
        if node.text:
            out.append(Token(TEXT, node.text, None, node.origin))
            return True
        return False
    assert isinstance(node, Span)
    outer = enclosing_outer
    literal = ""
    if node.quotes:
        # Nested quotes alternate; top-level quotes from data keep their kind (single or double) as the
        # locale's marks define them, as citeproc-js does.  Curly marks the locale does not use at all
        # (“…” in a German „…“ locale) are left as they were typed.
        kind = _mark_kind(node.quote_mark, marks)
        if enclosing_outer is None and kind is None:
            literal = node.quote_mark
            outer = None
        else:
            outer = (kind if kind is not None else True) if enclosing_outer is None else not enclosing_outer
        out.append(Token(QUOTE_OPEN, literal or (marks.open if outer else marks.open_inner)))
    start = len(out)
    formatted = _is_formatted(node)
    if formatted:
        out.append(Token(OPEN, span=node))
    has_text = False
    for child in node.children:
        if type(child) is Str:  # most children: handled here rather than by a call
            if child.text:
                out.append(Token(TEXT, child.text, None, child.origin))  # positional: the most made object
                has_text = True
        elif _walk(child, marks, outer, out):
            has_text = True
    if not has_text:
        del out[start:]  # no text inside: no empty formatting and no closing quote
        return False
    if formatted:
        out.append(Token(CLOSE, span=node))
    if node.quotes:
        closing = _LITERAL_CLOSERS.get(literal, "") if literal else (marks.close if outer else marks.close_inner)
        out.append(Token(QUOTE_CLOSE, closing, origin=node.origin))
    return True


_LITERAL_CLOSERS = {"\u201c": "\u201d", "\u2018": "\u2019"}


def _mark_kind(mark: str, marks: QuoteMarks) -> bool | None:
    """True for outer quotes, False for inner, None for curly marks this locale does not use."""
    if mark in ("", '"') or mark == marks.open:
        return True
    if mark == "'" or mark == marks.open_inner:
        return False
    return None


def _is_formatted(span: Span) -> bool:
    return bool(
        span.font_style
        or span.font_variant
        or span.font_weight
        or span.text_decoration
        or span.vertical_align
        or span.display
        or span.link
    )


def _next_text(tokens: list[Token], start: int) -> int | None:
    """Index of the next text token, looking through formatting (but not quote) boundaries."""
    for index in range(start, len(tokens)):
        kind = tokens[index].kind
        if kind == TEXT:
            if tokens[index].text:
                return index
            continue
        if kind in (QUOTE_OPEN, QUOTE_CLOSE):
            return None
    return None


def _inside_quotes(tokens: list[Token], start: int) -> int | None:
    """The last text token before ``start``, looking back over closing quotes and formatting: where
    punctuation moved into (possibly nested) quotes goes."""
    for index in range(start, -1, -1):
        kind = tokens[index].kind
        if kind == TEXT:
            if tokens[index].text:
                return index
            continue
        if kind == QUOTE_OPEN:
            return None
    return None


def _move_into_quotes(tokens: list[Token]) -> None:
    for index, token in enumerate(tokens):
        if token.kind != QUOTE_CLOSE:
            continue
        before = _inside_quotes(tokens, index - 1)
        if before is None:
            continue
        # Every mark that follows the closing quote moves in, across pieces (a suffix "," then a prefix ".").
        while (after := _next_text(tokens, index + 1)) is not None:
            text = tokens[after].text
            same_string = token.origin != 0 and tokens[after].origin == token.origin
            if text[:1] not in _MOVES_INTO_QUOTES or same_string:
                break
            tokens[after].text = text[1:]
            tokens[before].text = _merge(tokens[before].text, text[0])


_MOVES_INTO_QUOTES = (".", ",", "!", "?")


def _merge(left: str, mark: str) -> str:
    """Append punctuation ``mark`` (moved into quotes) to ``left``, resolving a collision.

    One deliberate difference from citeproc-js: a comma after a closing "?" or "!" is dropped, as CMOS
    6.119 asks (“Can Staff Participate Together?” in ...), where citeproc-js prints "?,”".
    """
    end = left[-1:]
    if mark == "," and end in "?!":
        return left
    merged = _COLLISIONS.get((end, mark))
    if merged is None:
        return left + mark
    return left if merged == end else left[:-1] + merged


# What two marks become when one ends a piece of text and the next piece starts with the other, as
# citeproc-js resolves them (the "FullMonty" fixtures of the CSL test suite).  Pairs not listed keep both.
_COLLISIONS: dict[tuple[str, str], str] = {
    (":", ":"): ":", (";", ":"): ";", ("!", ":"): "!", ("?", ":"): "?",
    (":", "."): ":", (".", "."): ".", (";", "."): ";", ("!", "."): "!", ("?", "."): "?",
    (";", ";"): ";",
    (":", "!"): "!", (";", "!"): "!", ("!", "!"): "!",
    (":", "?"): "?", (";", "?"): "?", ("?", "?"): "?",
    (",", ","): ",",
}  # fmt: skip


# What a piece of text can start with for it to collide with the text before it (the table's second marks, and
# the space of a doubled space), and what the text before must end with.
_COLLIDING = frozenset({second for _, second in _COLLISIONS} | {" "})
_ENDING = frozenset({first for first, _ in _COLLISIONS} | {" ", "\u00a0"})


def _fix_collisions(tokens: list[Token]) -> None:
    previous: Token | None = None
    for token in tokens:
        if token.kind != TEXT:
            continue
        text = token.text
        if not text:
            continue
        # Most pieces start with a letter, a digit or a bracket, or follow a letter: nothing to resolve.
        if previous is not None and text[0] in _COLLIDING and previous.text[-1:] in _ENDING:
            text = token.text = _resolve(previous, text)
            if not text:
                continue
        previous = token


def _resolve(previous: Token, text: str) -> str:
    """``text`` once its leading marks have met the end of ``previous`` (which may lose its last mark)."""
    while text and previous.text:
        first, end = text[0], previous.text[-1]
        if first not in _COLLIDING:
            break
        if first == " " and end in (" ", "\u00a0"):
            text = text[1:]
            continue
        merged = _COLLISIONS.get((end, first))
        if merged is None:
            break
        if merged == end:
            text = text[1:]
        else:
            previous.text = previous.text[:-1]
            if not previous.text:
                break
    return text


def strip_outer_space(tokens: list[Token]) -> None:
    """Trim leading and trailing white space of the whole output."""
    for token in tokens:
        if token.kind == TEXT and token.text:
            token.text = token.text.lstrip()
            if token.text:
                break
        elif token.kind in (QUOTE_OPEN, QUOTE_CLOSE):
            break
    for token in reversed(tokens):
        if token.kind == TEXT and token.text:
            token.text = token.text.rstrip()
            if token.text:
                break
        elif token.kind in (QUOTE_OPEN, QUOTE_CLOSE):
            break
