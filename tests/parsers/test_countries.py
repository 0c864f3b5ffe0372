"""The gazetteer: every UN state by its names, never a look-alike, in any form text takes."""
from __future__ import annotations

import re
import time
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

from parsers import countries
from parsers.countries import CountryMention, country_code, country_name, find_countries, is_un_member, un_states

CORPUS_README = Path(__file__).parents[1] / "data" / "corpus" / "README.md"


def codes(text: str) -> list[str]:
    return [m.code for m in find_countries(text)]


def spans(text: str) -> list[tuple[str, str]]:
    return [(m.code, m.text) for m in find_countries(text)]


def data_variants() -> list[countries._Variant]:
    """Every variant in parsers/data/countries.tsv, with its folded words."""
    found = []

    def walk(node: countries._Node) -> None:
        found.extend(node.variants)
        for child in node.children.values():
            walk(child)

    walk(countries._gazetteer().trie)
    return found


# -- the list of states ------------------------------------------------------------------------


def test_the_gazetteer_holds_the_193_members_and_2_observer_states_sorted():
    states = un_states()
    assert isinstance(states, tuple) and list(states) == sorted(set(states))
    assert len(states) == 195
    assert sum(is_un_member(code) for code in states) == 193
    assert {"VAT", "PSE"} <= set(states) and not is_un_member("VAT") and not is_un_member("PSE")


def test_every_state_code_is_a_real_iso_alpha_3_code():
    assert all(pycountry.countries.get(alpha_3=code) is not None for code in un_states())


def test_places_that_are_not_un_states_are_not_members():
    assert not any(is_un_member(code) for code in ("TWN", "HKG", "XKX", "PRI", "ASM", "GRL", "ESH", "xxx"))


def test_the_state_list_still_unions_and_subtracts_like_a_set_for_callers_that_do():
    assert un_states() | frozenset({"TWN"}) == frozenset(un_states()) | {"TWN"}
    assert {"TWN"} | un_states() == frozenset(un_states()) | {"TWN"}
    assert len(un_states() - {"CHN"}) == 194 and "CHN" in un_states()


# -- the data file -----------------------------------------------------------------------------


def test_no_variant_names_two_different_places():
    places: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for variant in data_variants():
        places[countries._words(variant.surface)].add(variant.code)
    assert {words: found for words, found in places.items() if len(found) > 1} == {}


def test_every_variant_in_the_data_is_found_whole_in_text():
    for variant in data_variants():
        expected = [] if variant.code == "-" else [variant.code]
        found = find_countries(variant.surface)
        assert [m.code for m in found] == expected, variant
        assert not found or variant.surface.endswith(found[0].text), variant


def test_case_marks_sit_on_single_words_and_abbreviations_only():
    """"^" is for a name that is also an English word; it would be meaningless on a phrase."""
    for variant in data_variants():
        if variant.case == "^" and variant.kind == "name":
            assert len(countries._words(variant.surface)) == 1, variant


# -- country_name ------------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "name"), [
    ("GBR", "United Kingdom"), ("USA", "United States"), ("TUR", "Türkiye"), ("CIV", "Côte d'Ivoire"),
    ("KOR", "Republic of Korea"), ("PRK", "Democratic People's Republic of Korea"), ("RUS", "Russia"),
    ("IRN", "Iran"), ("SYR", "Syria"), ("BOL", "Bolivia"), ("VEN", "Venezuela"), ("TZA", "Tanzania"),
    ("MDA", "Moldova"), ("LAO", "Laos"), ("VNM", "Vietnam"), ("BRN", "Brunei"), ("CZE", "Czechia"),
    ("COG", "Congo"), ("COD", "Democratic Republic of the Congo"), ("NLD", "Netherlands"),
    ("FSM", "Micronesia"), ("VAT", "Holy See"), ("PSE", "State of Palestine"), ("SWZ", "Eswatini"),
    ("CPV", "Cabo Verde"), ("MKD", "North Macedonia"), ("STP", "São Tomé and Príncipe"), ("gbr", "United Kingdom"),
])
def test_display_names_follow_the_un_short_form_people_read(code, name):
    assert country_name(code) == name


@pytest.mark.parametrize("code", ["TWN", "HKG", "XXX", "", "EU"])
def test_a_code_that_is_not_a_un_state_has_no_display_name(code):
    with pytest.raises(KeyError):
        country_name(code)


