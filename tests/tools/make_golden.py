"""Write the golden files of the output formats: the Farr chapter in each profile and format (tests/golden/).

    .venv/bin/python tests/tools/make_golden.py            # rewrite tests/golden/ from the current code
    .venv/bin/python tests/tools/make_golden.py --review DIR
        # also make what a person looks at: the RTF through LibreOffice and the LaTeX through pdfLaTeX, as PDFs
        # and PNG pages in DIR (needs libreoffice, pdflatex and pdftoppm; each missing tool is skipped)

Each profile gets one file per format, the whole bibliography as :func:`citekit.format_bibliography_document`
lays it out (with links), and ``farr.json`` holds the single strings (entry, citation, citation at page 80) in
every format.  ``casing="as-is"``: these files pin the formats, not the profiles' title casing.
Review a change by eye (``git diff tests/golden``) before committing it: ``tests/test_renderers.py`` compares the
files with what the code makes.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

CHECKOUT = Path(__file__).resolve().parents[2]
GOLDEN = CHECKOUT / "tests" / "golden"
PROFILES = ("apa", "harvard", "chicago", "chicago-author-date")
EXTENSIONS = {"text": "txt", "html": "html", "markdown": "md", "rtf": "rtf", "latex": "tex"}

LATEX_PAGE = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage{hyperref}
\begin{document}
\section*{%s}
%s
\end{document}
"""


def golden_files() -> dict[str, str]:
    """File name (relative to tests/golden) to content, as the current code makes them."""
    sys.path.insert(0, str(CHECKOUT))
    from citekit import format_bibliography_document, format_citation
    from citekit.examples import FARR
    from citekit.renderers import OUTPUT_FORMATS

    files: dict[str, str] = {}
    strings: dict[str, Any] = {}
    for profile in PROFILES:
        strings[profile] = {}
        for output in OUTPUT_FORMATS:
            options: dict[str, Any] = {"output": output, "casing": "as-is"}
            files[f"farr-{profile}.{EXTENSIONS[output]}"] = format_bibliography_document(
                [FARR], profile, links=True, **options
            )
            strings[profile][output] = {
                "bibliography": format_citation(FARR, profile, **options),
                "citation": format_citation(FARR, profile, mode="citation", **options),
                "citation_p80": format_citation(FARR, profile, mode="citation", locator="80", **options),
            }
    files["farr.json"] = json.dumps(strings, ensure_ascii=False, indent=1) + "\n"
    return files


def review(directory: Path) -> None:
    """PDFs and PNGs of the RTF and LaTeX golden files, to look at."""
    directory.mkdir(parents=True, exist_ok=True)
    office, latex, pages = shutil.which("libreoffice"), shutil.which("pdflatex"), shutil.which("pdftoppm")
    for profile in PROFILES:
        if office:
            with tempfile.TemporaryDirectory() as profile_dir:
                subprocess.run(
                    [office, f"-env:UserInstallation=file://{profile_dir}", "--headless", "--convert-to", "pdf",
                     "--outdir", str(directory), str(GOLDEN / f"farr-{profile}.rtf")],
                    check=True, capture_output=True, timeout=180,
                )  # fmt: skip
        if latex:
            body = (GOLDEN / f"farr-{profile}.tex").read_text(encoding="utf-8")
            source = directory / f"farr-{profile}-tex.tex"
            source.write_text(LATEX_PAGE % (profile, body), encoding="utf-8")
            subprocess.run(
                [latex, "-interaction=nonstopmode", "-halt-on-error", source.name],
                cwd=directory, check=True, capture_output=True, timeout=180,
            )  # fmt: skip
        if pages:
            for pdf in directory.glob(f"farr-{profile}*.pdf"):
                subprocess.run([pages, "-png", "-r", "80", "-f", "1", "-l", "1", str(pdf), str(pdf.with_suffix(""))])
    print(f"review files in {directory}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--review", type=Path, metavar="DIR", help="also render RTF and LaTeX to PDF/PNG in DIR")
    args = parser.parse_args(argv)
    GOLDEN.mkdir(exist_ok=True)
    for name, content in golden_files().items():
        (GOLDEN / name).write_text(content, encoding="utf-8", newline="")
    print(f"wrote {GOLDEN}")
    if args.review:
        review(args.review)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
