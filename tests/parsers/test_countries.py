"""The gazetteer: every UN state by its names, never a look-alike, in any form text takes."""
from __future__ import annotations

import pycountry
import pytest

from parsers.countries import country_code, country_name, find_countries, is_un_member, un_states


def codes(text: str) -> list[str]:
    return [m.code for m in find_countries(text)]


def test_the_gazetteer_holds_the_193_members_and_2_observer_states():
    states = un_states()
    assert len(states) == 195
    assert sum(is_un_member(code) for code in states) == 193
    assert isinstance(states, tuple) and list(states) == sorted(set(states))
    assert {"VAT", "PSE"} <= set(states) and not is_un_member("VAT") and not is_un_member("PSE")
    assert all(pycountry.countries.get(alpha_3=code) is not None for code in states)


def test_every_state_has_a_display_name_and_its_iso_names_resolve_back_to_it():
    for code in un_states():
        assert country_name(code)
        country = pycountry.countries.get(alpha_3=code)
        assert country_code(country.name) == code, country.name
        for other in ("official_name", "common_name"):
            if hasattr(country, other):
                assert country_code(getattr(country, other)) == code, getattr(country, other)
        assert country_code(country_name(code)) == code


@pytest.mark.parametrize(("name", "code"), [
    ("United Kingdom of Great Britain and Northern Ireland", "GBR"), ("United Kingdom", "GBR"), ("UK", "GBR"),
    ("Britain", "GBR"), ("United States of America", "USA"), ("United States", "USA"), ("U.S.", "USA"),
    ("Türkiye", "TUR"), ("Turkey", "TUR"), ("Turkiye", "TUR"), ("Czechia", "CZE"), ("Czech Republic", "CZE"),
    ("Eswatini", "SWZ"), ("Kingdom of Eswatini", "SWZ"), ("Swaziland", "SWZ"), ("Republic of Moldova", "MDA"),
    ("Moldova", "MDA"), ("Marshall Islands", "MHL"), ("Republic of the Marshall Islands", "MHL"),
    ("Kingdom of the Netherlands", "NLD"), ("the Netherlands", "NLD"),
    ("Democratic People's Republic of Korea", "PRK"), ("DPRK", "PRK"), ("North Korea", "PRK"),
    ("Korea", "KOR"), ("Republic of Korea", "KOR"), ("South Korea", "KOR"),
    ("Lao People's Democratic Republic", "LAO"), ("Lao PDR", "LAO"), ("Laos", "LAO"),
    ("Congo", "COG"), ("Republic of the Congo", "COG"), ("Democratic Republic of the Congo", "COD"),
    ("Democratic Republic of Congo", "COD"), ("DR Congo", "COD"), ("Congo-Kinshasa", "COD"),
    ("Côte d'Ivoire", "CIV"), ("Côte d’Ivoire", "CIV"), ("Cote d'Ivoire", "CIV"), ("Ivory Coast", "CIV"),
    ("Federated States of Micronesia", "FSM"), ("Micronesia (Federated States of)", "FSM"),
    ("State of Palestine", "PSE"), ("Holy See", "VAT"), ("Russian Federation", "RUS"), ("Russia", "RUS"),
    ("Syrian Arab Republic", "SYR"), ("Iran (Islamic Republic of)", "IRN"), ("Iran", "IRN"),
    ("Bolivia (Plurinational State of)", "BOL"), ("Venezuela (Bolivarian Republic of)", "VEN"),
    ("Bolivarian Republic of Venezuela", "VEN"), ("United Republic of Tanzania", "TZA"),
    ("United Arab Emirates", "ARE"), ("UAE", "ARE"), ("the Gambia", "GMB"), ("Cabo Verde", "CPV"),
    ("Cape Verde", "CPV"), ("Timor-Leste", "TLS"), ("North Macedonia", "MKD"), ("Viet Nam", "VNM"),
    ("São Tomé and Príncipe", "STP"), ("Saint Kitts and Nevis", "KNA"), ("TUR", "TUR"), ("tr", "TUR"),
])
def test_each_variant_resolves_to_its_code(name, code):
    assert country_code(name) == code


@pytest.mark.parametrize(("text", "expected"), [
    ("Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea", ["GIN", "GNB", "GNQ", "PNG"]),
    ("Niger and Nigeria", ["NER", "NGA"]),
    ("Dominica is not the Dominican Republic", ["DMA", "DOM"]),
    ("Sudan and South Sudan", ["SDN", "SSD"]),
    ("the Congo and the Democratic Republic of the Congo", ["COG", "COD"]),
    ("Japan, Korea, the United States and the Democratic People's Republic of Korea", ["JPN", "KOR", "USA", "PRK"]),
    ("the United Kingdom of Great Britain and Northern Ireland and Ireland", ["GBR", "IRL"]),
])
def test_look_alike_names_are_never_confused(text, expected):
    assert codes(text) == expected


def test_guinea_bissau_is_never_read_as_guinea_even_across_a_line_break():
    assert codes("Gui-\nnea-Bissau and Guinea-\nBissau") == ["GNB", "GNB"]


def test_words_hyphenated_across_lines_and_names_split_over_lines_are_found():
    assert codes("Bangla-\ndesh, Switzer-\n  land, United\n   Kingdom, Papua New\nGuinea") == ["BGD", "CHE", "GBR", "PNG"]


def test_invisible_characters_inside_a_name_are_ignored_and_offsets_stay_true():
    text = "backed by Ban\u00adgla\u200bdesh and\u00a0Sri\u00a0Lanka"
    found = find_countries(text)
    assert [m.code for m in found] == ["BGD", "LKA"]
    assert all(text[m.start:m.end] == m.text for m in found)


def test_any_case_matches_but_common_words_need_a_capital():
    assert codes("UNITED KINGDOM and united kingdom and TURKEY") == ["GBR", "GBR", "TUR"]
    assert codes("a turkey, a chad, a guinea pig, fine china, told us") == []


def test_demonyms_and_capitals_are_marked_as_such():
    found = find_countries("The British ambassador and Washington")
    assert [(m.code, m.kind) for m in found] == [("GBR", "demonym"), ("USA", "capital")]


@pytest.mark.parametrize("text", ["Taiwan", "Hong Kong", "Tibet", "Xinjiang", "Kosovo", "European Union",
                                  "American Samoa", "Northern Ireland", "New Guinea", "the Indian Ocean"])
def test_places_that_are_not_states_are_never_states(text):
    assert codes(text) == []


def test_a_long_page_is_read_in_linear_time():
    import time

    paragraph = "The representative of Nigeria said that his country supported the resolution. "
    page = paragraph * 2500  # ~200 KB
    started = time.perf_counter()
    assert len(find_countries(page * 10)) == 25000
    assert time.perf_counter() - started < 5  # generous: a guard against quadratic behaviour, not a benchmark