def test_every_display_name_reads_back_to_its_code_in_text_and_alone():
    for code in un_states():
        name = country_name(code)
        assert country_code(name) == code
        assert spans(name) == [(code, name)]


# -- country_code ------------------------------------------------------------------------------


VARIANTS = [
    # the states the brief names, in the forms text uses
    ("Türkiye", "TUR"), ("Turkey", "TUR"), ("Turkiye", "TUR"), ("turkiye", "TUR"), ("turkey", "TUR"),
    ("Côte d'Ivoire", "CIV"), ("Côte d’Ivoire", "CIV"), ("Cote d'Ivoire", "CIV"), ("Ivory Coast", "CIV"),
    ("Czechia", "CZE"), ("Czech Republic", "CZE"),
    ("DPRK", "PRK"), ("North Korea", "PRK"), ("Democratic People's Republic of Korea", "PRK"),
    ("Democratic People’s Republic of Korea", "PRK"),
    ("Republic of Korea", "KOR"), ("South Korea", "KOR"), ("ROK", "KOR"), ("Korea", "KOR"),
    ("Lao PDR", "LAO"), ("Laos", "LAO"), ("Lao People's Democratic Republic", "LAO"),
    ("Iran (Islamic Republic of)", "IRN"), ("Islamic Republic of Iran", "IRN"), ("Iran", "IRN"),
    ("Micronesia (Federated States of)", "FSM"), ("Federated States of Micronesia", "FSM"), ("Micronesia", "FSM"),
    ("the Gambia", "GMB"), ("The Gambia", "GMB"), ("Gambia", "GMB"),
    ("Cabo Verde", "CPV"), ("Cape Verde", "CPV"), ("Timor-Leste", "TLS"), ("Timor Leste", "TLS"), ("East Timor", "TLS"),
    ("Eswatini", "SWZ"), ("Swaziland", "SWZ"), ("Kingdom of Eswatini", "SWZ"),
    ("North Macedonia", "MKD"), ("Macedonia", "MKD"), ("the former Yugoslav Republic of Macedonia", "MKD"),
    ("the Kingdom of the Netherlands", "NLD"), ("Netherlands", "NLD"), ("the Netherlands", "NLD"),
    ("Holland", "NLD"), ("Netherlands (Kingdom of the)", "NLD"),
    ("Bolivarian Republic of Venezuela", "VEN"), ("Venezuela (Bolivarian Republic of)", "VEN"),
    ("Republic of Moldova", "MDA"), ("the Republic of Moldova", "MDA"), ("Moldova", "MDA"),
    ("Bolivia (Plurinational State of)", "BOL"), ("Plurinational State of Bolivia", "BOL"),
    ("United Republic of Tanzania", "TZA"), ("Tanzania", "TZA"),
    ("UK", "GBR"), ("U.K.", "GBR"), ("Britain", "GBR"), ("Great Britain", "GBR"), ("United Kingdom", "GBR"),
    ("United Kingdom of Great Britain and Northern Ireland", "GBR"), ("UNITED KINGDOM", "GBR"),
    ("US", "USA"), ("U.S.", "USA"), ("USA", "USA"), ("U.S.A.", "USA"), ("United States of America", "USA"),
    ("the United States", "USA"), ("United States", "USA"), ("America", "USA"),
    ("UAE", "ARE"), ("United Arab Emirates", "ARE"), ("Russian Federation", "RUS"), ("Russia", "RUS"),
    ("Syrian Arab Republic", "SYR"), ("Syria", "SYR"), ("Viet Nam", "VNM"), ("Vietnam", "VNM"),
    ("Brunei Darussalam", "BRN"), ("Brunei", "BRN"), ("Myanmar", "MMR"), ("Burma", "MMR"),
    ("Congo", "COG"), ("Republic of the Congo", "COG"), ("Congo-Brazzaville", "COG"), ("Congo (Brazzaville)", "COG"),
    ("Democratic Republic of the Congo", "COD"), ("Democratic Republic of Congo", "COD"), ("DR Congo", "COD"),
    ("DRC", "COD"), ("Congo-Kinshasa", "COD"), ("Congo (Kinshasa)", "COD"),
    ("Holy See", "VAT"), ("Vatican", "VAT"), ("Holy See (Vatican City State)", "VAT"),
    ("State of Palestine", "PSE"), ("Palestine", "PSE"),
    ("Saint Kitts and Nevis", "KNA"), ("St Kitts", "KNA"), ("St. Kitts", "KNA"), ("St. Kitts and Nevis", "KNA"),
    ("Saint Vincent and the Grenadines", "VCT"), ("St Vincent and the Grenadines", "VCT"), ("St. Vincent", "VCT"),
    ("Saint Lucia", "LCA"), ("St. Lucia", "LCA"),
    ("São Tomé and Príncipe", "STP"), ("Sao Tome and Principe", "STP"), ("Sao Tome", "STP"),
    ("Bosnia and Herzegovina", "BIH"), ("Bosnia-Herzegovina", "BIH"), ("Bosnia & Herzegovina", "BIH"),
    ("Antigua and Barbuda", "ATG"), ("Antigua & Barbuda", "ATG"),
    ("Trinidad and Tobago", "TTO"), ("Trinidad & Tobago", "TTO"),
    ("Marshall Islands", "MHL"), ("Republic of the Marshall Islands", "MHL"), ("Republic of Marshall Islands", "MHL"),
    ("Guinea-Bissau", "GNB"), ("Guinea Bissau", "GNB"), ("Equatorial Guinea", "GNQ"), ("Papua New Guinea", "PNG"),
    ("Kyrgyz Republic", "KGZ"), ("Slovak Republic", "SVK"), ("People's Republic of China", "CHN"), ("PRC", "CHN"),
    ("Kingdom of Saudi Arabia", "SAU"), ("Swiss Confederation", "CHE"), ("Hellenic Republic", "GRC"),
    # codes, any case
    ("TUR", "TUR"), ("tur", "TUR"), ("TR", "TUR"), ("tr", "TUR"), ("GB", "GBR"), ("us", "USA"), ("VA", "VAT"),
    # ISO's inverted list style
    ("Korea, Republic of", "KOR"), ("Korea, Democratic People's Republic of", "PRK"),
    ("Congo, The Democratic Republic of the", "COD"), ("Gambia, The", "GMB"), ("Bahamas, The", "BHS"),
    ("Moldova, Republic of", "MDA"), ("Macedonia, the former Yugoslav Republic of", "MKD"),
    # demonyms and capitals, when nothing else matches
    ("British", "GBR"), ("Washington", "USA"), ("Chinese", "CHN"), ("Dutch", "NLD"), ("Moscow", "RUS"),
    # layout noise
    ("  United\n Kingdom ", "GBR"), ("Bangla\u00addesh", "BGD"), ("Viet\u00a0Nam", "VNM"),
]


