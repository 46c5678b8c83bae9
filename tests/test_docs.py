"""Every example in the README and in ``docs/`` runs, and shows what it really prints.

Each page's fenced blocks are taken in order, in one namespace per page, in a temporary folder holding the example
files of ``tests/data/cli`` (``refs.bib``, ``refs.ris``, ``problems.bib``):

- ```` ```python ```` with ``>>>`` prompts: a doctest;
- ```` ```python ```` API signatures (``name(arguments) -> result`` lines, which are not Python): every argument
  shown must be the function's, in its order, with its default and kind (keyword-only after ``*``), and no
  required argument may be left out;
- any other ```` ```python ````: run; when the next block is ```` ```text ```` with at most one short line ending
  in ":" between them ("It prints:"), that block must be exactly what the code printed;
- ```` ```console ````: each ``$ citekit ...`` line is run (``citekit.cli.main``, in this process) and the lines
  after it, up to the next ``$``, must be exactly what it wrote (standard output and standard error together);
- ```` ```{code-block} LANG ```` with ``:caption: NAME``: a file the later examples read, written as NAME.

A page's namespace starts as ``from citekit import *`` plus ``import citekit`` and two running examples the
pages use without defining: ``record`` (the Farr chapter, ``citekit.examples.FARR``) and ``records`` (the four
records of ``refs.bib``).  Blocks in other languages (``sh``, ``toml``, ``text`` that follows no code) are shown,
not run; ``sh`` set-up commands are tested by ``test_readme.py``.  A ```` ```python ```` block that is neither
Python nor a signature fails, unless it is listed in :data:`FRAGMENTS` with a reason.
"""

from __future__ import annotations

import ast
import contextlib
import doctest
import inspect
import io
import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import citekit
from citekit.cli import main

CHECKOUT = Path(__file__).resolve().parents[1]
DOCS = CHECKOUT / "docs"
DATA = CHECKOUT / "tests" / "data" / "cli"
PAGES = [CHECKOUT / "README.md", *sorted(p for p in DOCS.rglob("*.md") if "_build" not in p.parts)]

FRAGMENTS: dict[tuple[str, str], str] = {
    ("docs/casing.md", '{"author": [{"literal": "World Health Organization [WHO]"}], ...}'):
        "an abridged CSL-JSON item next to the record that means the same",
}  # fmt: skip
"""Blocks marked ``python`` that are not meant to run: (page, first line) -> why."""


@attrs.frozen
class Block:
    page: str
    line: int  # of the opening fence, 1-based
    info: str  # what follows the fence: "python", "{code-block} bibtex"
    options: dict[str, str]  # MyST directive options (":caption: refs.bib")
    code: str
    before: str  # the prose between the previous block and this one

    @property
    def language(self) -> str:
        if self.info.startswith("{code-block}"):
            return self.info.split()[1] if len(self.info.split()) > 1 else ""
        return self.info.split()[0] if self.info else ""

    def where(self) -> str:
        return f"{self.page}:{self.line}"


_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


