"""citekit.csl.disk_cache: parsed styles and merged locales kept on disk between processes.

Hit, miss, damaged entries and the switch: the cache may only ever save work, never change a result or raise.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import citekit
from citekit.csl import disk_cache, styles_cache
from citekit.csl.locale import Locale
from citekit.csl.model import PLAIN, Style
from citekit.examples import FARR
from citekit.styles import resolve_style

APA = resolve_style("apa")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The disk cache on, in a folder of its own, and the in-memory caches empty before and after."""
    folder = tmp_path / "cache"
    monkeypatch.delenv(disk_cache.ENV_OFF, raising=False)
    monkeypatch.setenv(disk_cache.ENV_DIR, str(folder))
    styles_cache.clear_caches()
    yield folder
    styles_cache.clear_caches()


def entries(folder: Path, kind: str) -> list[Path]:
    return sorted(folder.glob(f"{kind}-*.pickle"))


def fresh_process(code: str, cache: Path) -> list[str]:
    """The lines ``code`` prints in a new interpreter using the disk cache in ``cache``."""
    env = {k: v for k, v in os.environ.items() if k != disk_cache.ENV_OFF}
    env[disk_cache.ENV_DIR] = str(cache)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    return run.stdout.splitlines()


def load_apa() -> tuple[Style, Locale]:
    style = styles_cache.style_from_path(APA.path)
    return style, styles_cache.locale_for(style, "en-US")


def test_a_miss_parses_and_stores_then_a_fresh_start_reads_it(cache: Path, parses: list[str]) -> None:
    first_style, first_locale = load_apa()
    assert parses == ["apa.csl"]
    assert len(entries(cache, "style")) == 1 and len(entries(cache, "locale")) == 1
    assert oct(cache.stat().st_mode & 0o777) == oct(0o700)

    styles_cache.clear_caches()  # as a new process: nothing in memory
    style, locale = load_apa()
    assert parses == ["apa.csl"]  # not parsed again
    assert style is not first_style
    assert locale == first_locale
    assert style.citation_macros.keys() == first_style.citation_macros.keys()
    assert style.bibliography == first_style.bibliography


