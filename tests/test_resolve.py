"""Name keys, brand spellings, acronyms, title matching and the index look-ups (no model needed)."""

from __future__ import annotations

import pytest
import spacy

from factwire.resolve import Entity, EntityIndex, Mention
from factwire.resolve.grouping import core_words
from factwire.resolve.names import acronym_letters, looks_like_brand, name_key, strip_possessive
from factwire.resolve.titles import title_after, title_before


def test_name_key_ignores_case_the_and_possessive():
    assert name_key("The Daily Planet's") == name_key("daily planet")
    assert strip_possessive("Acme Widgets\u2019s") == "Acme Widgets"


def test_brand_spellings_are_not_person_names():
    assert looks_like_brand("GreenLeaf")
    assert looks_like_brand("Shop.com")
    assert looks_like_brand("B&Q")
    assert not looks_like_brand("McAllister")
    assert not looks_like_brand("DeLuca")
    assert not looks_like_brand("Harriet")


def test_acronym_letters_and_company_core():
    assert acronym_letters("F.T.C.") == "FTC"
    assert acronym_letters("B&Q") == "BQ"
    assert acronym_letters("Reuters") is None
    assert core_words("Northwind Traders Inc.") == ["northwind", "traders"]
    assert core_words("Fabrikam.com") == ["fabrikam"]


def test_title_before_a_name_with_modifiers_and_qualifiers():
    doc = spacy.blank("en")("Rivera met former Deputy Chief of Staff Lena Ortiz today.")
    t = title_before(doc, 7)
    assert t is not None and t.title == "Deputy Chief of Staff" and t.text.startswith("former")
    assert t.capitalized


def test_title_after_normalizes_chief_executive():
    doc = spacy.blank("en")("Lena Ortiz, the longtime chief executive of Northwind, left.")
    t = title_after(doc, 4)
    assert t is not None and t.title == "CEO" and t.text == "longtime chief executive"
    assert title_after(doc, 0) is None


def _index() -> EntityIndex:
    a = Entity("E1", "Northwind Traders Inc.", "ORG", ["Northwind", "the retailer"],
               [Mention("E1", "Northwind Traders Inc.", 0, 22, "name"),
                Mention("E1", "the retailer", 40, 52, "description")])
    b = Entity("E2", "Lena Ortiz", "PERSON", ["Ortiz"], [Mention("E2", "Lena Ortiz", 60, 70, "name")])
    c = Entity("E3", "Federal Trade Commission", "ORG", [], [Mention("E3", "Federal Trade Commission", 80, 104,
                                                                      "name")])
    return EntityIndex([a, b, c])


def test_lookup_by_alias_description_title_surname_and_acronym():
    idx = _index()
    assert idx.lookup("The Retailer").entity_id == "E1"
    assert idx.lookup("Northwind's").entity_id == "E1"
    assert idx.lookup("CEO Lena Ortiz").entity_id == "E2"
    assert idx.lookup("Lena").entity_id == "E2"
    assert idx.lookup("FTC").entity_id == "E3"
    assert idx.lookup("Globex") is None


def test_at_prefers_the_name_over_a_description_around_it():
    d = Entity("E1", "Acme", "ORG", [], [Mention("E1", "Acme", 4, 8, "name")])
    p = Entity("E2", "Jo Park", "PERSON", ["the Acme founder"],
               [Mention("E2", "the Acme founder", 0, 16, "description")])
    idx = EntityIndex([d, p])
    assert idx.at(4, 8).entity_id == "E1"
    assert idx.at(9, 16).entity_id == "E2"


def _drafts(doc, *spans):
    from factwire.resolve.spans import Draft

    return [Draft(a, b, label) for a, b, label in spans]


def test_coordinated_names_in_one_span_are_split_when_the_text_names_them_alone():
    from factwire.resolve.coordination import split_conjoined

    doc = spacy.blank("en")("Twitter and Facebook fell . Twitter rose .")
    parts = split_conjoined(doc, _drafts(doc, (0, 3, "ORG"), (5, 6, "ORG")))
    assert [doc[d.ts:d.te].text for d in parts] == ["Twitter", "Facebook", "Twitter"]
    doc = spacy.blank("en")("Shares of Google , Apple and Amazon fell .")
    parts = split_conjoined(doc, _drafts(doc, (2, 3, "ORG"), (4, 7, "ORG")))
    assert [doc[d.ts:d.te].text for d in parts] == ["Google", "Apple", "Amazon"]


def test_and_inside_a_name_is_kept():
    from factwire.resolve.coordination import split_conjoined

    for text in ("Procter and Gamble raised prices .", "the Securities and Exchange Commission met .",
                 "the Bank of Tarn and Velle met ."):
        doc = spacy.blank("en")(text)
        start = 1 if text.startswith("the") else 0
        end = next(i for i, t in enumerate(doc) if t.is_lower and i > start + 2 or t.text == ".")
        parts = split_conjoined(doc, _drafts(doc, (start, end, "ORG")))
        assert len(parts) == 1, text


@pytest.mark.parametrize("name", ["Tarnow Savings and Credit Ltd", "Velden Rehabilitation and Nursing Center",
                                  "Australian Charities and Not-for-profits Commission",
                                  "Indian Jute and Bio-fibre Manufacturers Association"])
