"""Hostile styles and files are refused quickly, with the documented error, the reason and the line.

Each test bounds the time and the Python memory (``tracemalloc`` peak) the refusal takes.  The bounds are safety
bounds, far above what the refusals need (milliseconds, kilobytes), so a slow CI machine never trips them; what
they catch is an entity expanded, a file read whole, a recursion or a loop that runs on.  libxml2's own allocations
are not traced, which is why the unsafe constructs are refused before libxml2 sees them.

Small hostile styles are files in tests/data/hostile/; large ones are made here, in temporary folders.
"""

from __future__ import annotations

import json
import socket
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import citekit
from citekit.csl import Processor
from citekit.csl.parse import MAX_EVALUATION_COST, MAX_EVALUATION_DEPTH
from citekit.csl.xmlsafe import MAX_BYTES
from citekit.errors import CSLError

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"
RECORD = {"id": "doe2020", "type": "book", "title": "A title", "author": [{"family": "Doe", "given": "Jane"}],
          "issued": {"date-parts": [[2020]]}}  # fmt: skip
HEAD = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">\n'
    "  <info><id>hostile</id><title>Hostile</title></info>\n"
)
MB = 1024 * 1024


@contextmanager
def bounded(seconds: float = 5.0, megabytes: float = 20.0) -> Iterator[None]:
    """Fail if the block takes longer than ``seconds`` or its Python allocations peak above ``megabytes``."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        yield
    finally:
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert elapsed < seconds, f"took {elapsed:.2f} s (bound {seconds} s)"
    assert peak < megabytes * MB, f"peaked at {peak / MB:.1f} MB (bound {megabytes} MB)"


def refusal(call: Callable[[], object], seconds: float = 5.0, megabytes: float = 20.0) -> CSLError:
    """The CSLError ``call`` raises, within the bounds."""
    with bounded(seconds, megabytes), pytest.raises(CSLError) as caught:
        call()
    return caught.value


def style(body: str) -> str:
    return HEAD + body + "\n</style>\n"


# -- Hostile CSL: the same refusal from the processor (style text) and from the public API (a .csl path) --------

FILES = {
    # file: (the reason, the line it names)
    "xxe.csl": ("DOCTYPE and entity declarations are not allowed in CSL files", 3),
    "billion-laughs.csl": ("DOCTYPE and entity declarations are not allowed in CSL files", 3),
    "remote-dtd.csl": ("DOCTYPE and entity declarations are not allowed in CSL files", 3),
    "self-macro.csl": ("macros call each other in a loop: author -> author", 4),
    "mutual-macros.csl": ("macros call each other in a loop: author -> editor -> author", 4),
    "undefined-macro.csl": ("<citation> calls undefined macro 'author'", 5),
    "malformed.csl": ("malformed XML: Opening and ending tag mismatch: text line 4 and layout", 4),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_hostile_style_text_is_refused_with_reason_and_line(name: str) -> None:
    reason, line = FILES[name]
    text = (HOSTILE / name).read_text(encoding="utf-8")
    error = refusal(lambda: Processor(text))
    assert reason in str(error)
    assert error.line == line
    assert str(error).startswith(f"style, line {line}: ")


@pytest.mark.parametrize("name", sorted(FILES))
def test_hostile_style_file_is_refused_through_the_public_api(name: str) -> None:
    reason, line = FILES[name]
    error = refusal(lambda: citekit.format_citation(RECORD, HOSTILE / name, mode="citation"))
    assert name in str(error)
    # The head of a style file is read first (citekit.styles.head); it makes the same byte checks as the
    # processor's parser, so the reason and the line are the same whichever reader stops the file.
    assert reason in str(error)
    assert error.line == line


def test_declaration_split_across_the_head_readers_chunks_is_found(tmp_path: Path) -> None:
    """The head reader sees a file 4,096 bytes at a time; a DOCTYPE that straddles two chunks is still refused."""
    from citekit.styles import head

    text = (HOSTILE / "xxe.csl").read_text(encoding="utf-8")
    prolog, _, rest = text.partition("<!DOCTYPE")
    padding = "<!--" + "x" * (4096 - 4 - len(prolog.encode("utf-8")) - 7 - 3) + "-->\n"
    path = tmp_path / "split.csl"
    path.write_text(prolog + padding + "<!DOCTYPE" + rest, encoding="utf-8")
    assert path.read_bytes().find(b"<!DOCTYPE") < 4096 < path.read_bytes().find(b"<!DOCTYPE") + len("<!DOCTYPE")
    error = refusal(lambda: head.read_head(path))
    assert "DOCTYPE and entity declarations are not allowed in CSL files" in str(error)
    assert error.line == text.count("\n", 0, text.find("<!DOCTYPE")) + 2


def test_entity_is_never_expanded() -> None:
    """Whatever the route, /etc/passwd's content never reaches the output or the error."""
    for call in (
        lambda: Processor((HOSTILE / "xxe.csl").read_text(encoding="utf-8")),
        lambda: citekit.format_citation(RECORD, HOSTILE / "xxe.csl", mode="citation"),
    ):
        with pytest.raises(CSLError) as caught:
            call()
        assert "root:" not in str(caught.value)