@pytest.mark.parametrize(("name", "code"), VARIANTS)
def test_each_variant_resolves_to_its_code(name, code):
    assert country_code(name) == code


@pytest.mark.parametrize(("name", "code"), [(n, c) for n, c in VARIANTS if len(n) > 3 and "," not in n and not n.islower()])
def test_each_variant_is_found_whole_in_a_sentence(name, code):
    text = f"The statement was signed by {name.strip()} yesterday."
    found = find_countries(text)
    assert [m.code for m in found] == [code]
    assert found[0].text in name and len(found[0].text) >= len(name.strip().removeprefix("the ").removeprefix("The ")) - 1


@pytest.mark.parametrize("name", ["Taiwan", "Hong Kong", "Macao", "Tibet", "Xinjiang", "Kosovo", "European Union",
                                  "Greenland", "Puerto Rico", "American Samoa", "Northern Ireland", "Uyghur",
                                  "Geneva", "New York", "TWN", "ZZ", "", "Atlantis"])
def test_places_that_cannot_sign_at_the_un_have_no_code(name):
    assert country_code(name) is None


def test_every_iso_name_of_a_un_state_resolves_to_it():
    for code in un_states():
        country = pycountry.countries.get(alpha_3=code)
        for attribute in ("name", "official_name", "common_name"):
            if (name := getattr(country, attribute, None)) is not None:
                assert country_code(name) == code, name


def corpus_table() -> list[tuple[str, str]]:
    """(written as, code) pairs from the corpus README's "Country names in the corpus" table."""
    readme = CORPUS_README.read_text(encoding="utf-8")
    table = readme.split("### Country names in the corpus and their codes", 1)[1].split("\n\n")[1]
    pairs = []
    for row in table.splitlines()[2:]:
        written, code = (cell.strip() for cell in row.strip("|").split("|"))
        written = re.sub(r"\s*\((?:=|in )[^)]*\)", "", written)  # "(in doc 023)", "(= Republic of the Congo...)"
        if " / " in code:
            pairs += zip(written.split(" / "), code.split(" / "), strict=True)
            continue
        for name in written.split(", "):
            for form in {name.replace("(the) ", "the "), name.replace("(the) ", "")}:
                pairs.append((form.strip(), code))
    return pairs