def test_words_joined_by_and_before_one_head_noun_are_one_name(nlp, name):
    # whatever spans the model tags on either side of the "and", the organization's head noun closes one name
    from factwire.extract.entities import extract_entities

    doc = nlp(f"Officials said the {name} had collapsed last week after months of losses.")
    assert [e.name for e in extract_entities(doc).entities if e.type != "DATE"] == [name]


@pytest.mark.parametrize("name", ["Andean Office for the Coordination of Humanitarian Affairs",
                                  "Department of the Treasury"])
def test_a_bodys_head_with_its_remit_after_for_the_or_of_the_is_one_name(nlp, name):
    from factwire.extract.entities import extract_entities

    doc = nlp(f"The {name} said on Monday that 40,000 people had been displaced.")
    assert [e.name for e in extract_entities(doc).entities] == [name]


def test_a_person_an_acronym_or_a_known_name_before_and_is_a_name_of_its_own(nlp):
    from factwire.extract.entities import extract_entities

    doc = nlp("The lawsuit names Harlan Pettigrew and Midlands Correctional Health Partners LLC. SBI and ICICI Bank "
              "said they would appeal. The United Nations and European Union stressed the decision.")
    names = {e.name for e in extract_entities(doc).entities}
    assert {"Harlan Pettigrew", "Midlands Correctional Health Partners LLC", "SBI", "ICICI Bank", "United Nations",
            "European Union"} <= names, names


def test_country_names_from_the_gazetteer():
    from factwire.resolve.lexicon import country_name

    assert country_name("U.S.") == country_name("USA") == country_name("America") == "United States"
    assert country_name("the U.K.") == country_name("Great Britain") == "United Kingdom"
    assert country_name("EU") == "European Union" and country_name("U.N.") == "United Nations"
    assert country_name("Ohio") is None and country_name("Bank of America") is None
    # a country's other official or former English names ("Türkiye" since 2022, "Burma", "Czech Republic")
    assert country_name("Türkiye") == country_name("Turkiye") == "Turkey"
    assert country_name("Burma") == "Myanmar" and country_name("the Czech Republic") == "Czechia"


def test_a_country_named_by_its_other_official_name_is_a_place(nlp):
    from factwire.extract.entities import extract_entities

    index = extract_entities(nlp("Türkiye imported 6.8 million tonnes of coil in 2024. Türkiye will raise duties."))
    assert [(e.name, e.type) for e in index.entities] == [("Türkiye", "GPE")]


def test_first_level_regions_of_every_country_from_iso_3166_2():
    from factwire.resolve.gazetteer import is_admin_region, is_known_place

    # provinces and states as news writes them: ISO 3166-2's "Yunnan Sheng" is "Yunnan"
    assert all(is_admin_region(n) for n in ("Ontario", "Zabul", "Zābul", "Yunnan", "Punjab", "Scotland", "Idlib"))
    assert is_known_place("Helmand") and not is_known_place("Acme")
    # not municipalities, districts or councils, whose names are towns', people's and companies'
    assert not is_admin_region("Cher") and not is_admin_region("Nissan")


def test_plural_place_nouns(nlp):
    from factwire.extract.entities import extract_entities
    from factwire.resolve.spans import _place_plural

    assert (_place_plural("counties"), _place_plural("cities"), _place_plural("states")) == ("county", "city", "state")
    assert _place_plural("games") is None
    names = {e.name for e in extract_entities(nlp("Power was cut in 14 Oregon counties on Sunday.")).entities}
    assert "Oregon" in names and "Oregon County" not in names  # one name before the plural modifies it


def test_a_given_name_or_a_places_kind_tagged_apart_joins_the_name_beside_it():
    from spacy.tokens import Span

    from factwire.resolve.spans import model_names_joined

    doc = spacy.blank("en")("Gilberto Saucedo spent Monday at Lima Foods .")
    doc.ents = [Span(doc, 0, 1, "GPE"), Span(doc, 1, 2, "PERSON"), Span(doc, 5, 7, "ORG")]
    assert model_names_joined(doc.ents) == [(0, 2, "PERSON"), (5, 7, "ORG")]
    doc = spacy.blank("en")("Officials in Lafourche Parish agreed .")  # a place's kind tagged apart from its name
    doc.ents = [Span(doc, 2, 3, "ORG"), Span(doc, 3, 4, "NORP")]
    assert model_names_joined(doc.ents) == [(2, 4, "GPE")]
    doc = spacy.blank("en")("Oaxaca Saucedo spent Monday .")  # no given name before the person's: two names
    doc.ents = [Span(doc, 0, 1, "GPE"), Span(doc, 1, 2, "PERSON")]
    assert model_names_joined(doc.ents) == [(0, 1, "GPE"), (1, 2, "PERSON")]


def test_a_clipped_name_is_built_of_the_openings_of_the_names_words():
    from factwire.resolve.names import clipped_name

    assert clipped_name("Pemex", "Petroleos Mexicanos") and clipped_name("Codelco", "Corporación Nacional del Cobre")
    assert not clipped_name("Ford", "Ford Motor Co")  # one word's opening is no clipped name
    assert not clipped_name("Banxico", "Banco de Mexico")  # a word's end is no opening
