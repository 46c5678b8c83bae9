"""Specialising a style for the variables an item has (citekit.csl.presence) and compiling it
(citekit.csl.compile): the cases where deciding things ahead of evaluation could change what renders.

Group suppression counts the variables a group calls; an element pruned for an absent variable must still count.
Each expected string is what evaluating the element tree gives by CSL 1.0.2's group rules (checked against
citeproc-js with the runner in ../shared/tools/oracle)."""

from __future__ import annotations

import pytest

from citekit.csl import Cite, Cluster, Processor
from citekit.csl import model as m
from citekit.csl.items import item_from_csl
from citekit.csl.presence import PrunedMacros, prune
from citekit.csl.styles_cache import style_from_text


def style(macros: str, layout: str) -> str:
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
      <info><id>t</id><title>t</title><updated>2024-01-01T00:00:00+00:00</updated></info>
      {macros}
      <citation><layout>{layout}</layout></citation></style>"""


def cite(csl: str, item: dict[str, object]) -> str:
    data = {"id": "x", "type": "book", **item}
    return Processor(csl, "en-US").citations([data], [Cluster([Cite("x")])], output="text")[0]


GROUPS = style(
    """<macro name="edition"><group delimiter=" "><text variable="edition"/><text term="edition"/></group></macro>
       <macro name="only-absent"><text variable="volume"/><text variable="issue"/></macro>""",
    """<group delimiter=", ">
         <text variable="title"/>
         <group delimiter=" "><text term="in"/><text variable="container-title"/></group>
         <text macro="edition"/>
         <group delimiter=" "><text value="vol."/><text macro="only-absent"/></group>
         <group><text value="[static]"/></group>
       </group>""",
)


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ({"title": "T"}, "T, [static]"),
        ({"title": "T", "container-title": "C"}, "T, in C, [static]"),
        ({"title": "T", "edition": "2"}, "T, 2 edition, [static]"),
        ({"title": "T", "volume": "4"}, "T, vol. 4, [static]"),
        ({}, "[static]"),
    ],
)
def test_groups_calling_only_absent_variables_vanish_with_their_terms(item: dict[str, object], expected: str) -> None:
    assert cite(GROUPS, item) == expected


def test_an_absent_group_still_counts_for_the_group_around_it() -> None:
    # The outer group calls one variable, inside a nested group that is pruned: it must still be suppressed,
    # term and all; with the variable it prints.
    nested = '<group delimiter=" "><text term="in"/><group><text variable="container-title"/></group></group>'
    csl = style("", f'<text value="["/>{nested}<text value="]"/>')
    assert cite(csl, {"title": "T"}) == "[]"
    assert cite(csl, {"title": "T", "container-title": "C"}) == "[in C]"


def test_a_printing_nested_group_keeps_the_outer_group() -> None:
    # A nested group that prints counts as content, even when the outer group's own variables are absent.
    csl = style("", '<group delimiter=" "><text variable="volume"/><group><text value="[Online]"/></group></group>')
    assert cite(csl, {"title": "T"}) == "[Online]"


def test_conditions_on_presence_are_decided_per_set_of_variables() -> None:
    csl = style(
        "",
        """<choose>
             <if variable="DOI"><text variable="DOI" prefix="doi:"/></if>
             <else-if variable="URL page" match="all">
               <text variable="URL"/><text variable="page" prefix=" p. "/>
             </else-if>
             <else-if is-numeric="volume"><text value="numeric volume"/></else-if>
             <else><text value="none"/></else>
           </choose>""",
    )
    assert cite(csl, {"DOI": "10.1/x"}) == "doi:10.1/x"
    assert cite(csl, {"URL": "http://x.org", "page": "3"}) == "http://x.org p. 3"
    assert cite(csl, {"URL": "http://x.org"}) == "none"
    # is-numeric depends on the value, not only on presence: decided when the item is evaluated.
    assert cite(csl, {"volume": "4"}) == "numeric volume"
    assert cite(csl, {"volume": "four"}) == "none"


def test_items_of_one_type_with_different_variables_in_one_document() -> None:
    # The compiled forms are cached per set of variables: each item gets the form for its own.
    processor = Processor(GROUPS, "en-US")
    items = [
        {"id": "a", "type": "book", "title": "A", "container-title": "C"},
        {"id": "b", "type": "book", "title": "B"},
        {"id": "c", "type": "book", "title": "C", "volume": "2"},
    ]
    clusters = [Cluster([Cite(str(i["id"]))]) for i in items] * 2
    expected = ["A, in C, [static]", "B, [static]", "C, vol. 2, [static]"]
    assert processor.citations(items, clusters, output="text") == expected * 2


def test_pruning_replaces_absent_only_elements_by_their_count() -> None:
    parsed = style_from_text(GROUPS)
    item = item_from_csl({"id": "x", "type": "book", "title": "T"})
    macros = PrunedMacros(parsed.citation_macros, item.present)
    (group,) = prune(parsed.citation.layout.children, item.present, macros)
    assert isinstance(group, m.Group)
    kinds = [type(child).__name__ for child in group.children]
    # title stays; "in" + container-title, the edition macro and "vol." + the absent macro become counts.
    assert kinds == ["Text", "Absent", "Absent", "Absent", "Group"]
    assert [child.called for child in group.children if isinstance(child, m.Absent)] == [1, 1, 2]