def _plain_uses(obj: object, seen: set[int] | None = None) -> tuple[int, int]:
    """How many times the style holds PLAIN itself, and how many an equal copy of it."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return 0, 0
    seen.add(id(obj))
    if obj is PLAIN:
        return 1, 0
    if obj == PLAIN:
        return 0, 1
    children: list[object] = []
    if attrs.has(type(obj)):
        children = [getattr(obj, f.name) for f in attrs.fields(type(obj))]
    elif isinstance(obj, (tuple, list)):
        children = list(obj)
    elif isinstance(obj, dict):
        children = list(obj.values())
    shared = copies = 0
    for child in children:
        a, b = _plain_uses(child, seen)
        shared, copies = shared + a, copies + b
    return shared, copies


def test_the_shared_plain_formatting_stays_shared(cache: Path) -> None:
    # citekit.csl.formatting tests `fmt is PLAIN`: a style read back must hold PLAIN where the parsed one did.
    parsed, _ = load_apa()
    styles_cache.clear_caches()
    read_back, _ = load_apa()
    assert read_back is not parsed
    assert _plain_uses(read_back) == _plain_uses(parsed)
    assert _plain_uses(parsed)[0] > 0


def test_a_fresh_process_with_a_warm_cache_formats_the_same_without_lxml(cache: Path) -> None:
    code = (
        "import sys, citekit, citekit.examples;"
        " print(citekit.format_citation(citekit.examples.FARR, 'apa'));"
        " print('lxml' in sys.modules, 'citekit.csl.parse' in sys.modules)"
    )
    cold, warm = (fresh_process(code, cache) for _ in range(2))
    assert cold[0] == warm[0] == citekit.format_citation(FARR, "apa")
    assert cold[1] == "True True"  # the first process parsed apa.csl
    assert warm[1] == "False False"  # the second read it: no XML parsing at all


def test_another_style_text_or_other_code_is_a_miss(cache: Path, parses: list[str], monkeypatch: Any) -> None:
    text = APA.path.read_text(encoding="utf-8")
    styles_cache.style_from_text(text, "mine.csl")
    styles_cache.clear_caches()
    styles_cache.style_from_text(text.replace("APA Style 7th edition", "APA, edited"), "mine.csl")
    assert parses == ["mine.csl", "mine.csl"]

    styles_cache.clear_caches()
    monkeypatch.setattr(disk_cache, "_code_digest", lambda: b"other code")
    styles_cache.style_from_text(text, "mine.csl")
    assert parses == ["mine.csl"] * 3


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not a pickle at all",
        pickle.dumps(("citekit-disk-cache 0", "x", None)),  # another format
        pickle.dumps([1, 2, 3]),  # not the triple
        pickle.dumps(("citekit-disk-cache 1", "style-other", None)),  # another entry's key
        b"\x80\x05cos\nsystem\n.",  # truncated, and naming a global
    ],
)
def test_a_damaged_entry_is_parsed_again_and_replaced(cache: Path, parses: list[str], damage: bytes) -> None:
    expected = citekit.format_citation(FARR, "apa")
    (path,) = entries(cache, "style")
    path.write_bytes(damage)
    styles_cache.clear_caches()
    assert citekit.format_citation(FARR, "apa") == expected
    assert parses == ["apa.csl", "apa.csl"]
    assert disk_cache.load(path.stem, Style) is not None  # a sound entry again


def test_an_entry_holding_the_wrong_kind_of_object_is_ignored(cache: Path) -> None:
    _, locale = load_apa()
    (style_path,) = entries(cache, "style")
    style_path.write_bytes(pickle.dumps((disk_cache._FORMAT, style_path.stem, locale)))
    assert disk_cache.load(style_path.stem, Style) is None
    assert not style_path.exists()  # removed, to be written again


def test_turned_off_nothing_is_read_or_written(cache: Path, parses: list[str], monkeypatch: Any) -> None:
    load_apa()
    styles_cache.clear_caches()
    monkeypatch.setenv(disk_cache.ENV_OFF, "1")
    assert disk_cache.cache_dir() is None
    load_apa()
    assert parses == ["apa.csl", "apa.csl"]
    for stale in cache.iterdir():
        stale.unlink()
    styles_cache.clear_caches()
    load_apa()
    assert list(cache.iterdir()) == []


def test_an_unusable_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parses: list[str]) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    monkeypatch.delenv(disk_cache.ENV_OFF, raising=False)
    monkeypatch.setenv(disk_cache.ENV_DIR, str(not_a_folder / "cache"))
    styles_cache.clear_caches()
    try:
        assert citekit.format_citation(FARR, "apa").startswith("Farr, M. (2011).")
    finally:
        styles_cache.clear_caches()
    assert parses == ["apa.csl"]


def test_a_folder_of_another_user_is_not_read(cache: Path, parses: list[str], monkeypatch: Any) -> None:
    load_apa()
    styles_cache.clear_caches()
    monkeypatch.setattr(os, "getuid", lambda: cache.stat().st_uid + 1, raising=False)
    load_apa()
    assert parses == ["apa.csl", "apa.csl"]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_folder_others_may_write_to_is_not_used(cache: Path, parses: list[str]) -> None:
    load_apa()
    styles_cache.clear_caches()
    cache.chmod(0o777)
    load_apa()
    assert parses == ["apa.csl", "apa.csl"]
    assert disk_cache.cache_dir() == cache and disk_cache._usable_dir() is None


def test_the_oldest_entries_go_beyond_the_limit(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(disk_cache, "MAX_ENTRIES", 2)
    for n in range(3):
        disk_cache.store(f"test-{n}", n)
        os.utime(cache / f"test-{n}.pickle", ns=(n * 10**9, n * 10**9))
    disk_cache.store("test-3", 3)
    assert sorted(p.name for p in cache.iterdir()) == ["test-2.pickle", "test-3.pickle"]
    assert disk_cache.load("test-3", int) == 3


def test_where_the_cache_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(disk_cache.ENV_OFF, raising=False)
    monkeypatch.delenv(disk_cache.ENV_DIR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert disk_cache.cache_dir() == tmp_path / "citekit"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")  # the XDG spec: a relative path is invalid
    if sys.platform != "win32":
        assert disk_cache.cache_dir() == Path.home() / ".cache" / "citekit"
    monkeypatch.setenv(disk_cache.ENV_DIR, str(tmp_path / "mine"))
    assert disk_cache.cache_dir() == tmp_path / "mine"
    for off, expected in (("0", tmp_path / "mine"), ("1", None), ("yes", None)):
        monkeypatch.setenv(disk_cache.ENV_OFF, off)
        assert disk_cache.cache_dir() == expected, off


def test_objects_read_back_equal_whichever_way_they_are_stored(cache: Path) -> None:
    # Model objects are stored as their __init__ arguments; names and dates (classes with converters) and the shared
    # PLAIN the usual way.
    _, locale = load_apa()
    for n, value in enumerate([FARR.editor, locale, [PLAIN, PLAIN], {"terms": locale.terms, "issued": FARR.issued}]):
        disk_cache.store(f"test-{n}", value)
        assert disk_cache.load(f"test-{n}", type(value)) == value
    assert disk_cache.load("test-2", list)[0] is PLAIN  # type: ignore[index]


def test_profiles_read_back_equal_and_a_warm_process_needs_no_toml_parser(cache: Path) -> None:
    from citekit.styles import profiles

    profiles.load_profiles.cache_clear()
    try:
        parsed = dict(profiles.load_profiles())
        assert entries(cache, "profiles")
        profiles.load_profiles.cache_clear()
        assert dict(profiles.load_profiles()) == parsed
    finally:
        profiles.load_profiles.cache_clear()
    code = (
        "import sys, citekit, citekit.examples;"
        " print(citekit.format_citation(citekit.examples.FARR, 'apa'));"
        " print('tomllib' in sys.modules or 'tomli' in sys.modules)"
    )
    assert fresh_process(code, cache) == [citekit.format_citation(FARR, "apa"), "False"]


def test_a_profiles_entry_of_the_wrong_kind_is_parsed_again(cache: Path) -> None:
    from citekit.styles import profiles

    profiles.load_profiles.cache_clear()
    try:
        parsed = dict(profiles.load_profiles())
        (entry,) = entries(cache, "profiles")
        # A sound entry by every check the cache makes, holding a dict of something else.
        entry.write_bytes(pickle.dumps((disk_cache._FORMAT, entry.stem, {"apa": "not a profile"})))
        assert disk_cache.load(entry.stem, dict) == {"apa": "not a profile"}
        profiles.load_profiles.cache_clear()
        assert dict(profiles.load_profiles()) == parsed
    finally:
        profiles.load_profiles.cache_clear()