def test_remote_dtd_is_never_fetched(tmp_path: Path) -> None:
    """A DTD on a server that listens here (loopback): the server never sees a connection."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        server.setblocking(False)
        port = server.getsockname()[1]
        text = (HOSTILE / "remote-dtd.csl").read_text(encoding="utf-8").replace("127.0.0.1:9", f"127.0.0.1:{port}")
        path = tmp_path / "remote.csl"
        path.write_text(text, encoding="utf-8")
        refusal(lambda: Processor(text))
        refusal(lambda: citekit.format_citation(RECORD, path, mode="citation"))
        with pytest.raises(BlockingIOError):  # nothing is waiting to be accepted
            server.accept()


@pytest.mark.parametrize(
    ("encoding", "reason"),
    [
        ("utf-16", "CSL files must be UTF-8"),  # NUL bytes: a byte search for "<!DOCTYPE" would miss it
        ("utf-32", "CSL files must be UTF-8"),
    ],
)
def test_entities_in_another_encoding_are_refused(encoding: str, reason: str) -> None:
    text = (HOSTILE / "xxe.csl").read_text(encoding="utf-8").replace('encoding="utf-8"', f'encoding="{encoding}"')
    from citekit.csl.parse import parse_style

    error = refusal(lambda: parse_style(text.encode(encoding), "xxe16.csl"))
    assert reason in str(error)


def test_utf7_declaration_is_refused() -> None:
    """UTF-7 spells "<!DOCTYPE" as "+ADw-+ACE-DOCTYPE": libxml2 would decode it, a byte search would not see it."""
    text = (HOSTILE / "xxe.csl").read_text(encoding="utf-8").replace('encoding="utf-8"', 'encoding="UTF-7"')
    text = text.replace("<!DOCTYPE", "+ADw-+ACE-DOCTYPE").replace("<!ENTITY", "+ADw-+ACE-ENTITY")
    error = refusal(lambda: Processor(text))
    assert "the file declares encoding 'UTF-7'; CSL files must be UTF-8" in str(error)
    assert error.line == 1


def test_fifty_megabyte_style_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    """A valid head, then 50 MB: refused from the file's size, so memory stays at kilobytes."""
    path = tmp_path / "huge.csl"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(HEAD + "  <citation><layout><text variable='title'/></layout></citation>\n  <!--")
        chunk = "x" * MB
        for _ in range(50):
            fh.write(chunk)
        fh.write("-->\n</style>\n")
    size = path.stat().st_size
    error = refusal(lambda: citekit.format_citation(RECORD, path, mode="citation"), megabytes=5)
    assert f"file is {size} bytes, more than the {MAX_BYTES} a style may have" in str(error)
    refusal(lambda: Processor(path), megabytes=5)