def test_the_corpus_table_is_read():
    assert len(corpus_table()) > 50 and ("Congo", "COG") in corpus_table()


@pytest.mark.parametrize(("name", "code"), corpus_table())
def test_every_name_in_the_corpus_table_resolves_and_is_found(name, code):
    assert country_code(name) == code
    assert codes(name) == [code]


# -- find_countries: look-alikes ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea", ["GIN", "GNB", "GNQ", "PNG"]),
    ("Niger and Nigeria, Nigerien and Nigerian", ["NER", "NGA", "NER", "NGA"]),
    ("Dominica is not the Dominican Republic", ["DMA", "DOM"]),
    ("Sudan and South Sudan", ["SDN", "SSD"]),
    ("the Congo and the Democratic Republic of the Congo", ["COG", "COD"]),
    ("Japan, Korea, the United States and the Democratic People's Republic of Korea", ["JPN", "KOR", "USA", "PRK"]),
    ("the Republic of Korea and the Democratic People's Republic of Korea", ["KOR", "PRK"]),
    ("Samoa, but not American Samoa", ["WSM"]),
    ("the United Kingdom of Great Britain and Northern Ireland and Ireland", ["GBR", "IRL"]),
    ("Georgia and Jordan", ["GEO", "JOR"]),
    ("the Gulf of Guinea off New Guinea", []),
    ("the Indian Ocean", []),
    ("Latin America, South America and the Organization of American States", []),
    ("Korea\nDemocratic People's Republic of Korea", ["KOR", "PRK"]),
    ("Korea\nRepublic of Moldova", ["KOR", "MDA"]),
])
def test_look_alike_names_are_never_confused(text, expected):
    assert codes(text) == expected


def test_guinea_bissau_is_never_read_as_guinea_even_across_a_line_break():
    assert codes("Gui-\nnea-Bissau and Guinea-\nBissau and Guinea\u2011Bissau") == ["GNB", "GNB", "GNB"]


def test_korea_inside_the_dprk_name_is_not_the_republic_of_korea():
    assert spans("the Democratic People's Republic of Korea") == [("PRK", "Democratic People's Republic of Korea")]


def test_ireland_inside_the_uk_long_name_is_not_ireland():
    assert codes("United Kingdom of Great Britain and\nNorthern Ireland") == ["GBR"]


def test_a_brackets_closing_and_an_abbreviations_last_full_stop_belong_to_the_name():
    assert spans("Iran (Islamic Republic of) and the U.S.") == [("IRN", "Iran (Islamic Republic of)"), ("USA", "U.S.")]


def test_a_full_stop_after_a_full_word_ends_the_name():
    assert spans("Korea. Republic of Moldova") == [("KOR", "Korea"), ("MDA", "Republic of Moldova")]


def test_a_leading_the_is_optional_and_left_out_of_the_span():
    assert spans("the Gambia, The Philippines, the Netherlands") == [
        ("GMB", "Gambia"), ("PHL", "Philippines"), ("NLD", "Netherlands")]


# -- find_countries: layout --------------------------------------------------------------------


def test_words_hyphenated_across_lines_and_names_split_over_lines_are_found():
    text = "Bangla-\ndesh, Switzer-\n  land, United\n   Kingdom, Papua New\n  Guinea, Timor-\nLeste"
    assert codes(text) == ["BGD", "CHE", "GBR", "PNG", "TLS"]


def test_a_blank_line_separates_two_names():
    assert codes("United\n\nKingdom") == []


@pytest.mark.parametrize("text", [
    "Ban\u00adgla\u00addesh", "Bangla\u00ad\ndesh", "Bangla\u200bdesh", "Bangla\u200cdesh", "Bangla\u200ddesh",
    "\ufeffBangladesh", "Bangladesh\u2060",
])
def test_invisible_characters_inside_a_name_are_ignored(text):
    found = find_countries(f"backed by {text}.")
    assert [m.code for m in found] == ["BGD"] and found[0].text.strip("\ufeff\u2060") == found[0].text


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\n", "\r\n", "\t", "  \n   ", "\u200b "])
def test_any_space_between_the_words_of_a_name_will_do(space):
    assert codes(f"Sri{space}Lanka and United{space}Kingdom") == ["LKA", "GBR"]


