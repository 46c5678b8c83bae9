"""CSL 1.0.2's item types and the variables whose shape CSL fixes (names, dates).

citekit checks unknown CSL-JSON variables against these so that a name or date kept in a record's ``extra``
is still validated and normalised like a typed field, and rejects item types CSL does not have (a typo in
``type`` would otherwise silently format as a generic document).
"""

from __future__ import annotations

CSL_TYPES = frozenset(
    {
        "article",
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "bill",
        "book",
        "broadcast",
        "chapter",
        "classic",
        "collection",
        "dataset",
        "document",
        "entry",
        "entry-dictionary",
        "entry-encyclopedia",
        "event",
        "figure",
        "graphic",
        "hearing",
        "interview",
        "legal_case",
        "legislation",
        "manuscript",
        "map",
        "motion_picture",
        "musical_score",
        "pamphlet",
        "paper-conference",
        "patent",
        "performance",
        "periodical",
        "personal_communication",
        "post",
        "post-weblog",
        "regulation",
        "report",
        "review",
        "review-book",
        "software",
        "song",
        "speech",
        "standard",
        "thesis",
        "treaty",
        "webpage",
    }
)

NAME_VARIABLES = frozenset(
    {
        "author",
        "chair",
        "collection-editor",
        "compiler",
        "composer",
        "container-author",
        "contributor",
        "curator",
        "director",
        "editor",
        "editor-translator",
        "editorial-director",
        "executive-producer",
        "guest",
        "host",
        "illustrator",
        "interviewer",
        "narrator",
        "organizer",
        "original-author",
        "performer",
        "producer",
        "recipient",
        "reviewed-author",
        "script-writer",
        "series-creator",
        "translator",
    }
)

DATE_VARIABLES = frozenset({"accessed", "available-date", "event-date", "issued", "original-date", "submitted"})

# CSL-JSON keys that are not variables: the item's identity and kind.
ITEM_KEYS = frozenset({"id", "type"})

# Variables CSL has no name for, in citekit's own namespace so no processor mistakes them for CSL ones.
CITEKIT_PREFIX = "citekit:"
