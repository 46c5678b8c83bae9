"""subsequent-author-substitute: in a bibliography, an entry whose names repeat the previous entry's shows
the substitute ("———") instead, per the rule (complete-all, complete-each, partial-each, partial-first)."""

from __future__ import annotations

from citekit.csl.tree import Node, Span, Str, find_roles, plain_text


class AuthorSubstitution:
    """Applied to each entry in bibliography order; remembers only the previous entry's names, so entries can be
    finished (and freed) one at a time."""

    def __init__(self, substitute: str, rule: str) -> None:
        self.substitute = substitute
        self.rule = rule
        self.previous: list[str] | None = None

    def __call__(self, entry: Node) -> None:
        element = next(find_roles(entry, "names-element"), None)
        if element is None:
            self.previous = None
            return
        # Names compare one by one; an element that printed a substitute (a title, a container) as a whole.
        names = [plain_text(n) for n in find_roles(element, "name")] or [plain_text(element)]
        if self.previous is not None and names:
            _apply(element, names, self.previous, self.substitute, self.rule)
        self.previous = names


def _apply(element: Span, names: list[str], previous: list[str], substitute: str, rule: str) -> None:
    name_spans = list(find_roles(element, "name"))
    if rule in ("complete-all", "complete-each"):
        if names != previous:
            return
        lists = list(find_roles(element, "names"))
        if rule == "complete-all" and len(lists) == 1:
            # The names give way to the substitute; a role label ("ed.") stays, as in citeproc-js.
            lists[0].children = [Str(substitute)] if substitute else []
        elif rule == "complete-all" or not name_spans:
            element.children = [Str(substitute)] if substitute else []
        else:
            for span in name_spans:
                span.children = [Str(substitute)]
        return
    matching = 0
    while matching < min(len(names), len(previous)) and names[matching] == previous[matching]:
        matching += 1
    if rule == "partial-first":
        matching = min(matching, 1)
    if not name_spans and matching:
        element.children = [Str(substitute)]
    for span in name_spans[:matching]:
        span.children = [Str(substitute)]


