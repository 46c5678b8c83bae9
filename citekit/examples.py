"""Worked example records: the Farr (2011) chapter that citekit's expected outputs are written against.

``FARR_SEED`` is exactly the metadata on the publisher's page for the chapter (and nothing else: no abstract
or keywords are invented); ``FARR`` adds what the book itself gives, its editors and place of publication.
The expected formatted strings are in the shared ``farr/expected.json``.
"""

from __future__ import annotations

import attrs

from citekit.records import BookChapter

FARR_SEED: BookChapter = BookChapter(
    id="farr2011",
    author=["Farr, Michelle"],
    # As printed: lower case after the colon.  Styles apply their own casing; the record keeps the source's.
    title="Collaboration in public services: can service users and staff participate together?",
    container_title="Critical Perspectives on User Involvement",
    publisher="Policy Press",
    issued="November 2011",  # print publication
    available_date="May 2012",  # online publication
    isbn="9781847427519",  # print
    isbn_electronic="9781447305590",
    # Given on the publisher's page as a resolver URL; stored as the bare DOI.
    doi="http://dx.doi.org/10.1332/policypress/9781847427519.003.0008",
    word_count=3820,
)

FARR: BookChapter = attrs.evolve(
    FARR_SEED,
    editor=["Barnes, Marian", "Cotterell, Phil"],
    publisher_place="Bristol",
)

__all__ = ["FARR", "FARR_SEED"]