def test_offsets_point_into_the_text_given_whatever_was_removed():
    text = "\ufeffSigned: Ban\u00adgla\u200bdesh,\u00a0Sri\u202fLanka, Switzer-\nland and the U.S.A.\u200b"
    found = find_countries(text)
    assert [m.code for m in found] == ["BGD", "LKA", "CHE", "USA"]
    assert all(isinstance(m, CountryMention) and text[m.start:m.end] == m.text for m in found)
    assert [m.text for m in found] == ["Ban\u00adgla\u200bdesh", "Sri\u202fLanka", "Switzer-\nland", "U.S.A."]


# -- find_countries: case ----------------------------------------------------------------------


def test_any_case_matches_and_all_capitals_headings_too():
    assert codes("SEVENTY-FOURTH SESSION ... UNITED KINGDOM, TURKEY and united kingdom") == ["GBR", "TUR", "GBR"]


@pytest.mark.parametrize("text", ["a roast turkey", "a hanging chad", "the river jordan", "a guinea pig",
                                  "fine china", "chile con carne", "morocco leather", "tell us", "gov.uk"])
def test_names_that_are_common_words_need_their_capital(text):
    assert codes(text) == []


def test_abbreviations_match_only_in_their_own_capitals():
    assert codes("the US, the UK, the UAE, us, uk, uae") == ["USA", "GBR", "ARE"]


# -- find_countries: demonyms, capitals, non-states --------------------------------------------


@pytest.mark.parametrize(("text", "code"), [
    ("the British statement", "GBR"), ("British ambassador", "GBR"), ("Canadian ambassador Bob Rae", "CAN"),
    ("the Pakistani envoy", "PAK"), ("the Belarusian delegation", "BLR"), ("a Cuban text", "CUB"),
    ("the Dutch", "NLD"), ("German-led", "DEU"), ("French", "FRA"), ("Chinese spokesman", "CHN"),
    ("North Korean", "PRK"), ("South Sudanese", "SSD"), ("Ivorian", "CIV"), ("Nigerien", "NER"),
])
def test_demonyms_are_found_as_demonyms(text, code):
    assert [(m.code, m.kind) for m in find_countries(text)] == [(code, "demonym")]


@pytest.mark.parametrize(("text", "code"), [
    ("Washington", "USA"), ("Beijing", "CHN"), ("London", "GBR"), ("Moscow", "RUS"), ("Ottawa", "CAN"),
    ("Paris", "FRA"), ("Berlin", "DEU"), ("Tokyo", "JPN"), ("Canberra", "AUS"), ("Islamabad", "PAK"),
    ("Minsk", "BLR"), ("Havana", "CUB"), ("Mexico City", "MEX"),
])
def test_capitals_are_found_as_capitals(text, code):
    assert [(m.code, m.kind) for m in find_countries(f"officials in {text} said")] == [(code, "capital")]


@pytest.mark.parametrize("text", [
    "Taiwan", "Hong Kong", "Macao", "Macau", "Tibet", "Xinjiang", "Kosovo", "European Union", "African Union",
    "American Samoa", "Northern Ireland", "New Guinea", "the Indian Ocean", "Greenland", "Puerto Rico",
    "Uighur", "Uyghur", "Geneva", "New York", "Chinese Taipei", "Western Sahara", "the Washington Post",
    "British Columbia", "Latin American", "US$5 million", "the Paris Principles", "the Rome Statute",
    "the Republic of China (Taiwan)", "Voice of America", "The Hague", "William Hague",
])
def test_places_and_things_that_are_not_states_are_never_states(text):
    assert codes(text) == []


# -- find_countries: cost ----------------------------------------------------------------------


def test_nothing_in_nothing_out():
    assert find_countries("") == [] and find_countries("\u00ad\u200b") == []


def test_a_long_page_is_read_in_linear_time():
    paragraph = "The representative of Nigeria said that his country, like the United\nStates, supported it. "
    page = paragraph * 2200  # ~200 KB
    started = time.perf_counter()
    assert len(find_countries(page * 10)) == 44000
    # A guard against quadratic behaviour on a shared machine, not the benchmark (~0.25 s for 2 MB).
    assert time.perf_counter() - started < 3
