"""The head of a CSL style file: the root's attributes and its ``<info>``, read without parsing the rest.

Listing 10,800 official styles must not parse 10,800 whole files, so the file is fed to an incremental parser in
small chunks and reading stops at ``</info>``.  The parser is a safe one: no entity expansion, no DTD, no network.
Results are cached per file (keyed by modification time and size, so an edited local file is read again).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import attrs

from citekit.errors import CSLError

CSL_NS = "http://purl.org/net/xbiblio/csl"
STYLE_URI_PREFIXES = ("http://www.zotero.org/styles/", "https://www.zotero.org/styles/")
"""How official style ids are written inside CSL files; the short id is what follows."""

_NS = f"{{{CSL_NS}}}"
_FIELDS = ("id", "title", "style_class", "default_locale", "parent", "citation_format")
_CHUNK = 4096
_MAX_HEAD = 1024 * 1024  # an <info> longer than this is not a style's head
_DECLARATION_OVERLAP = len(b"<!DOCTYPE")  # a declaration split across two chunks is still found


@attrs.frozen
class StyleHead:
    """What citekit needs from a style file before running it."""

    id: str | None
    title: str | None
    style_class: str | None
    default_locale: str | None
    parent: str | None
    """The short id of the independent parent, for a dependent style."""
    citation_format: str | None
    """``<category citation-format=...>``: author-date, author, numeric, label or note."""


def short_id(uri: str) -> str:
    """``http://www.zotero.org/styles/apa`` → ``apa``; anything else unchanged."""
    for prefix in STYLE_URI_PREFIXES:
        if uri.startswith(prefix):
            return uri[len(prefix) :].strip("/")
    return uri


def read_head(path: Path) -> StyleHead:
    """The head of the style at ``path``; :class:`CSLError` if it is not a readable CSL style."""
    try:
        stat = os.stat(path)
    except OSError as exc:
        raise CSLError(f"cannot read the style: {exc.strerror}", source=str(path)) from None
    return _read_head(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=None)
def _read_head(path: str, mtime_ns: int, size: int) -> StyleHead:  # noqa: ARG001 - the cache key
    from lxml import etree

    from citekit.csl.xmlsafe import check_utf8, refuse_declarations

    parser = etree.XMLPullParser(
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )
    root_seen = in_info = False
    fields: dict[str, str | None] = {}
    head = b""
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                # The same byte checks as a whole style gets (citekit.csl.xmlsafe), so a hostile file named by path
                # is refused in citekit's words, with its line, before the parser sees a byte of it.
                seen = len(head)
                head += chunk
                if len(head) > _MAX_HEAD:
                    raise CSLError("no </info> in the first megabyte: not a CSL style", source=path)
                if not seen:
                    check_utf8(head, path)
                refuse_declarations(head, path, start=max(0, seen - _DECLARATION_OVERLAP))
                parser.feed(chunk)
                for event, el in parser.read_events():
                    if not isinstance(el, etree._Element):
                        continue
                    tag = el.tag if isinstance(el.tag, str) else ""
                    name = tag[len(_NS) :] if tag.startswith(_NS) else ""
                    if not root_seen:
                        if name != "style":
                            raise CSLError(
                                f"not a CSL style: the root element is <{tag}>, not <style> in the CSL namespace",
                                source=path,
                            )
                        root_seen = True
                        fields["style_class"] = el.get("class")
                        fields["default_locale"] = el.get("default-locale")
                    elif event == "start":
                        if name == "info":
                            in_info = True
                        elif not in_info:
                            raise CSLError("the style does not begin with <info>", source=path)
                    elif name == "info":
                        return StyleHead(**{key: fields.get(key) for key in _FIELDS})
                    elif name in ("id", "title") and name not in fields:
                        fields[name] = (el.text or "").strip() or None
                    elif name == "link" and el.get("rel") == "independent-parent":
                        href = el.get("href")
                        fields["parent"] = short_id(href) if href else None
                    elif name == "category" and el.get("citation-format"):
                        fields["citation_format"] = el.get("citation-format")
            parser.close()
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) else None
        raise CSLError(f"malformed XML: {exc.msg}", source=path, line=line) from None
    except OSError as exc:
        raise CSLError(f"cannot read the style: {exc.strerror}", source=path) from None
    raise CSLError("the style has no <info> element", source=path)
