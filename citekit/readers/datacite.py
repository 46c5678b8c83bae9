"""DataCite metadata (DataCite JSON, or a REST API ``{"data": {"attributes": ...}}`` response) to records, offline.

The type comes from ``types.citeproc`` when DataCite gives a CSL type there, else from ``resourceTypeGeneral``.
Creators are authors and contributors of type ``Editor`` editors; name identifiers (ORCID) and affiliations are
dropped.  ``publicationYear`` (or the ``Issued`` date) is ``issued``; ``Accessed`` and ``Available`` dates map to
``accessed`` and ``available-date``.  The main title is the title without a ``titleType``; a ``Subtitle`` joins
it after a colon.  ``container`` (or a ``relatedItem`` with ``relationType`` ``IsPublishedIn``) gives the
container title, volume, issue and pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from citekit.readers._build import Item, Reporter, build, split_title
from citekit.readers.crossref import jats_to_csl
from citekit.readers.csljson import load_json
from citekit.records import Record
from citekit.records.vocabulary import CSL_TYPES

TYPES = {
    "Audiovisual": "motion_picture", "Book": "book", "BookChapter": "chapter", "Collection": "collection",
    "ComputationalNotebook": "software", "ConferencePaper": "paper-conference", "ConferenceProceeding": "book",
    "DataPaper": "article-journal", "Dataset": "dataset", "Dissertation": "thesis", "Event": "event",
    "Image": "graphic", "Instrument": "document", "InteractiveResource": "webpage", "Journal": "periodical",
    "JournalArticle": "article-journal", "Model": "document", "OutputManagementPlan": "document",
    "PeerReview": "review", "PhysicalObject": "document", "Preprint": "article", "Report": "report",
    "Service": "software", "Software": "software", "Sound": "song", "Standard": "standard",
    "StudyRegistration": "document", "Text": "document", "Workflow": "software", "Other": "document",
}  # fmt: skip
"""DataCite ``resourceTypeGeneral`` values to CSL item types."""

HOUSEKEEPING = frozenset(
    "id type relationships doi prefix suffix identifiers alternateIdentifiers rightsList fundingReferences "
    "geoLocations sizes formats schemaVersion providerId clientId agency state isActive created registered "
    "published updated metadataVersion viewCount downloadCount citationCount referenceCount partCount "
    "partOfCount versionCount versionOfCount viewsOverTime downloadsOverTime citationsOverTime "
    "relatedIdentifiers contentUrl xml source reason landingPage subjects".split()
)
"""DataCite fields that are about the registration, rights, funding or usage, not the citation: not reported."""
_MAPPED = frozenset(
    "types creators contributors titles publicationYear dates publisher url descriptions language version "
    "container relatedItems".split()
)


def _people(people: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for person in people if isinstance(people, list) else []:
        if not isinstance(person, Mapping):
            continue
        if person.get("nameType") != "Organizational" and (person.get("familyName") or person.get("givenName")):
            out.append({k: str(person[d]) for k, d in (("family", "familyName"), ("given", "givenName")) if person.get(d)})
        elif person.get("name"):
            name = str(person["name"])
            if person.get("nameType") == "Personal" and "," in name:
                family, _, given = name.partition(",")
                out.append({"family": family.strip(), "given": given.strip()})
            else:
                out.append({"literal": name})
    return out


def _container(attributes: Mapping[str, Any]) -> Mapping[str, Any]:
    container = attributes.get("container")
    if isinstance(container, Mapping) and container:
        return container
    for related in attributes.get("relatedItems") or []:
        if isinstance(related, Mapping) and related.get("relationType") == "IsPublishedIn":
            titles = related.get("titles") or [{}]
            return {
                "title": (titles[0] or {}).get("title"),
                "volume": related.get("volume"),
                "issue": related.get("issue"),
                "firstPage": related.get("firstPage"),
                "lastPage": related.get("lastPage"),
            }
    return {}


def attributes_to_record(attributes: Mapping[str, Any], reporter: Reporter, index: int) -> Record:
    """The record for one DataCite resource (its attributes)."""
    doi = str(attributes.get("doi") or "")
    key = doi or f"#{index + 1}"
    built = Item()
    item, put = built.fields, built.put

    types = attributes.get("types") if isinstance(attributes.get("types"), Mapping) else {}
    assert isinstance(types, Mapping)
    general = str(types.get("resourceTypeGeneral") or "")
    citeproc = types.get("citeproc")
    if isinstance(citeproc, str) and citeproc in CSL_TYPES:
        item["type"] = citeproc
    elif general in TYPES:
        item["type"] = TYPES[general]
    else:
        item["type"] = "document"
        reporter.warn(f"unknown resourceTypeGeneral {general!r}; read as CSL type 'document'", key=key, field="types")
    if item["type"] == "thesis" or item["type"] == "report":
        put("genre", types.get("resourceType"), "types.resourceType")
    item["id"] = doi or None
    titles = [t for t in attributes.get("titles") or [] if isinstance(t, Mapping) and t.get("title")]
    main = next((t["title"] for t in titles if not t.get("titleType")), titles[0]["title"] if titles else None)
    subtitle = next((t["title"] for t in titles if t.get("titleType") == "Subtitle"), None)
    put("title", split_title(jats_to_csl(str(main)) if main else None, jats_to_csl(str(subtitle)) if subtitle else None), "titles")
    put("author", _people(attributes.get("creators")), "creators")
    contributors = [c for c in attributes.get("contributors") or [] if isinstance(c, Mapping)]
    put("editor", _people([c for c in contributors if c.get("contributorType") == "Editor"]), "contributors")
    dates = {str(d.get("dateType")): str(d.get("date")) for d in attributes.get("dates") or [] if isinstance(d, Mapping)}
    put("issued", dates.get("Issued") or (str(attributes["publicationYear"]) if attributes.get("publicationYear") else None), "publicationYear")
    put("accessed", dates.get("Accessed"), "dates")
    put("available-date", dates.get("Available"), "dates")
    publisher = attributes.get("publisher")
    put("publisher", publisher.get("name") if isinstance(publisher, Mapping) else publisher, "publisher")
    put("DOI", doi, "doi")
    put("URL", attributes.get("url"), "url")
    put("language", attributes.get("language"), "language")
    put("version", attributes.get("version"), "version")
    abstract = next(
        (d.get("description") for d in attributes.get("descriptions") or []
         if isinstance(d, Mapping) and d.get("descriptionType") == "Abstract"), None
    )  # fmt: skip
    if isinstance(abstract, str):
        put("abstract", jats_to_csl(abstract), "descriptions")
    container = _container(attributes)
    put("container-title", container.get("title"), "container")
    put("volume", container.get("volume"), "container")
    put("issue", container.get("issue"), "container")
    first, last = container.get("firstPage"), container.get("lastPage")
    put("page", f"{first}-{last}" if first and last else first, "container")
    for field in attributes:
        if field not in _MAPPED and field not in HOUSEKEEPING:
            reporter.warn("citekit has no CSL variable for this DataCite field; not kept", key=key, field=field)
    return build({k: v for k, v in item.items() if v is not None}, reporter, key=key, origins=built.origins)


def resources(data: Any, reporter: Reporter) -> list[Mapping[str, Any]]:
    """The attribute objects of each resource in a DataCite JSON document or REST API response."""
    if isinstance(data, Mapping) and "data" in data:
        data = data["data"]
    found = data if isinstance(data, list) else [data]
    out: list[Mapping[str, Any]] = []
    for resource in found:
        if isinstance(resource, Mapping) and isinstance(resource.get("attributes"), Mapping):
            resource = resource["attributes"]
        if not isinstance(resource, Mapping):
            raise reporter.error("expected DataCite JSON: an object with 'creators', 'titles' and 'types'", line=1)
        out.append(resource)
    return out


def read_datacite(text: str, reporter: Reporter) -> list[Record]:
    """The records of a DataCite JSON document or REST API response."""
    return [attributes_to_record(a, reporter, i) for i, a in enumerate(resources(load_json(text, reporter), reporter))]


__all__ = ["HOUSEKEEPING", "TYPES", "attributes_to_record", "read_datacite"]
