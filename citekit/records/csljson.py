"""Records to and from CSL-JSON items, the form every CSL processor (and citekit's engines) read.

A record field is the CSL variable of the same name with "-" for "_" (``container_title`` is
``container-title``), except for the spellings in ``_CSL_NAMES``.  Any other variable of an item goes to
the record's ``extra`` and comes back out unchanged, so ``to_csl(from_csl(item))`` equals ``item`` up to
normalisation: DOIs bare, ISBNs as digits, ISSNs as ``NNNN-NNNC``, page ranges with "-", names and dates as
in :mod:`.names` and :mod:`.dates` (false flags omitted, date-part strings as numbers, ``raw`` parsed into
date-parts), numeric ids as strings, blank strings dropped.

Two facts a publisher gives have no CSL variable, and are kept under citekit's own keys:

``"citekit:isbn-electronic"``
    The e-book ISBN.  CSL has one ``ISBN`` variable, which holds the print ISBN because that is the one the
    styles that print an ISBN ask for.  Putting both in ``ISBN`` would make those styles print both, and
    putting the e-ISBN in ``note`` would print it in the styles that render notes (and citeproc-js reads
    "key: value" lines of ``note`` as variables), so neither is lossless.
``"citekit:word-count"``
    The publisher's word count, as an int.

Processors ignore keys that are not CSL variables (citeproc-py warns about them), so these keys never change
how an item is formatted.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from citekit.errors import RecordError
from citekit.records._naming import build, join_path
from citekit.records._variables import check_extra, csl_variable, table_of, to_csl, variables
from citekit.records.base import Record
from citekit.records.kinds import record_class

__all__ = ["check_extra", "csl_variable", "from_csl", "record_class", "to_csl", "variables"]


_SHAPES: dict[str, tuple[type[Any] | tuple[type[Any], ...], str]] = {
    "names": (list, "a CSL name variable is a list of name objects"),
    # dict named first only to pass JSON's mappings without the slower ABC check
    "date": ((dict, Mapping, str), "a CSL date variable is a date object"),
    "keywords": (str, "CSL's keyword variable is one string"),
}


def _csl_path(cls: type[Record], path: str) -> str:
    """A record field path re-spelled with CSL names: "container_title" -> "container-title"."""
    cut = min((i for i in (path.find("."), path.find("[")) if i >= 0), default=len(path))
    head, tail = path[:cut], path[cut:].lstrip(".")
    if head == "extra":
        return tail or head
    if head in {name for name, _, _ in variables(cls)}:
        return join_path(csl_variable(head), tail)
    return path


def from_csl(item: Mapping[str, Any]) -> Record:
    """The record for one CSL-JSON item; the class follows the item's ``type``.

    Errors name the CSL variable (``container-title``, ``author[0].family``), since that is what the caller
    wrote.
    """
    if type(item) is not dict and not isinstance(item, Mapping):  # the exact type first skips the ABC check
        raise RecordError("item", item, "a CSL-JSON item is a JSON object")
    if "type" not in item:
        raise RecordError("type", None, "a CSL-JSON item needs a type")
    csl_type = item["type"]
    if not isinstance(csl_type, str):
        raise RecordError("type", csl_type, "the type must be a string such as 'chapter'")
    cls = record_class(csl_type)
    by_variable = table_of(cls).by_variable
    fields: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in item.items():
        field = by_variable.get(key)  # never "id" or "type": they are not CSL variables
        if field is not None:
            name, kind = field
            shape = _SHAPES.get(kind)
            if shape is not None and not isinstance(value, shape[0]):
                raise RecordError(key, value, shape[1])
            fields[name] = value
        elif key == "id":
            fields["id"] = value
        elif key != "type":
            extra[key] = value
    if cls.TYPE_IS_FIELD:
        fields["type"] = csl_type
    fields["extra"] = extra
    try:
        return build(cls, fields)
    except RecordError as error:
        raise RecordError(_csl_path(cls, error.field), error.value, error.reason) from None