def test_fifty_megabyte_style_text_is_refused_before_parsing() -> None:
    """Handed as text, the 50 MB are already in memory; citekit adds one UTF-8 copy at most, and parses nothing."""
    text = style("  <citation><layout><text variable='title'/></layout></citation>\n  <!--" + "x" * (50 * MB) + "-->")
    error = refusal(lambda: Processor(text), megabytes=60)
    assert f"more than the {MAX_BYTES} a style may have" in str(error)


def test_a_chain_of_thousands_of_macros_is_refused_not_a_recursion_error() -> None:
    macros = "".join(f'<macro name="m{i}"><text macro="m{i + 1}"/></macro>\n' for i in range(3000))
    text = style(macros + '<macro name="m3000"><text variable="title"/></macro>\n'
                 '<citation><layout><text macro="m0"/></layout></citation>')  # fmt: skip
    error = refusal(lambda: Processor(text))
    assert f"levels deep with its macros expanded, more than the {MAX_EVALUATION_DEPTH} a style may have" in str(error)
    assert error.line is not None


def test_macros_that_multiply_are_refused_before_evaluation() -> None:
    """Each macro calls the next twice: 2**40 elements to evaluate from 40 lines, the billion laughs of CSL."""
    macros = "".join(
        f'<macro name="m{i}"><text macro="m{i + 1}"/><text macro="m{i + 1}"/></macro>\n' for i in range(40)
    )
    text = style(macros + '<macro name="m40"><text variable="title"/></macro>\n'
                 '<citation><layout><text macro="m0"/></layout></citation>')  # fmt: skip
    error = refusal(lambda: Processor(text))
    assert f"elements for one item with its macros expanded, more than the {MAX_EVALUATION_COST}" in str(error)


def test_deeply_nested_groups_are_refused() -> None:
    groups = "<group>" * 250 + '<text variable="title"/>' + "</group>" * 250
    error = refusal(lambda: Processor(style(f"<citation><layout>{groups}</layout></citation>")))
    assert "<citation> nests 253 levels deep" in str(error)
    deeper = "<group>" * 300 + '<text variable="title"/>' + "</group>" * 300
    error = refusal(lambda: Processor(style(f"<citation><layout>{deeper}</layout></citation>")))
    assert "malformed XML: Excessive depth in document" in str(error)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ('<citation><sort><key/></sort><layout><text variable="title"/></layout></citation>',
         "a sort <key> needs a variable or a macro"),
        ('<citation><layout><text variable="title" text-case="shouting"/></layout></citation>',
         "text-case='shouting' is not one of capitalize-all, capitalize-first, lowercase, sentence, title, uppercase"),
        ('<citation><layout><text macro="nowhere"/></layout></citation>', "<citation> calls undefined macro 'nowhere'"),
        ('<citation><sort><key macro="nowhere"/></sort><layout><text variable="title"/></layout></citation>',
         "undefined macro 'nowhere'"),
    ],
)  # fmt: skip
def test_invalid_style_is_refused_at_parse_time_not_while_rendering(body: str, reason: str) -> None:
    """Found by damaging official styles at random (below): these used to fail with KeyError or ValueError in the
    middle of rendering."""
    error = refusal(lambda: Processor(style(body)))
    assert reason in str(error)
    assert error.line == 4
    assert str(error).startswith("style, line 4: ")


