"""Safe XML parsing for styles and locales: no entities, no network, no DTDs, bounded size."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from citekit.errors import CSLError

if TYPE_CHECKING:
    from lxml import etree

CSL_NS = "http://purl.org/net/xbiblio/csl"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Large official styles are under 200 kB; anything this big is not a style.
MAX_BYTES = 5 * 1024 * 1024

@functools.lru_cache(maxsize=1)
def _parser() -> etree.XMLParser:
    # Built on first use: a style and locale read from citekit's disk cache never import lxml at all.
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


# The XML declaration's encoding, read as ASCII bytes (only meaningful once the file is known to be ASCII-based).
_DECLARED_ENCODING = re.compile(rb"""\A(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']""")
_UTF8_NAMES = (b"utf-8", b"utf8", b"us-ascii", b"ascii")


def parse_xml(data: bytes | str, source: str) -> etree._Element:
    """Parse ``data`` into an element tree, refusing anything unsafe with a :class:`CSLError`."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_BYTES:
        raise CSLError(f"file is {len(raw)} bytes, more than the {MAX_BYTES} a style may have", source=source)
    check_utf8(raw, source)
    refuse_declarations(raw, source)
    from lxml import etree

    try:
        root = etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) else None
        raise CSLError(f"malformed XML: {exc.msg}", source=source, line=line) from None
    # Defence in depth: the byte test above cannot miss a DOCTYPE in a UTF-8 file, but if it ever did, the parser
    # has kept (not expanded) the entities, and the document still says it had one: lxml gives any DOCTYPE, internal
    # or pointing to a remote DTD, an internalDTD object.
    if root.getroottree().docinfo.internalDTD is not None:
        raise CSLError("DOCTYPE and entity declarations are not allowed in CSL files", source=source)
    return root


def refuse_declarations(raw: bytes, source: str, start: int = 0) -> None:
    """Refuse a DOCTYPE or ENTITY declaration at or after byte ``start`` (naming its line).

    ``start`` lets a reader that sees a file in chunks search only what is new (plus an overlap it keeps itself).
    """
    found = [i for i in (raw.find(b"<!DOCTYPE", start), raw.find(b"<!ENTITY", start)) if i >= 0]
    if found:
        at_line = raw.count(b"\n", 0, min(found)) + 1
        raise CSLError("DOCTYPE and entity declarations are not allowed in CSL files", source=source, line=at_line)


def check_utf8(raw: bytes, source: str) -> None:
    """Refuse a file that is not UTF-8 (every official style and locale is).

    Not pedantry: the DOCTYPE/ENTITY test is a byte search, which a UTF-16, UTF-7 or EBCDIC file would get past
    (libxml2 decodes them all), so only an ASCII-compatible encoding may reach the parser.
    """
    if b"\x00" in raw[:4096]:
        raise CSLError("the file is not UTF-8 (it has NUL bytes: UTF-16 or UTF-32?); CSL files must be UTF-8",
                       source=source)  # fmt: skip
    match = _DECLARED_ENCODING.match(raw)
    if match and match.group(1).strip().lower() not in _UTF8_NAMES:
        declared = match.group(1).decode("ascii", "replace")
        raise CSLError(f"the file declares encoding {declared!r}; CSL files must be UTF-8", source=source, line=1)
    start = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    if start.lstrip()[:1] not in (b"<", b""):
        raise CSLError("the file does not start with '<': not XML, or not UTF-8", source=source, line=1)


def local_name(el: etree._Element) -> str:
    """The tag without its namespace ("" for comments and other non-elements)."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def line_of(el: etree._Element) -> int | None:
    """The element's line in its file, when lxml knows it."""
    line = el.sourceline
    return line if isinstance(line, int) else None


def children(el: etree._Element) -> list[etree._Element]:
    """Element children only (no comments, no processing instructions)."""
    return [c for c in el if isinstance(c.tag, str)]