def blocks(page: Path) -> list[Block]:
    """The fenced blocks of a Markdown page, in order."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    prose: list[str] = []
    index = 0
    name = str(page.relative_to(CHECKOUT))
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if not opening:
            prose.append(lines[index])
            index += 1
            continue
        fence = opening["fence"]
        body: list[str] = []
        end = index + 1
        while end < len(lines) and not (lines[end].strip().startswith(fence) and not lines[end].strip().strip(fence[0])):
            body.append(lines[end])
            end += 1
        options: dict[str, str] = {}
        info = opening["info"].strip()
        if info.startswith("{"):
            while body and body[0].startswith(":"):
                key, _, value = body.pop(0)[1:].partition(":")
                options[key.strip()] = value.strip()
            if body and not body[0].strip():
                body.pop(0)
        found.append(Block(name, index + 1, info, options, "\n".join(body) + "\n", "\n".join(prose).strip()))
        prose = []
        index = end + 1
    return found


def _is_signature(code: str) -> bool:
    statements = _statements(code)
    return bool(statements) and all(_SIGNATURE.match(s) for s in statements)


_SIGNATURE = re.compile(r"^(?P<name>[A-Za-z_][\w.]*)\((?P<params>.*)\)\s*->\s*(?P<result>[^#]+?)\s*(?:#.*)?$", re.S)


def _statements(code: str) -> list[str]:
    """Lines joined into statements: a statement goes on while lines are indented."""
    statements: list[str] = []
    for line in code.splitlines():
        if not line.strip():
            continue
        if line[0].isspace() and statements:
            statements[-1] += " " + line.strip()
        else:
            statements.append(line.strip())
    return statements


def check_signature(statement: str, namespace: dict[str, Any], where: str) -> None:
    match = _SIGNATURE.match(statement)
    assert match, f"{where}: not a signature: {statement}"
    function = eval(match["name"], namespace)  # a dotted name of citekit's: citekit.read, Document.cite
    shown = ast.parse(f"def _({match['params']}): pass").body[0]
    assert isinstance(shown, ast.FunctionDef)
    real = [p for p in inspect.signature(function).parameters.values() if p.name != "self"]
    names = [p.name for p in real]
    arguments = shown.args
    positional = arguments.posonlyargs + arguments.args
    positional_names = [a.arg for a in positional]
    # Python's own rule: the last len(defaults) positional arguments are the ones with defaults.
    with_defaults = positional_names[len(positional_names) - len(arguments.defaults) :]
    defaults: dict[str, ast.expr] = dict(zip(with_defaults, arguments.defaults))
    defaults.update({a.arg: d for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults) if d is not None})
    order = [a.arg for a in positional] + [a.arg for a in arguments.kwonlyargs]
    positions = []
    for argument in order:
        assert argument in names, f"{where}: {match['name']} has no argument {argument!r}"
        positions.append(names.index(argument))
        parameter = real[names.index(argument)]
        keyword_only = argument in [a.arg for a in arguments.kwonlyargs]
        assert keyword_only == (parameter.kind is inspect.Parameter.KEYWORD_ONLY), (
            f"{where}: {match['name']}: {argument!r} is {parameter.kind.description} in the code"
        )
        if argument in defaults:
            assert parameter.default is not inspect.Parameter.empty, f"{where}: {argument!r} has no default"
            assert ast.literal_eval(defaults[argument]) == parameter.default, (
                f"{where}: {match['name']}: {argument}={ast.unparse(defaults[argument])} is "
                f"{argument}={parameter.default!r} in the code"
            )
        else:
            assert parameter.default is inspect.Parameter.empty, f"{where}: {argument!r} has a default in the code"
    assert positions == sorted(positions), f"{where}: {match['name']}'s arguments are shown out of order"
    required = {p.name for p in real if p.default is inspect.Parameter.empty and p.kind not in
                (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)}  # fmt: skip
    assert required <= set(order), f"{where}: {match['name']} also needs {sorted(required - set(order))}"


def run_console(block: Block) -> None:
    """Each ``$ citekit ...`` command of the block, its output compared with the lines after it."""
    commands: list[tuple[str, list[str]]] = []
    for line in block.code.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        else:
            assert commands, f"{block.where()}: a console block starts with a '$ ' command"
            commands[-1][1].append(line)
    for command, shown in commands:
        argv = shlex.split(command)
        assert argv[0] == "citekit", f"{block.where()}: only citekit commands run here: {command}"
        output = io.StringIO()
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
            try:
                main(argv[1:])
            except SystemExit:  # --help, or a usage error: argparse exits
                pass
        printed = [line.rstrip() for line in output.getvalue().splitlines()]
        assert printed == [line.rstrip() for line in shown], f"{block.where()}: $ {command}"


def _prints_into(following: Block | None) -> bool:
    if following is None or following.language != "text":
        return False
    between = following.before.strip()
    return not between or ("\n" not in between and between.endswith(":") and len(between) < 80)


@pytest.fixture
def example_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    for name in ("refs.bib", "refs.ris", "problems.bib"):
        shutil.copy(DATA / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")  # argparse wraps help to the terminal's width
    yield tmp_path


def _namespace(*, with_records: bool = True) -> dict[str, Any]:
    from citekit.examples import FARR

    namespace: dict[str, Any] = {"__name__": "__docs__", "citekit": citekit}
    namespace.update({name: getattr(citekit, name) for name in citekit.__all__})
    namespace["record"] = FARR
    if not with_records:
        return namespace
    namespace["records"] = citekit.read("refs.bib")
    return namespace


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(CHECKOUT)) for p in PAGES])
def test_examples_run_and_show_their_output(page: Path, example_folder: Path) -> None:
    namespace = _namespace()
    page_blocks = blocks(page)
    shown_output: set[int] = set()
    ran = 0
    for number, block in enumerate(page_blocks):
        following = page_blocks[number + 1] if number + 1 < len(page_blocks) else None
        if block.info.startswith("{code-block}") and "caption" in block.options:
            (example_folder / block.options["caption"]).write_text(block.code, encoding="utf-8")
            continue
        if block.language == "console":
            run_console(block)
            ran += 1
            continue
        if block.language != "python" or block.info.startswith("{"):
            continue
        first_line = block.code.strip().splitlines()[0]
        if (block.page, first_line) in FRAGMENTS:
            continue
        ran += 1
        if ">>>" in block.code:
            test = doctest.DocTestParser().get_doctest(block.code, namespace, block.where(), block.page, block.line)
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
            report = io.StringIO()
            runner.run(test, out=report.write, clear_globs=False)
            assert runner.failures == 0, report.getvalue()
            continue
        try:
            compiled = compile(block.code, block.where(), "exec")
        except SyntaxError:
            assert _is_signature(block.code), (
                f"{block.where()}: a python block that is neither Python nor an API signature: make it run, or "
                "list it in FRAGMENTS with a reason"
            )
            for statement in _statements(block.code):
                check_signature(statement, namespace, block.where())
            continue
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compiled, namespace)
        if _prints_into(following):
            assert following is not None
            shown_output.add(number + 1)
            assert printed.getvalue() == following.code, f"{block.where()}: the output shown is not what it prints"
    if page.name != "README.md" and page.parent == DOCS and page.name in _OWN_PAGES:
        assert ran, f"{page}: no example ran"


_OWN_PAGES = {"quickstart.md", "records.md", "styles.md", "document.md", "cli.md"}


def test_fragments_are_still_there() -> None:
    """A listed fragment that was changed or removed must leave the list, which so stays short and true."""
    present = {(b.page, b.code.strip().splitlines()[0]) for page in PAGES for b in blocks(page) if b.code.strip()}
    assert set(FRAGMENTS) <= present, sorted(set(FRAGMENTS) - present)


def test_the_block_reader() -> None:
    page = DOCS / "quickstart.md"
    found = blocks(page)
    assert found and all(b.page == "docs/quickstart.md" for b in found)
    assert any(b.options.get("caption") == "refs.bib" for b in found)


def test_signatures_are_checked() -> None:
    namespace = _namespace(with_records=False)
    check_signature('format_citation(record, style="apa", *, mode="bibliography") -> str', namespace, "here")
    check_signature("citekit.read(source, format=None, *, strict=False) -> citekit.ReadResult", namespace, "here")
    for wrong, message in [
        ('format_citation(record, style="mla") -> str', "style='apa' in the code"),
        ('format_citation(record, *, style="apa") -> str', "positional or keyword"),
        ("format_citation(record, *, colour=None) -> str", "no argument 'colour'"),
        ('format_citation(style="apa") -> str', "also needs ['record']"),
        ("format_citation(record, *, engine=None, mode='bibliography') -> str", "out of order"),
    ]:
        with pytest.raises(AssertionError, match=re.escape(message)):
            check_signature(wrong, namespace, "here")