def test_deep_but_allowed_style_renders() -> None:
    """Just inside the bounds, a style renders (no RecursionError): names, substitute, choose and macros."""
    levels = 20  # 7 levels each, 140 in all, under MAX_EVALUATION_DEPTH
    macros = "".join(
        f'<macro name="m{i}"><names variable="editor"><substitute><choose><if variable="title"><group>'
        f'<text macro="m{i + 1}"/></group></if></choose></substitute></names></macro>\n'
        for i in range(levels)
    )
    text = style(
        macros + f'<macro name="m{levels}"><text variable="title"/></macro>\n'
        '<citation><sort><key macro="m0"/></sort><layout><text macro="m0"/></layout></citation>'
        '<bibliography><sort><key macro="m0"/></sort><layout><text macro="m0"/></layout></bibliography>'
    )
    with bounded():
        processor = Processor(text)
        assert processor.bibliography([RECORD], output="html") == ["A title"]
        assert processor.citation([RECORD], [citekit.csl.Cite("doe2020")], output="text") == "A title"


# -- Hostile files for citekit.read ------------------------------------------------------------------------


def read(text: str, fmt: str) -> citekit.ReadResult:
    return citekit.read(text, fmt)


def read_error(text: str, fmt: str, seconds: float = 10.0, megabytes: float = 50.0) -> citekit.ReadError:
    with bounded(seconds, megabytes), pytest.raises(citekit.ReadError) as caught:
        read(text, fmt)
    return caught.value


def test_json_nested_a_hundred_thousand_deep() -> None:
    error = read_error("[" * 100_000 + "]" * 100_000, "csl-json")
    assert "nested too deeply" in str(error)
    error = read_error('{"message": ' + "[" * 100_000 + "]" * 100_000 + "}", "crossref")
    assert "nested too deeply" in str(error)


@pytest.mark.parametrize("text", ["- " * 3000 + "x\n", "[" * 5000 + "]" * 5000 + "\n", "[" * 600 + "]" * 600 + "\n"])
def test_yaml_nested_deeply(text: str) -> None:
    pytest.importorskip("yaml", reason="PyYAML is the optional 'yaml' extra")
    error = read_error(text, "csl-yaml")
    assert "nested too deeply" in str(error) or "exceeded maximum nesting depth" in str(error)


def test_bibtex_braces_nested_twenty_thousand_deep() -> None:
    """Read, with a warning: the value is kept without its braces."""
    text = "@book{deep,\n  title = {" + "{" * 20_000 + "Deep" + "}" * 20_000 + "},\n  year = 2000\n}\n"
    with bounded(seconds=15, megabytes=50):
        result = read(text, "bibtex")
    assert result[0].title == "Deep"
    assert any("nested more than 100 levels deep" in str(w) for w in result.warnings)


def test_bibtex_commands_nested_deeply() -> None:
    text = "@book{deep,\n  title = {" + "\\emph{" * 5000 + "Deep" + "}" * 5000 + "},\n  year = 2000\n}\n"
    with bounded(seconds=15, megabytes=50):
        result = read(text, "bibtex")
    assert "Deep" in str(result[0].title)
    assert any("nested more than 100 levels deep" in str(w) for w in result.warnings)


def test_bibtex_unclosed_brace_after_deep_nesting() -> None:
    error = read_error("@book{a,\n title = {" + "{" * 20_000 + "x\n", "bibtex", seconds=15)
    assert "never closed" in str(error)
    assert error.line == 2


@pytest.mark.parametrize("fmt", ["bibtex", "ris", "csl-json"])
def test_five_megabyte_field(fmt: str) -> None:
    """A field of 5 MB is read whole (no limit on data), in linear time and a few copies of memory."""
    big = "x" * (5 * MB)
    text = {
        "bibtex": "@book{big,\n  title = {" + big + "},\n  year = 2000\n}\n",
        "ris": "TY  - BOOK\nTI  - " + big + "\nPY  - 2000\nER  - \n",
        "csl-json": json.dumps([{"id": "big", "type": "book", "title": big}]),
    }[fmt]
    with bounded(seconds=20, megabytes=100):
        result = read(text, fmt)
    assert len(str(result[0].title)) == 5 * MB


def test_many_authors() -> None:
    names = " and ".join(f"Family{i}, Given" for i in range(5000))
    with bounded(seconds=20, megabytes=100):
        result = read("@book{many,\n  author = {" + names + "},\n  title = {T}, year = 2000\n}\n", "bibtex")
    assert len(result[0].author) == 5000


