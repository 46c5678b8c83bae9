"""Headline-style capitalisation as the Chicago Manual of Style sets it (CMOS 8.159-8.161).

- Capitalise the first and last words of the title and of each subtitle (after ":", an em dash, "?" or "!"),
  whatever they are.
- Lowercase articles (a, an, the), the coordinating conjunctions and, but, for, or, nor, the words "to" and "as",
  and prepositions whatever their length (:data:`citekit.casing.words.MINOR_WORDS`).
- Capitalise every other word: nouns, pronouns, verbs ("Is", "Be"), adjectives, adverbs, subordinating
  conjunctions ("If", "That", "Because"), and "so" and "yet".
- Hyphenated compounds: the first element is capitalised; later ones too, unless they are minor words
  ("Out-of-Fashion") or follow a prefix that cannot stand alone ("Anti-intellectual", "Multi-level"), where they
  keep a capital only if they are a proper noun ("Pre-Columbian", with the lexicon's names).
- Never changed: protected text (nocase, italics inside a title, small caps, super- and subscripts), acronyms and
  all-caps words ("DNA"), mixed case ("iPhone", "McDonald"), words with digits, names of the lexicon, a capital
  letter that names something ("Vitamin A"), a lowercase name particle before a name ("van Gogh"), and a
  capitalised word after a full stop inside a title.  An all-caps title is left as it is.

CMOS lowercases a preposition only as a preposition ("Look Up" has an adverb); citekit cannot tell the two uses
apart and lowercases it: protect such a word (``<span class="nocase">Up</span>``) where it matters.
"""

from __future__ import annotations

from citekit.casing.analysis import Title
from citekit.casing.words import MINOR_WORDS, PREFIXES, Form, Role, form_of

__all__ = ["PARTICLES", "title_case", "title_case_title"]

#: Lowercase particles of personal names, left lowercase before a capitalised word ("Vincent van Gogh").
PARTICLES = frozenset("al bin da das de del della den der des di do dos du el ibn la le ten ter van von y zu".split())


def title_case(text: str) -> str:
    """``text`` (CSL rich text) in CMOS headline style.

    >>> title_case("Collaboration in public services: can service users and staff participate together?")
    'Collaboration in Public Services: Can Service Users and Staff Participate Together?'
    >>> title_case("The iPhone and the rise of DNA testing")
    'The iPhone and the Rise of DNA Testing'
    """
    return title_case_title(Title(text)).result()


def title_case_title(title: Title) -> Title:
    """Apply CMOS headline style to ``title`` in place, and return it."""
    if title.all_caps or title.foreign:
        return title
    # The last word of the title and of each title part (before ":", "?", a dash...).
    part_ends = [role in _NEW_PART_ROLES for role in title.roles[1:]] + [True]
    for index, (parts, role, in_name) in enumerate(zip(title.parts, title.roles, title.in_name)):
        if in_name:
            continue
        if role is _AFTER_PERIOD and form_of(parts[0]) is not _LOWER:
            continue  # a new sentence or an abbreviation: its capital stays
        edge = role in _EDGE_ROLES or part_ends[index]
        prefixed = len(parts) > 1 and parts[0].lower() in PREFIXES
        for k in range(len(parts)):
            _case_part(title, index, parts, k, edge, k > 0 and prefixed)
    return title


# The roles of the first word of a title part, and of the title or a title part (tuples: Enum members compare by
# identity, and an Enum's hash is a Python call).
_NEW_PART_ROLES = (Role.SUBTITLE, Role.SENTENCE)
_EDGE_ROLES = (Role.FIRST, Role.SUBTITLE, Role.SENTENCE)
# The members the per-word code compares with, as plain names: in Python 3.11 an Enum member look-up is a Python
# call, paid for every word.
_AFTER_PERIOD = Role.AFTER_PERIOD
_LOWER, _CAPITALIZED, _CAPITAL_LETTER = Form.LOWER, Form.CAPITALIZED, Form.CAPITAL_LETTER


def _case_part(title: Title, index: int, parts: tuple[str, ...], k: int, edge: bool, after_prefix: bool) -> None:
    """Case part ``k`` of the word ``index``, whose parts are ``parts``."""
    part = parts[k]
    form = form_of(part)
    if form not in _CASEABLE or title.is_protected(index, k):
        return
    part = part.lower()
    compound = len(parts) > 1
    if form is _CAPITAL_LETTER:
        # "A" mid-title is the article unless it names something; other capital letters ("I", "B") stay.
        if part == "a" and not edge and not (compound and k == 0) and not title.is_letter_a(index, k):
            title.lower(index, k)
        return
    if after_prefix:
        if form is _CAPITALIZED and not title.is_name_part(parts[k]):
            title.lower(index, k)
        return
    last_part = k == len(parts) - 1
    if k == 0 and (edge or compound):
        pass  # first/last word of a part, and the first element of a compound: capitalised
    elif k > 0 and edge and last_part and title.is_part_end(index):
        pass  # "Up-to-Date" at the end of a title
    elif part in MINOR_WORDS:
        title.lower(index, k)
        return
    elif form is _LOWER and part in PARTICLES and _name_follows(title, index):
        return
    if form is _LOWER:  # (unprotected, as checked above); a part already capitalised needs nothing
        title.upper_first(index, k)


#: The forms headline case may change; the others (acronyms, mixed case, numbers, uncased scripts) stay as given.
_CASEABLE = (Form.LOWER, Form.CAPITALIZED, Form.CAPITAL_LETTER)


def _name_follows(title: Title, index: int) -> bool:
    if index + 1 >= len(title.tokens):
        return False
    return form_of(title.parts[index + 1][0]) in (Form.CAPITALIZED, Form.MIXED)
