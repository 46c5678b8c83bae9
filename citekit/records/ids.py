"""Default item ids: ``farr2011collaboration`` from the first name, the year and the first word of the title.

The scheme is Better BibTeX's familiar ``[auth][year][shorttitle1]``, which readers recognise and which is
stable: the same metadata always gives the same id.  Parts are folded to ASCII letters and digits so the id
is safe in a URL fragment, a file name or LaTeX.  When neither a name nor a title word survives the folding
(an item with a CJK author and title, say), a short hash of the title and names keeps ids of different
items apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from citekit.records.dates import Date
from citekit.records.names import Person

# Letters NFKD does not decompose into an ASCII base letter.
_FOLD = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)
_STOPWORDS = frozenset(
    "a an the and of on in at to for from by with about into "
    "le la les l un une des du de el los las lo il der die das den ein eine".split()
)
_MARKUP = re.compile(r"<[^>]*>")


def fold(text: str) -> str:
    """Lower-case ASCII letters and digits of ``text``: "Jørgensen" -> "jorgensen", "曹" -> ""."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    return re.sub(r"[^a-z0-9]", "", decomposed)


def _name_key(person: Person) -> str:
    if person.literal is not None:
        return fold(person.literal)
    return fold((person.non_dropping_particle or "") + (person.family or person.given or ""))


def _title_word(title: str) -> str:
    for word in re.split(r"[\s\-–—:;,./]+", _MARKUP.sub("", title)):
        key = fold(word)
        if key and word.lower() not in _STOPWORDS:
            return key
    return ""


def _year_key(issued: Date | None) -> str:
    if issued is None or issued.year is None:
        return "nd"
    return str(issued.year) if issued.year > 0 else f"{-issued.year}bc"


def derive_id(names: Sequence[Person], issued: Date | None, title: str | None) -> str:
    """The default id of an item whose first creator is ``names[0]`` (if any)."""
    name = _name_key(names[0]) if names else ""
    word = _title_word(title or "")
    key = name + _year_key(issued) + word
    if not name and not word:
        import hashlib  # only here: it loads OpenSSL, which no other part of a cold start needs

        seed = repr((title, [(p.family, p.given, p.literal) for p in names]))
        key = "item" + key + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:8]
    return key
