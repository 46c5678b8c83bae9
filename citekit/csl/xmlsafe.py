"""Safe XML parsing for styles and locales: no entities, no network, no DTDs, bounded size."""

from __future__ import annotations

from lxml import etree

from citekit.errors import CSLError

CSL_NS = "http://purl.org/net/xbiblio/csl"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Large official styles are under 200 kB; anything this big is not a style.
MAX_BYTES = 5 * 1024 * 1024

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


def parse_xml(data: bytes | str, source: str) -> etree._Element:
    """Parse ``data`` into an element tree, refusing anything unsafe with a :class:`CSLError`."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_BYTES:
        raise CSLError(f"file is {len(raw)} bytes, more than the {MAX_BYTES} a style may have", source=source)
    if b"<!ENTITY" in raw or b"<!DOCTYPE" in raw:
        raise CSLError("DOCTYPE and entity declarations are not allowed in CSL files", source=source)
    try:
        root = etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) else None
        raise CSLError(f"malformed XML: {exc.msg}", source=source, line=line) from None
    return root


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