def test_binary_garbage_is_a_read_error() -> None:
    garbage = bytes(range(256)) * 1000
    with bounded(), pytest.raises(citekit.ReadError):
        citekit.read(garbage, "csl-json")



# -- Broken styles: official styles with random damage ----------------------------------------------------------

ATTRIBUTES = ("form", "variable", "term", "plural", "et-al-min", "et-al-use-first", "delimiter", "prefix", "text-case",
              "name-as-sort-order", "and", "initialize-with", "date-parts", "name", "match", "type", "position",
              "is-numeric", "collapse", "names-min", "subsequent-author-substitute", "sort", "macro",
              "range-delimiter", "display", "quotes", "second-field-align", "entry-spacing", "locator")  # fmt: skip
VALUES = ("", "x", "-1", "0", "99999999", "true", "false", "always", "contextual", "short", "long", "symbol",
          "verb-short", "count", "ordinal", "roman", "title", "uppercase", "sentence", "italic", "year-month",
          "all", "none", "first", "ibid", "near-note", "page", "issued", "author editor", "citation-number",
          "locator", "primary-name", "by-cite", "minimal", "complete-each", "<", "&")  # fmt: skip


def test_damaged_official_styles_are_refused_or_render() -> None:
    """Attributes set to any value, removed, elements deleted or copied elsewhere, in six official styles: each
    damaged style is refused with a CSLError or renders every item to a str (found two crashes, now refused at
    parse time: a sort key with neither variable nor macro, and an unknown text-case)."""
    import random

    from lxml import etree

    from citekit.csl.parse import parse_style
    from citekit.styles.catalog import official_style_file

    rng = random.Random(2011)
    items = [
        RECORD,
        {"id": "c", "type": "chapter", "title": "Chapter", "container-title": "Book", "page": "xii-xv",
         "editor": [{"family": "Barnes", "given": "Marian"}], "author": [{"family": "van Gogh", "given": "V."}]},
        {"id": "w", "type": "webpage", "URL": "https://example.org", "accessed": {"date-parts": [[2020, 2, 30]]}},
    ]  # fmt: skip
    sources = [(official_style_file(s) or (Path(), False))[0].read_bytes()
               for s in ("apa", "harvard-cite-them-right", "chicago-notes-bibliography", "ieee", "nature",
                         "modern-language-association")]  # fmt: skip
    outcomes = {"refused": 0, "rendered": 0}
    for _ in range(60):
        root = etree.fromstring(rng.choice(sources))
        elements = [e for e in root.iter() if isinstance(e.tag, str)]
        for _ in range(rng.randint(1, 4)):
            el, op = rng.choice(elements), rng.random()
            if op < 0.5:
                el.set(rng.choice(ATTRIBUTES), rng.choice(VALUES))
            elif op < 0.7 and el.attrib:
                del el.attrib[rng.choice(sorted(el.attrib))]
            elif op < 0.85 and el.getparent() is not None:
                el.getparent().remove(el)
            else:
                other = rng.choice(elements)
                if el is not root and el not in other.iterancestors() and other not in el.iterancestors():
                    other.append(etree.fromstring(etree.tostring(el)))
        data = etree.tostring(root, encoding="utf-8", xml_declaration=True)
        try:
            parsed = parse_style(data, "damaged.csl")
        except CSLError:
            outcomes["refused"] += 1
            continue
        processor = Processor(parsed)
        for output in ("text", "html"):
            assert all(type(e) is str for e in processor.bibliography(items, output=output))
            cites = [citekit.csl.Cite(str(i["id"]), locator="12") for i in items]
            assert type(processor.citation(items, cites, output=output)) is str
        outcomes["rendered"] += 1
    assert outcomes["refused"] > 5 and outcomes["rendered"] > 30, outcomes
