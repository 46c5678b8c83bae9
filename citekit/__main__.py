"""``python -m citekit``, and the ``citekit`` console script (``citekit.__main__:main``): see :mod:`citekit.cli`."""

from __future__ import annotations

from citekit.cli import build_parser, main

__all__ = ["build_parser", "main"]

if __name__ == "__main__":
    raise SystemExit(main())
