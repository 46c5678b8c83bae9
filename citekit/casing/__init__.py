"""Title casing by the manuals' rules: sentence case (APA, Cite Them Right) and headline case (Chicago).

CSL cannot put a title into sentence case safely, so CSL styles print titles as stored; citekit recases them
before the style renders them, by the rules of the style's profile (the ``[casing]`` table of ``styles/*.toml``).

>>> from citekit.casing import sentence_case, title_case
>>> sentence_case("Critical Perspectives on User Involvement")
'Critical perspectives on user involvement'
>>> title_case("the rise of COVID-19 testing in the United Kingdom")
'The Rise of COVID-19 Testing in the United Kingdom'

Both work on CSL rich text and keep its markup: ``<i>``, ``<b>``, ``<sup>``, ``<sub>``, ``<sc>`` and
``<span class="nocase">`` (protected: its text keeps its case).  ``docs/casing.md`` has the rules and their limits.
"""

from __future__ import annotations

from citekit.casing.lexicon import Lexicon, load_lexicon
from citekit.casing.sentence import SentenceCase, sentence_case, to_sentence_case
from citekit.casing.title import title_case

__all__ = ["Lexicon", "SentenceCase", "load_lexicon", "sentence_case", "title_case", "to_sentence_case"]
