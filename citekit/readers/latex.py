"""LaTeX in BibTeX field values to CSL rich text (or plain text, for names).

What BibTeX users write, and what it becomes:

* accents and special letters (``{\\"u}``, ``\\'e``, ``\\c{c}``, ``{\\o}``, ``\\ss``) -> the Unicode letter, NFC;
* escaped characters (``\\&``, ``\\%``, ``\\$``, ``\\#``, ``\\_``) -> the character; ``--`` -> en dash, ``---`` -> em dash,
  ``~`` -> no-break space, ````` ``...'' ````` -> curly double quotes (a lone ``'`` stays an apostrophe);
* ``\\emph``/``\\textit`` (and ``{\\em ...}``, ``{\\itshape ...}``) -> ``<i>``, ``\\textbf`` -> ``<b>``, ``\\textsc`` -> small
  caps, ``\\textsuperscript``/``\\textsubscript`` -> ``<sup>``/``<sub>``;
* a brace group that protects case (``The {NASA} mission``) -> ``<span class="nocase">NASA</span>``, because that is
  what the braces mean: CSL styles must not change its case either.  A group that starts with a command
  (``{\\"u}``, ``{\\em x}``) is BibTeX's "special character" and protects nothing.

Other commands are looked up in pylatexenc's tables (``\\textdegree`` -> "°", ``\\alpha`` -> "α"); a command
neither knows is reported (the caller turns it into a warning) and its arguments' text is kept.

The tokenizer and tree here are citekit's own rather than pylatexenc's walker: the walker costs about half a
millisecond per value even for plain text, which is most of the time of reading a large file, and it cannot
tell a case-protecting group from a command's argument the way BibTeX does.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

import attrs

# Accent commands and the combining character each puts on its argument's first letter.
_ACCENTS = {
    '"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304", ".": "\u0307",
    "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "d": "\u0323", "b": "\u0331", "r": "\u030a",
    "k": "\u0328", "t": "\u0361", "G": "\u030f", "U": "\u030e",
}  # fmt: skip
_SYMBOLS = {
    "&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", " ": " ", ",": "\u2009", ";": " ",
    ":": " ", "!": "", "-": "", "/": "", "@": "", "\\": " ", "ss": "ß", "SS": "SS", "o": "ø", "O": "Ø",
    "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ",
    "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ", "relax": "",
    "textendash": "\u2013", "textemdash": "\u2014", "textquoteleft": "\u2018", "textquoteright": "\u2019",
    "textquotedblleft": "\u201c", "textquotedblright": "\u201d", "textless": "<", "textgreater": ">",
    "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^", "textunderscore": "_",
    "textbar": "|", "textbraceleft": "{", "textbraceright": "}", "textquotesingle": "'", "textquotedbl": '"',
    "S": "§", "P": "¶", "euro": "€", "texteuro": "€", "pounds": "£", "textsterling": "£", "copyright": "©",
    "dag": "†", "ddag": "‡", "dots": "…", "ldots": "…", "textellipsis": "…", "quad": " ", "qquad": " ",
    "nobreakspace": "\u00a0", "TeX": "TeX", "LaTeX": "LaTeX", "BibTeX": "BibTeX", "guillemotleft": "«",
    "guillemotright": "»", "guillemetleft": "«", "guillemetright": "»", "textperiodcentered": "·",
}  # fmt: skip
# Commands whose one argument is set in a style CSL rich text has a tag for.
_STYLED = {
    "emph": ("<i>", "</i>"), "textit": ("<i>", "</i>"), "textsl": ("<i>", "</i>"), "mkbibemph": ("<i>", "</i>"),
    "mkbibitalic": ("<i>", "</i>"), "textbf": ("<b>", "</b>"), "mkbibbold": ("<b>", "</b>"),
    "textsc": ('<span style="font-variant:small-caps;">', "</span>"),
    "textsuperscript": ("<sup>", "</sup>"), "mkbibsuperscript": ("<sup>", "</sup>"),
    "textsubscript": ("<sub>", "</sub>"), "NoCaseChange": ('<span class="nocase">', "</span>"),
    "enquote": ("\u201c", "\u201d"), "mkbibquote": ("\u201c", "\u201d"),
}  # fmt: skip
# Commands whose one argument is plain text in a style CSL has no tag for, or no style at all.
_TRANSPARENT = frozenset(
    "textup textrm textnormal textmd textsf texttt mbox hbox text textlatin foreignlanguage ensuremath "
    "hyphenation".split()
)
# Declarations: they style the rest of the group they are in.
_DECLARATIONS = {
    "em": ("<i>", "</i>"), "it": ("<i>", "</i>"), "itshape": ("<i>", "</i>"), "sl": ("<i>", "</i>"),
    "slshape": ("<i>", "</i>"), "bf": ("<b>", "</b>"), "bfseries": ("<b>", "</b>"),
    "sc": ('<span style="font-variant:small-caps;">', "</span>"),
    "scshape": ('<span style="font-variant:small-caps;">', "</span>"),
    "normalfont": ("", ""), "rm": ("", ""), "upshape": ("", ""), "mdseries": ("", ""), "sffamily": ("", ""),
    "ttfamily": ("", ""), "tt": ("", ""), "sf": ("", ""), "small": ("", ""), "footnotesize": ("", ""),
}  # fmt: skip
_VERBATIM = frozenset({"url", "path", "nolinkurl", "doi"})

_TOKEN = re.compile(
    r"(?P<word>\\[A-Za-z@]+\*?)[ \t\n\r]*"
    r"|(?P<symbol>\\.)"
    r"|(?P<open>\{)|(?P<close>\})"
    r"|(?P<math>\$\$?)"
    r"|(?P<dash>-{2,3})"
    r"|(?P<quote>``|''|`|!`|\?`)"
    r"|(?P<tilde>~)"
    r"|(?P<text>[^\\{}$~`'\-]+|['\-])",
    re.S,
)
_SPECIAL = re.compile(r"[\\{}$~`]|--|''")
_SPACES = re.compile(r"[ \t\r\n]+")  # not \s: a no-break space from "~" stays


class LatexSyntaxError(ValueError):
    """Unbalanced braces or math in a value (BibTeX's splitter only balances the outer field braces)."""


@attrs.define
class _Macro:
    name: str
    args: list[list[_Node]]


@attrs.define
class _Group:
    children: list[_Node]


@attrs.define
class _Math:
    children: list[_Node]


_Node = str | _Macro | _Group | _Math


@attrs.define
class _Tok:
    kind: str
    text: str


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "text"
        out.append(_Tok(kind, match.group(kind)))
    return out


@functools.cache
def _arity(name: str) -> int:
    """How many mandatory arguments a command takes: citekit's own tables first, then pylatexenc's; -1 if unknown."""
    if name in _ACCENTS or name in _STYLED or name in _TRANSPARENT or name in _VERBATIM:
        return 1
    if name in ("href",):
        return 2
    if name in _SYMBOLS or name in _DECLARATIONS:
        return 0
    from pylatexenc import latexwalker  # type: ignore[import-untyped]

    spec = latexwalker.get_default_latex_context_db().get_macro_spec(name)
    if spec is None:
        return 0 if _pylatexenc_symbol(name) is not None else -1
    argspec = str(getattr(getattr(spec, "args_parser", None), "argspec", "") or "")
    return argspec.count("{")


@functools.cache
def _pylatexenc_symbol(name: str) -> str | None:
    """The text pylatexenc gives a command that takes no argument (``\\textdegree`` -> "°"), or None if unknown."""
    from pylatexenc import latex2text

    spec = latex2text.get_default_latex_context_db().get_macro_spec(name)
    replacement = getattr(spec, "simplify_repl", None) if spec is not None else None
    if isinstance(replacement, str) and "%" not in replacement:
        return replacement
    return None


# Real fields nest braces a few levels deep; a value nested deeper is hostile or broken, and parsing (and rendering)
# it recursively would overflow Python's stack.
MAX_NESTING = 100


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.pos = 0
        self.depth = 0

    def parse(self) -> list[_Node]:
        nodes = self._sequence(closing=None)
        if self.pos < len(self.tokens):
            raise LatexSyntaxError("a closing brace '}' has no opening brace")
        return nodes

    def _sequence(self, closing: str | None) -> list[_Node]:
        if closing is not None:
            self.depth += 1
            if self.depth > MAX_NESTING:
                raise LatexSyntaxError(f"braces or math nested more than {MAX_NESTING} levels deep")
        try:
            return self._sequence_items(closing)
        finally:
            if closing is not None:
                self.depth -= 1

    def _sequence_items(self, closing: str | None) -> list[_Node]:
        nodes: list[_Node] = []
        while self.pos < len(self.tokens):
            token = self.tokens[self.pos]
            if token.kind == "close":
                if closing != "}":
                    return nodes
                self.pos += 1
                return nodes
            if token.kind == "math" and closing == token.text:
                self.pos += 1
                return nodes
            nodes.append(self._node())
        if closing is not None:
            raise LatexSyntaxError("an opening brace '{' is never closed" if closing == "}" else "math '$' is never closed")
        return nodes

    def _node(self) -> _Node:
        token = self.tokens[self.pos]
        self.pos += 1
        if token.kind == "open":
            return _Group(self._sequence("}"))
        if token.kind == "math":
            return _Math(self._sequence(token.text))
        if token.kind in ("word", "symbol"):
            name = token.text[1:]
            count = _arity(name)
            if count < 0:  # unknown: a group right after it is its argument, not a case-protecting group
                count = int(self.pos < len(self.tokens) and self.tokens[self.pos].kind == "open")
            return _Macro(name, [self._argument() for _ in range(count)])
        return token.text if token.kind == "text" else _Macro("\0" + token.kind, [[token.text]])

    def _argument(self) -> list[_Node]:
        while self.pos < len(self.tokens) and self.tokens[self.pos].kind == "text" and not self.tokens[self.pos].text.strip():
            self.pos += 1
        if self.pos >= len(self.tokens) or self.tokens[self.pos].kind == "close":
            return []
        token = self.tokens[self.pos]
        if token.kind == "open":
            self.pos += 1
            return self._sequence("}")
        if token.kind == "text":
            stripped = token.text.lstrip()
            if len(stripped) > 1:  # "\'ea": the argument is "e", "a" stays for what follows
                token.text = stripped[1:]
                return [stripped[0]]
            self.pos += 1
            return [stripped]
        return [self._node()]


_PUNCTUATION = {"dash": {"--": "\u2013", "---": "\u2014"}, "quote": {"``": "\u201c", "''": "\u201d", "`": "\u2018", "!`": "¡", "?`": "¿"}}


@attrs.define
class _Renderer:
    rich: bool
    unknown: list[str]

    def nodes(self, nodes: list[_Node], nocase: bool) -> str:
        out: list[str] = []
        for i, node in enumerate(nodes):
            if isinstance(node, _Macro) and node.name in _DECLARATIONS:
                opening, closing = _DECLARATIONS[node.name]
                rest = self.nodes(nodes[i + 1 :], nocase)
                out.append(f"{opening}{rest}{closing}" if self.rich and rest.strip() else rest)
                break
            out.append(self.node(node, nocase))
        return "".join(out)

    def node(self, node: _Node, nocase: bool) -> str:
        if isinstance(node, str):
            return node
        if isinstance(node, _Group):
            if node.children and isinstance(node.children[0], _Macro):  # BibTeX's "special character"
                return self.nodes(node.children, nocase)
            if not self.rich or nocase:
                return self.nodes(node.children, nocase)
            inner = self.nodes(node.children, nocase=True)
            return f'<span class="nocase">{inner}</span>' if any(c.isalpha() for c in inner) else inner
        if isinstance(node, _Math):
            return self._math(node.children)
        return self.macro(node, nocase)

    def macro(self, node: _Macro, nocase: bool) -> str:
        name, args = node.name, node.args
        if name.startswith("\0"):
            kind, text = name[1:], str(args[0][0])
            return "\u00a0" if kind == "tilde" else _PUNCTUATION[kind].get(text, text)
        if name in _ACCENTS:
            return _accent(self.nodes(args[0], nocase), _ACCENTS[name])
        if name in _SYMBOLS:
            return _SYMBOLS[name]
        if name in _STYLED:
            inner = self.nodes(args[0], nocase)
            opening, closing = _STYLED[name]
            if not self.rich and opening.startswith("<"):
                return inner
            return f"{opening}{inner}{closing}" if inner else ""
        if name in _TRANSPARENT:
            return self.nodes(args[0], nocase)
        if name in _VERBATIM:
            return _verbatim(args[0])
        if name == "href":
            return self.nodes(args[1], nocase)
        symbol = _pylatexenc_symbol(name) if not args else None
        if symbol is not None:
            return symbol
        self.unknown.append("\\" + name)
        return "".join(self.nodes(arg, nocase) for arg in args)

    def _math(self, nodes: list[_Node]) -> str:
        out: list[str] = []
        script: str | None = None
        for node in nodes:
            if isinstance(node, str):
                for piece in re.split(r"([\^_])", node):
                    if piece in ("^", "_"):
                        script = "sup" if piece == "^" else "sub"
                    elif script and piece.strip():
                        out.append(self._script(script, piece[0]) + piece[1:])
                        script = None
                    else:
                        out.append(piece)
                continue
            text = self.nodes(node.children, True) if isinstance(node, _Group) else self.node(node, True)
            out.append(self._script(script, text) if script else text)
            script = None
        return "".join(out)

    def _script(self, kind: str, text: str) -> str:
        return f"<{kind}>{text}</{kind}>" if self.rich else text


def _accent(text: str, mark: str) -> str:
    if not text:
        return unicodedata.normalize("NFC", mark.strip())
    base = {"ı": "i", "ȷ": "j"}.get(text[0], text[0])
    return unicodedata.normalize("NFC", base + mark) + text[1:]


def _verbatim(nodes: list[_Node]) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, _Group):
            out.append(_verbatim(node.children))
        elif isinstance(node, _Macro) and node.name.startswith("\0"):
            out.append(str(node.args[0][0]) if node.name != "\0tilde" else "~")
        elif isinstance(node, _Macro):
            out.append(node.name if len(node.name) == 1 else "\\" + node.name)
    return "".join(out)


def convert(text: str, *, rich: bool = True, unknown: Callable[[str], None] | None = None) -> str:
    """``text`` (LaTeX) as CSL rich text, or as plain text with ``rich=False``; whitespace runs become one space.

    ``unknown`` is called with each command neither citekit nor pylatexenc knows.  Unbalanced braces or math
    raise :class:`LatexSyntaxError`.
    """
    if not _SPECIAL.search(text):  # most values: nothing to convert
        return _SPACES.sub(" ", text).strip()
    found: list[str] = []
    renderer = _Renderer(rich=rich, unknown=found)
    result = renderer.nodes(_Parser(text).parse(), nocase=False)
    if unknown is not None:
        for name in dict.fromkeys(found):
            unknown(name)
    return _SPACES.sub(" ", unicodedata.normalize("NFC", result)).strip()


def unescape_verbatim(text: str) -> str:
    """A verbatim field (url, doi): braces dropped, escaped ``\\_ \\% \\& \\# \\$ \\~`` unescaped, nothing else."""
    text = re.sub(r"\\([_%&#$~])", r"\1", text)
    return text.replace("{", "").replace("}", "").strip()
