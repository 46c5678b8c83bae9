"""citekit._resources: data files beside a package, on disk or in a zipped install."""

from __future__ import annotations

import importlib
import sys
import zipfile
from pathlib import Path

import pytest

import citekit
from citekit._resources import resource


def test_a_package_on_disk_gives_a_plain_path() -> None:
    found = resource("citekit.casing", "lexicon.txt")
    assert isinstance(found, Path)
    assert found == Path(citekit.__file__).parent / "casing" / "lexicon.txt"
    assert found.is_file()


def test_a_zipped_package_is_read_through_importlib_resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "zipped.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("zipped_citekit_data/__init__.py", "")
        z.writestr("zipped_citekit_data/table.txt", "from the zip\n")
    monkeypatch.syspath_prepend(str(archive))
    monkeypatch.delitem(sys.modules, "zipped_citekit_data", raising=False)
    importlib.import_module("zipped_citekit_data")
    found = resource("zipped_citekit_data", "table.txt")
    assert not isinstance(found, Path)
    assert found.read_text(encoding="utf-8") == "from the zip\n"
    assert not resource("zipped_citekit_data", "missing.txt").is_file()
