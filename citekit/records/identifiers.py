"""DOIs, ISBNs, ISSNs and URLs: checked, and reduced to one canonical spelling each.

Every function takes the raw value and returns the normalised string, or raises
:class:`~citekit.errors.RecordError` naming ``field`` (record converters pass "" and let the record name it).
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from citekit._lazy_pattern import lazy_pattern
from citekit.errors import RecordError

# Resolver URLs are percent-encoded (a DOI may hold "<", "#", ";"...), "doi:" forms are not.
_DOI_URL = re.compile(r"^(?:https?://)?(?:www\.)?(?:dx\.)?doi\.org/", re.IGNORECASE)
_DOI_LABEL = re.compile(r"^(?:doi:|info:doi/|doi\s+)\s*", re.IGNORECASE)
_DOI = re.compile(r"10\.\d+(?:\.\d+)*/\S+")


def normalise_doi(value: object, field: str = "DOI") -> str:
    """The bare DOI ``10.prefix/suffix`` from a bare DOI, a ``doi:`` label or a doi.org / dx.doi.org URL.

    The suffix keeps its case: DOIs are case-insensitive to the resolver, but the registrant's spelling is what
    styles print.
    """
    if not isinstance(value, str):
        raise RecordError(field, value, "a DOI must be a string")
    text = value.strip()
    if _DOI.fullmatch(text):  # already bare, the commonest form: it starts "10.", so has no resolver or label
        return text
    url = _DOI_URL.match(text)
    if url:
        text = unquote(text[url.end() :])
    else:
        text = _DOI_LABEL.sub("", text, count=1)
    if not _DOI.fullmatch(text):
        raise RecordError(field, value, "not a DOI: a DOI starts with '10.', then the registrant, then '/'")
    return text


_ISBN_LABEL = re.compile(r"^ISBN(?:-1[03])?:?\s*", re.IGNORECASE)
_ISBN_SEPARATORS = re.compile(r"[\s\-\u2010-\u2014]")
# Compiled on first use, as most programs never read an ISBN.
_ISBN_DIGITS = lazy_pattern(r"\d{9}[\dX]|\d{13}")
_ISBN_LIST = lazy_pattern(r"[,;]")


def _isbn_checksum_ok(digits: str) -> bool:
    if len(digits) == 10:
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return total % 11 == 0
    total = sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(digits))
    return total % 10 == 0


def _one_isbn(chunk: str, original: object, field: str) -> str:
    digits = _ISBN_SEPARATORS.sub("", _ISBN_LABEL.sub("", chunk.strip())).upper()
    if _ISBN_DIGITS.fullmatch(digits) is None:
        raise RecordError(field, original, f"{chunk.strip()!r} is not an ISBN: an ISBN has 10 or 13 digits")
    if not _isbn_checksum_ok(digits):
        raise RecordError(field, original, f"{chunk.strip()!r} is not an ISBN: its check digit is wrong")
    return digits


def normalise_isbn(value: object, field: str = "ISBN") -> str:
    """Digits only (a final ISBN-10 check 'X' kept, upper case), checksum verified; 10 stays 10, 13 stays 13.

    Catalogues often put several ISBNs in one field ("978-1-84742-751-9, 978-1-4473-0559-0"): each is checked
    and they are kept, in order, separated by ", ".  Several space-separated ISBNs are read the same way,
    but only when the whole string is not itself one ISBN written with spaces.
    """
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise RecordError(field, value, "an ISBN must be a string")
    text = str(value).strip()
    if not text:
        raise RecordError(field, value, "an ISBN cannot be empty")
    found: list[str] = []
    for chunk in _ISBN_LIST.split(text):
        try:
            found.append(_one_isbn(chunk, value, field))
        except RecordError:
            words = chunk.split()
            if len(words) < 2:
                raise
            found.extend(_one_isbn(word, value, field) for word in words)
    return ", ".join(found)


def _issn_checksum_ok(digits: str) -> bool:
    total = sum((8 - i) * int(c) for i, c in enumerate(digits[:7]))
    check = (11 - total % 11) % 11
    return digits[7] == ("X" if check == 10 else str(check))


def normalise_issn(value: object, field: str = "ISSN") -> str:
    """``NNNN-NNNC`` (the form the ISSN centre prints), checksum verified; several ISSNs are joined by ", "."""
    if not isinstance(value, str):
        raise RecordError(field, value, "an ISSN must be a string")
    found: list[str] = []
    for chunk in re.split(r"\s*[,;]\s*|\s+(?=\S{4}-?\S{4}\b)", value.strip()):
        digits = _ISBN_SEPARATORS.sub("", re.sub(r"^ISSN:?", "", chunk.strip(), flags=re.IGNORECASE)).upper()
        if re.fullmatch(r"\d{7}[\dX]", digits) is None:
            raise RecordError(field, value, f"{chunk.strip()!r} is not an ISSN: an ISSN has 8 digits")
        if not _issn_checksum_ok(digits):
            raise RecordError(field, value, f"{chunk.strip()!r} is not an ISSN: its check digit is wrong")
        found.append(f"{digits[:4]}-{digits[4:]}")
    return ", ".join(found)


_URL = re.compile(r"(?:https?|ftp)://[^\s/?#@]+(?:[/?#]\S*)?", re.IGNORECASE)


def normalise_url(value: object, field: str = "URL") -> str:
    """The URL with surrounding whitespace removed; it must be an absolute http(s) or ftp URL.

    Nothing else is touched (no case folding, no re-encoding): URLs are printed as given, and servers are
    entitled to treat paths case-sensitively.
    """
    if not isinstance(value, str):
        raise RecordError(field, value, "a URL must be a string")
    text = value.strip()
    if not _URL.fullmatch(text):
        raise RecordError(field, value, "not a URL: it must start with http://, https:// or ftp:// and hold no spaces")
    return text
