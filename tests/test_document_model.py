"""The document model's entities on sentences written for these tests (needs the model).

Each test states a convention of news writing: how places, people, groups, venues and events are
named, and how one entity's several written forms are joined.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from factwire.extract.entities import extract_entities
from factwire.resolve.gazetteer import city_population, is_region, is_town
from factwire.resolve.index import Entity, Mention
from factwire.resolve.names import fold, name_key, spelling_variant
from factwire.resolve.people import is_unattested_person

pytestmark = pytest.mark.model


def _entities(nlp, text):
    return {e.name: e for e in extract_entities(nlp(text)).entities}


def _entities_as_tagged(doc, *tags):
    """The document model's entities of a Doc whose NER spans are set by hand, (first word, length, label)
    each, first occurrence of the word after the one before (the model's own tags vary with the text)."""
    spans, after = [], -1
    for word, length, label in tags:
        start = next(t.i for t in doc if t.text == word and t.i > after)
        spans.append(Span(doc, start, start + length, label=label))
        after = start
    doc.ents = spans
    return {e.name: e for e in extract_entities(doc).entities}


def test_spelling_variants_of_a_surname_and_diacritics():
    assert spelling_variant("Zelensky", "Zelenskiy") and spelling_variant("Zelenskyy", "Zelensky")
    assert not spelling_variant("Johnson", "Johnston") and not spelling_variant("Smith", "Smyth")
    assert fold("Dräger") == "drager" and name_key("Dräger Inc.") == name_key("Drager Inc.")


def test_gazetteer_knows_countries_states_and_cities():
    assert is_region("South Africa") and is_region("Ohio") and not is_region("Netflix")
    assert city_population("Winnipeg") > 500_000 and city_population("Globexville") == 0
    # towns of 1,000 people in the countries whose news is written in English, for sentences that use them
    assert is_town("Kapuskasing") and is_town("Tumut") and is_town("Union Gap") and not is_town("Globexville")


def test_a_country_keeps_the_form_the_article_writes(nlp):
    ents = _entities(nlp, "Exports to the U.S. fell in May, and U.S. officials blamed the new tariffs.")
    assert "U.S." in ents and "United States" not in ents


def test_a_surname_alone_is_the_person_named_in_full_whatever_its_tag(nlp):
    text = ("Pat Maroon scored twice for the visitors on Saturday. "
            "Maroon, who joined in July, also had an assist.")
    ents = _entities(nlp, text)
    assert "Maroon" in ents["Pat Maroon"].aliases and "Maroon" not in ents


def test_a_transliteration_variant_joins_the_full_name(nlp):
    text = ("President Volodymyr Zelenskiy met the envoy in Kyiv on Monday. "
            "Officials said Zelensky would travel to Paris next week.")
    ents = _entities(nlp, text)
    assert "Zelensky" in ents["Volodymyr Zelenskiy"].aliases


def test_a_first_name_makes_a_person_and_a_big_city_a_place(nlp):
    text = "Linus Ullmark made 30 saves in Winnipeg on Tuesday night, and Winnipeg fans cheered him."
    ents = _entities(nlp, text)
    assert ents["Linus Ullmark"].type == "PERSON" and ents["Winnipeg"].type == "GPE"


def test_a_plural_name_after_the_is_a_group(nlp):
    ents = _entities(nlp, "The Raptors beat the Hornets 110-98, and the Hornets dropped to 3-9.")
    assert ents["Hornets"].type == "ORG"


def test_affiliation_and_title_in_front_of_a_name_are_not_part_of_it(nlp):
    text = "Tigers DL Marcus Bell said the fine was unfair."
    assert "Marcus Bell" in _entities(nlp, text)


def test_venues_and_named_events_by_their_last_word(nlp):
    ents = _entities(nlp, "The final of the Harbor Cup was played at Kessler Field before 40,000 fans.")
    assert ents["Harbor Cup"].type == "EVENT" and ents["Kessler Field"].type == "FAC"


def test_a_class_the_article_states_names_the_entity_later(nlp):
    text = ("Scientists studied the moon Callisto for a decade. "
            "They found that the icy moon holds more water than expected.")
    ents = _entities(nlp, text)
    assert "the icy moon" in ents["Callisto"].aliases


def test_a_title_after_as_with_a_possessive_is_the_possessed_post(nlp):
    from factwire.extract.roles import extract_roles

    doc = nlp("Ronald Pike, who was then serving as the Governor's physician, said the exam was routine.")
    rows = extract_roles(doc, entities=extract_entities(doc))
    assert [(r["person"], r["title"]) for r in rows] == [("Ronald Pike", "physician")]


def test_a_score_after_a_name_is_no_part_of_it(nlp):
    ents = _entities(nlp, "Peru beat Bolivia 2-1 on Sunday. Hornets 4, Raptors 2: Tom Bell scored twice.")
    assert "Bolivia" in ents and not any(name.endswith(("2-1", " 4")) for name in ents)


def test_a_named_event_is_an_event_even_after_a_first_name(nlp):
    ents = _entities(nlp, "The team won the Stanley Cup in June and the Davis Cup in November.")
    assert ents["Stanley Cup"].type == "EVENT"


def test_the_last_word_of_a_teams_name_is_its_short_form(nlp):
    ents = _entities(nlp, "The Tampa Harbor Pelicans beat Denver on Sunday. The Pelicans have won six straight.")
    team = next(e for e in ents.values() if e.name.endswith("Pelicans") and len(e.name.split()) > 1)
    assert "Pelicans" in team.aliases and "Pelicans" not in ents


def test_a_form_of_address_is_kept_with_the_name_it_marks(nlp):
    text = "Prosecutors dropped the case against Julian Marsh. His lawyer said Mr Marsh would travel."
    assert "Mr Marsh" in _entities(nlp, text)["Julian Marsh"].aliases


def test_an_acronym_in_the_plural_stands_for_its_name():
    from factwire.resolve.names import acronym_letters

    assert acronym_letters("AMAs") == "AMA" and acronym_letters("CEOs") == "CEO" and acronym_letters("Bus") is None


def test_a_description_repeating_a_word_of_one_name_is_that_organization(nlp):
    text = ("Harlow Productions and Vireo Label Group signed the deal. "
            "The production company said on Friday that the music label had agreed to every term.")
    ents = _entities(nlp, text)
    assert "The production company" in ents["Harlow Productions"].aliases
    assert "the music label" in ents["Vireo Label Group"].aliases


def test_a_committee_named_with_words_left_out_is_the_full_committee(nlp):
    text = ("The Senate Select Committee on Ethics met on Monday. "
            "Members of the Senate Committee said the hearing would resume.")
    ents = _entities(nlp, text)
    assert "Senate Committee" in ents["Senate Select Committee on Ethics"].aliases


# Negative cases of the fifth-session rules, found by a review on sentences of its own: each names the
# wrong record a rule stated too broadly had made.
@pytest.mark.parametrize(("text", "name", "not_type"), [
    ("Critics have long questioned the state of Apple's China business.", "Apple", "GPE"),
    ("Prosecutors indicted Sam Bankman-Fried, which sent shockwaves through the industry.", "Sam Bankman-Fried", "ORG"),
    ("Canal Plus said it would air the match on Sunday.", "Canal Plus", "PRODUCT"),
    ("Support for the AfD has surged in the east of the country.", "AfD", "PRODUCT"),
    ("The RiverDogs and the BlueClaws split a doubleheader on Sunday.", "RiverDogs", "PRODUCT"),
    ("The new Costco on Route 9 opens on Friday morning.", "Costco", "PRODUCT"),
    ("Grace HealthCare said it would close two nursing homes.", "Grace HealthCare", "PERSON"),
])
def test_rules_of_names_stay_within_their_conventions(nlp, text, name, not_type):
    from factwire.extract.entities import extract_entities

    types = {e.name: e.type for e in extract_entities(nlp(text)).entities}
    assert types.get(name) not in {not_type, None}, types


@pytest.mark.parametrize("text", ["The lab used qPCR tests to confirm the cases, the health department said.",
                                  "deGrom struck out 10 batters on Sunday in Queens."])
def test_terms_and_surname_particles_with_a_small_first_letter_are_no_brands(nlp, text):
    from factwire.extract.entities import extract_entities

    names = [e.name for e in extract_entities(nlp(text)).entities]
    assert not any(n in {"qPCR", "deGrom"} for n in names), names


def test_a_firm_named_x_brothers_is_not_the_family(nlp):
    from factwire.extract.entities import extract_entities

    index = extract_entities(nlp("Lehman Brothers collapsed in 2008. The Lehmans had founded the bank in 1850."))
    assert "Lehmans" not in next(e for e in index.entities if e.name == "Lehman Brothers").aliases


def test_a_job_title_before_a_name_is_no_form_of_address(nlp):
    from factwire.extract.entities import extract_entities

    index = extract_entities(nlp("Spokesman John Kirby told reporters the talks were over."))
    assert not any(a.startswith("Spokesman") for e in index.entities for a in e.aliases)


def test_a_member_of_a_named_body_is_not_the_articles_organizations(nlp):
    from factwire.extract.entities import extract_entities
    from factwire.extract.roles import extract_roles

    doc = nlp("Acme Corp said sales rose. Jane Roe, a member of the city council, said the plan was bad.")
    index = extract_entities(doc)
    assert all(r["org"] != "Acme Corp" for r in extract_roles(doc, entities=index))
    assert "the city council" not in next(e for e in index.entities if e.name == "Acme Corp").aliases


def test_only_a_workplace_after_in_is_a_place_not_the_articles_organization(nlp):
    from factwire.extract.entities import extract_entities

    index = extract_entities(nlp("Delta Air Lines said profits rose. It also bought a stake in the airline."))
    assert "the airline" in next(e for e in index.entities if e.name == "Delta Air Lines").aliases


def test_the_leading_words_of_a_company_name_after_it_are_its_short_form(nlp):
    text = ("Cedar Hollow Kitchen Inc., which runs 31 restaurants, filed for bankruptcy on Tuesday. "
            "Cedar Hollow said the stores would stay open. Lakeshore Meridian Health disclosed a breach. "
            "Lakeshore Meridian said it had notified members.")
    ents = _entities(nlp, text)
    assert "Cedar Hollow" in ents["Cedar Hollow Kitchen Inc."].aliases and "Cedar Hollow" not in ents
    assert "Lakeshore Meridian" in ents["Lakeshore Meridian Health"].aliases and "Lakeshore Meridian" not in ents


def test_a_title_alone_is_never_an_entity(nlp):
    # an organization named in the article with a lower-case word ("the ... Auditor's office") has no
    # initials to give "Dr." alone
    text = ("The governor named Dr. Priya Raman, director of the county health department, to lead "
            "the Missouri State Auditor\u2019s review. Dr. Raman said she was honored.")
    ents = _entities(nlp, text)
    assert "Dr." not in ents and "Priya Raman" in ents


def test_an_acronym_declared_after_a_name_is_its_short_form_even_in_another_language(nlp):
    # AP style declares an acronym with ", or"; a name translated from Spanish keeps the Spanish initials
    text = ("The government signed a truce with the Popular Liberation Army, known by its Spanish initials "
            "EPL, on Friday. It had fought the Revolutionary Armed Forces of Colombia, or FARC, for years. "
            "The EPL will free 23 captives, and the FARC disarmed in 2017.")
    ents = _entities(nlp, text)
    assert "EPL" in ents["Popular Liberation Army"].aliases and "EPL" not in ents
    assert "FARC" in ents["Revolutionary Armed Forces of Colombia"].aliases and "FARC" not in ents


def test_an_acronym_declared_with_or_is_the_names_whatever_its_letters(nlp):
    # ", or X," declares in words that X is the name's short form, as a foreign party's initials are
    # given in news copy: the letters need not spell the English name
    text = ("The bill passed with votes from the Nationalist Movement Party, or MHP, on Thursday. "
            "The MHP holds 50 seats, and its leader backed the measure.")
    ents = _entities(nlp, text)
    assert "MHP" in ents["Nationalist Movement Party"].aliases and "MHP" not in ents


def test_a_corps_or_a_force_is_a_public_body_never_the_company(nlp):
    # a body named "Corps" or "Force" (Peace Corps, Air Force) is a public service: "the company" is the
    # business the story names beside it, though the corps is named more often
    text = ("The Civil Defence Corps said Dantata Haulage Ltd. had stored fuel illegally. The Civil Defence Corps "
            "sealed the depot on Monday. The company must pay a fine, the Corps said.")
    ents = _entities(nlp, text)
    assert "The company" in ents["Dantata Haulage Ltd."].aliases
    assert "The company" not in ents["Civil Defence Corps"].aliases


def test_a_learned_society_is_a_public_body_never_the_company(nlp):
    text = ("The Japan Society for the Promotion of Science froze three grants on Monday, the society said. "
            "The Japan Society for the Promotion of Science funds 40 labs. Shares of Osaka Kasei Co, which "
            "licensed the work, fell 4 percent in Tokyo. The company said it would review the research.")
    ents = _entities(nlp, text)
    assert "The company" not in ents["Japan Society for the Promotion of Science"].aliases
    assert "The company" in ents["Osaka Kasei Co"].aliases


def test_spanish_and_portuguese_names_keep_their_particles_and_second_surname(nlp):
    # Iberian names carry two surnames, the second written right after the first with no comma, or after a
    # particle ("dos", "da"); the model reads the last word as a place ("Santos", "Prado") and cuts it off
    text = ("MST regional coordinator Joana Ferreira dos Santos said the families would stay. The farm's owner, "
            "Cerrado Verde chief financial officer Ricardo Almeida Prado told analysts on Tuesday. Almeida Prado "
            "said the occupation would cost the company R$35 million.")
    ents = _entities(nlp, text)
    assert {"Joana Ferreira dos Santos", "Ricardo Almeida Prado"} <= set(ents)
    assert ents["Joana Ferreira dos Santos"].type == ents["Ricardo Almeida Prado"].type == "PERSON"
    assert not {"Santos", "Prado", "Joana Ferreira", "Ricardo Almeida", "Almeida Prado"} & set(ents)


def test_the_article_of_an_arabic_surname_is_no_given_name(nlp):
    # "Al" after a given name opens an Arabic surname ("Maitha Al Suwaidi"); after a title it is the given
    # name Al ("Coach Al Golden")
    text = ("The roster decides, says Maitha Al Suwaidi, director of licensing at the authority. Coach Al Golden "
            "agreed.")
    ents = _entities(nlp, text)
    assert ents["Maitha Al Suwaidi"].type == ents["Al Golden"].type == "PERSON"
    assert "Al Suwaidi" not in ents and "Coach Al Golden" not in ents


def test_a_kind_of_peoples_possessive_before_a_movements_name_is_inside_it(nlp):
    # "Workers' Movement", "Farmers' Union": a plural of people with its apostrophe, then a body's head word,
    # is one name, though the model ends the name at the apostrophe
    text = ("Members of Brazil's Landless Rural Workers' Movement (MST) on Monday occupied a soybean farm in "
            "Bahia. The movement said 600 families took part.")
    ents = _entities(nlp, text)
    assert "Landless Rural Workers' Movement" in ents and "Landless Rural Workers" not in ents
    assert "MST" in ents["Landless Rural Workers' Movement"].aliases


def test_legal_forms_of_irish_indian_and_indonesian_companies_end_their_names(nlp):
    # "DAC" (Ireland's designated activity company), "Pvt" (India), "Tbk" (Indonesia), "SE" (a European
    # company): a legal form makes the capitalized words before it one company's name
    text = "Separately, Corrib Home Loans DAC said it would appeal. Siemens Energy SE and PT Astra Tbk signed the deal."
    ents = _entities(nlp, text)
    assert {"Corrib Home Loans DAC", "Siemens Energy SE", "PT Astra Tbk"} <= set(ents)
    assert not {"Corrib Home", "Loans DAC", "Siemens Energy"} & set(ents)


def test_a_slash_inside_a_legal_form_does_not_cut_the_name(nlp):
    # a slash joins two names ("the Pfizer/BioNTech vaccine"), but Denmark's "A/S" and Brazil's "S/A" are legal
    # forms written with one: the company's name runs to the end of them
    text = ("Danish toymaker Vellsund A/S will move production to Mexico. Brazilian miner Serra Fria S/A rose. "
            "The Pfizer/BioNTech vaccine was approved.")
    ents = _entities(nlp, text)
    assert {"Vellsund A/S", "Serra Fria S/A", "Pfizer", "BioNTech"} <= set(ents)
    assert not {"Vellsund A", "Serra Fria S"} & set(ents)


def test_a_justice_is_the_judge(nlp):
    # British, Irish, Indian and Australian courts write their judges "Mr Justice X", "Justice X": a justice is a
    # judge, and "the judge" later is that person
    text = ("Ms Justice Orla Kenning, sitting in the High Court in Dublin, said the handling was careless. "
            "The funeral home admitted liability. The judge awarded €32,000 to each of the children.")
    ents = _entities(nlp, text)
    assert "The judge" in ents["Orla Kenning"].aliases


def test_a_big_citys_name_is_the_city_beside_a_place_named_after_it(nlp):
    # "the Dubai Airshow", "Heathrow Airport": a venue named for its city; the city's bare name is still the
    # city, wherever it is written ("a Dubai-based lessor")
    text = ("Jebel Air ordered 25 jets at the Dubai Airshow on Monday. The deal was financed by Corniche Aviation "
            "Capital, a Dubai-based lessor.")
    ents = _entities(nlp, text)
    assert ents["Dubai"].type == "GPE" and "Dubai" not in ents["Dubai Airshow"].aliases


def test_a_city_said_after_a_town_and_its_state_is_the_town(nlp):
    # US news writes "Town, State," and what follows between commas describes the town: no state is a city
    text = ("The trust covers Marlow Springs, Kansas, a city of about 14,000 residents. The city paid $250,000 "
            "last year.")
    ents = _entities(nlp, text)
    assert "The city" in ents["Marlow Springs"].aliases and "The city" not in ents["Kansas"].aliases


def test_the_irish_article_opens_an_irish_bodys_name(nlp):
    # English writes "an" only before a vowel's sound: "An" before "Garda", "Bord", "Post" is the Irish article,
    # the first word of the name; "An Ohio man" is English
    text = ("A spokesman for An Garda Síochána said the inquiry was continuing. An Bord Pleanála refused "
            "permission. An Ohio man was charged.")
    ents = _entities(nlp, text)
    assert ents["An Garda Síochána"].type == ents["An Bord Pleanála"].type == "ORG"
    assert "Síochána" not in ents and "Ohio" in ents and not any(n.startswith("An Ohio") for n in ents)


def test_a_name_that_speaks_is_a_company_not_its_product(nlp):
    # the model reads "Audi" beside car names as a product; a name that says something is a speaker
    from factwire.resolve.draft import Draft
    from factwire.resolve.spans import _speaker_votes

    doc = nlp("Audi says the e-tron Sportback charges in under thirty minutes.")
    said, named = Draft(0, 1, "PRODUCT"), Draft(3, 5, "PRODUCT")
    _speaker_votes(doc, [said, named])
    assert said.votes["ORG"] > 0 and named.votes["ORG"] == 0


def test_the_first_word_after_a_dateline_runs_on_into_its_sentence(nlp):
    # a dateline with no wire credit ("TORONTO —") ends before the body's first word, which never makes a
    # sentence of its own: the name it opens stays whole
    doc = nlp("TORONTO \u2014 Tamarack Bank of Canada more than tripled the money it set aside for bad loans in its "
              "fiscal third quarter.")
    assert [t.text for t in doc if t.is_sent_start] == ["TORONTO", "Tamarack"]
    ents = _entities(nlp, doc.text)
    assert "Tamarack Bank of Canada" in ents and "Bank of Canada" not in ents


def test_a_line_break_and_a_dateline_end_a_sentence_before_the_parser(nlp):
    assert "factwire_paragraphs" in nlp.pipe_names
    assert nlp.pipe_names.index("factwire_paragraphs") < nlp.pipe_names.index("parser")
    doc = nlp("Governor names new health chief\n\nJEFFERSON CITY, Mo. (AP) \u2014 Missouri Gov. Tom Ridenour on "
              "Tuesday named a county official to lead the state health department.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts[:3] == ["Governor", "JEFFERSON", "Missouri"]
    named = next(t for t in doc if t.text == "named")
    assert [c.text for c in named.children if c.dep_ == "nsubj"] == ["Ridenour"]


def test_an_abbreviations_period_ends_a_sentence_before_a_capitalized_function_word(nlp):
    doc = nlp("Stoltzfus conceded shortly after 10 p.m. In a phone interview, he said he was proud of the work. "
              "He met the mayor at 9 a.m. Monday with Gov. Ann Smith.")
    sents = [s.text for s in doc.sents]
    assert sents[:2] == ["Stoltzfus conceded shortly after 10 p.m.", "In a phone interview, he said he was proud "
                                                                     "of the work."], sents
    # a name or a day after the abbreviation goes on with the sentence
    assert sents[2] == "He met the mayor at 9 a.m. Monday with Gov. Ann Smith.", sents


def test_a_paragraph_that_opens_with_a_name_and_a_verb_has_no_dateline(nlp):
    doc = nlp("Kestrel Space won.\n\nNASA said the two companies \u2014 Orbital Forge and Kestrel Space \u2014 were "
              "picked.")
    assert [t.text for t in doc if t.is_sent_start][:2] == ["Kestrel", "NASA"]
    assert not doc[[t.text for t in doc].index("the")].is_sent_start


def test_a_company_named_without_its_legal_form_and_not_by_its_generic_head(nlp):
    from factwire.extract.events import extract_events

    text = ("Creditors include Harbor Street Retail Partners LLC, the landlord, and the lender Ridgeway Capital "
            "Partners. Harbor Street Retail Partners sued Cedar Hollow Kitchen Inc. in February.")
    doc = nlp(text)
    index = extract_entities(doc)
    ents = {e.name: e for e in index.entities}
    assert "Harbor Street Retail Partners" in ents["Harbor Street Retail Partners LLC"].aliases
    assert index.lookup("Partners") is None
    suits = [e for e in extract_events(doc, entities=index, quantities=[], dates=[], published=None)
             if e["type"] == "lawsuit"]
    assert [(e["actor"], e["target"]) for e in suits] == [
        ("Harbor Street Retail Partners LLC", "Cedar Hollow Kitchen Inc.")]


def test_a_country_whose_gazetteer_name_has_the_is_known_without_it(nlp):
    assert is_region("Netherlands") and is_region("the Netherlands") and is_region("Gambia")
    text = '"That was the red line for the Netherlands from the very beginning," the prime minister said.'
    assert _entities(nlp, text)["Netherlands"].type == "GPE"


def test_a_city_based_epithet_is_the_company_not_an_office_named_beside_it(nlp):
    text = ("Lakeshore Meridian Health said hackers stole data on 4.2 million members. The company found the "
            "breach in February. Lakeshore Meridian Health notified regulators. In a notice filed with the "
            "Office for Civil Rights, the Grand Rapids-based insurer said the attack began in January.")
    aliases = _entities(nlp, text)["Lakeshore Meridian Health"].aliases
    assert "the Grand Rapids-based insurer" in aliases


def test_the_state_far_from_its_name_is_the_one_state_the_story_is_about(nlp):
    text = ("MEDFORD, Ore. (AP) \u2014 A wildfire burned 40 homes in southern Oregon on Tuesday. Crews from across "
            "Oregon joined the fight. Winds eased overnight. Officials expected rain by Friday. The governor "
            "said the state would pay for shelters.")
    assert "the state" in _entities(nlp, text)["Oregon"].aliases
    # a state named once in passing is not "the state" of a story about another country
    text = ("Colombia signed a truce at the United Nations in New York on Monday. The talks lasted a year. The "
            "rebels freed 23 captives. Fighting between the state and the rebels has killed thousands.")
    assert "the state" not in _entities(nlp, text)["New York"].aliases


def test_a_head_noun_with_an_epithet_echoes_the_one_name_with_that_head(nlp):
    text = ("The Pennsylvania National Horse Show opens on Thursday in Harrisburg. The historic show draws riders "
            "from 30 states.")
    assert "The historic show" in _entities(nlp, text)["Pennsylvania National Horse Show"].aliases
    # an adjective that picks out another one of the kind names no known show
    text = "The Pennsylvania National Horse Show opens on Thursday. The next show opens in May."
    assert "The next show" not in _entities(nlp, text)["Pennsylvania National Horse Show"].aliases


def test_a_store_a_venue_and_a_restaurant_are_named_by_their_kind(nlp):
    text = ("A clerk was shot at the Zebulon Road Quick Mart on Friday. The store reopened on Saturday. Crescendo "
            "Live bought the Brightwater Ballroom in May. The sale ends months of uncertainty for the venue. "
            "Health inspectors closed the Blue Heron Grill on Main Street. The restaurant will reopen in May.")
    ents = _entities(nlp, text)
    assert "The store" in ents["Zebulon Road Quick Mart"].aliases, ents
    assert "the venue" in ents["Brightwater Ballroom"].aliases, ents
    assert "The restaurant" in ents["Blue Heron Grill"].aliases, ents


def test_a_bare_description_in_a_speakers_clause_is_the_speakers_organization(nlp):
    # the State Department dominates the article, but the director speaks of her own organization
    text = ("The State Department said on Monday that the State Department would help. The State Department "
            "sent aid. Amina Diallo-Carter, executive director of Sahel Health Mission, said the organization "
            "suspended its field work in Niger.")
    ents = _entities(nlp, text)
    assert "the organization" in ents["Sahel Health Mission"].aliases, ents


def test_the_city_far_from_its_name_is_the_city_the_story_names_most(nlp):
    text = ("DENVER (AP) \u2014 A jet bound for Portland returned to Denver on Friday after an engine failed. The "
            "crew landed in Denver safely. Passengers described a loud bang. The airline apologized. Officials "
            "said debris fell on homes. Crews in the city cleared the streets by noon.")
    assert "the city" in _entities(nlp, text)["Denver"].aliases


def test_a_city_state_is_the_city(nlp):
    text = "Hong Kong stocks fell on Monday amid protests in the city."
    assert "the city" in _entities(nlp, text)["Hong Kong"].aliases


def test_the_city_inside_a_description_of_a_place_is_another_city(nlp):
    text = ("A jet lost an engine over Denver on Friday. Residents of Aurora, a suburb east of the city, found "
            "metal in their yards.")
    ents = _entities(nlp, text)
    assert "the city" not in ents["Aurora"].aliases and "the city" in ents["Denver"].aliases, ents


def test_an_arabic_family_name_with_its_article_and_the_name_without_it(nlp):
    text = ('"The market is well supplied today," said Saudi Energy Minister Khalid bin Fahad al-Sudairi. '
            "Khalid bin Fahad said more cuts were possible.")
    ents = _entities(nlp, text)
    assert "Khalid bin Fahad" in ents["Khalid bin Fahad al-Sudairi"].aliases and "Khalid bin Fahad" not in ents


def test_a_one_word_name_in_s_with_a_plural_verb_is_a_club(nlp):
    # "Valderas have signed": the name is written with its -s, the plural verb says a body of people
    text = ("MADRID, Aug 31 (Reuters) - Corvelas have signed Brazilian forward Ana Ruiz from Portuguese club "
            "Uniao Vila Nova for 38 million euros. Corvelas, who finished ninth in LaLiga last season, have taken "
            "four points. Corvelas are also trying to sell a midfielder.")
    assert _entities(nlp, text)["Corvelas"].type == "ORG"


def test_a_singular_name_with_a_plural_verb_is_a_club_and_its_landscape_word_its_short_form(nlp):
    # British usage: "Nottingham Forest have signed" is the club, and "Forest" its short form
    text = ("Nottingham Forest have completed the signing of striker Rafael Monteiro for £27m. The deal was "
            "agreed after Forest raised their offer, and Forest's chief executive, Elaine Corbishley, welcomed it.")
    ents = _entities(nlp, text)
    assert ents["Nottingham Forest"].type == "ORG" and "Forest" in ents["Nottingham Forest"].aliases


def test_an_age_epithet_the_article_gave_no_one_is_the_topic_person_just_before(nlp):
    text = ("Forest completed the signing of striker Rafael Monteiro on Friday, with manager Steve Marwood calling "
            "him a natural finisher. The 24-year-old has agreed a four-year contract.")
    ents = _entities(nlp, text)
    assert "The 24-year-old" in ents["Rafael Monteiro"].aliases
    assert "The 24-year-old" not in ents["Steve Marwood"].aliases


def test_a_name_before_the_noun_of_a_part_of_a_town_is_a_place(nlp):
    text = ("The shooting happened outside a bar in the city's Short North neighborhood. Pruitt opened his first "
            "restaurant in Charlotte's Plaza Midwood neighborhood, and Reno's Hispanic neighborhoods were split.")
    ents = _entities(nlp, text)
    assert ents["Short North"].type == "LOC" and ents["Plaza Midwood"].type == "LOC"
    assert ents["Hispanic"].type == "NORP"


def test_a_committee_named_by_a_list_of_fields_is_one_name(nlp):
    text = ("FAA Administrator Richard Halvorsen testified before the Senate Commerce, Science and Transportation "
            "Committee on Tuesday. The committee asked for data.")
    ents = _entities(nlp, text)
    assert "Senate Commerce, Science and Transportation Committee" in ents and "Senate Commerce" not in ents


def test_a_medicines_lower_case_name_and_its_brand_name(nlp):
    from factwire.resolve.spans import is_drug_name

    assert is_drug_name("pembrolizumab") and is_drug_name("remdesivir") and not is_drug_name("concept")
    text = ("The FDA approved a pill from Halvern Therapeutics on Wednesday. The drug, tavoprenib, will be sold "
            "under the brand name Renqua. Renqua will cost $14,750 a month.")
    ents = _entities(nlp, text)
    assert ents["tavoprenib"].type == "PRODUCT" and "Renqua" in ents["tavoprenib"].aliases and "Renqua" not in ents


def test_of_two_bodies_of_one_kind_a_bare_description_is_the_one_the_story_is_about(nlp):
    text = ("The Green Party won 12 seats in Thursday's election. Green Party leaders celebrated in Leeds. The "
            "Green Party will now sit in the council for the first time, ahead of the Liberal Party. Officials "
            "said the party would name its candidates on Monday.")
    ents = _entities(nlp, text)
    assert "the party" in ents["Green Party"].aliases, ents
    # one name more than the other says nothing about which party is meant (where the sentence before names both)
    text = ("The Green Party and the Liberal Party met on Monday. The Green Party said it would vote no, and the "
            "Liberal Party yes. Officials said the party would name its candidates on Friday.")
    ents = _entities(nlp, text)
    assert "the party" not in ents["Green Party"].aliases + ents["Liberal Party"].aliases, ents


def test_a_name_ends_at_a_colon_that_opens_a_lists_entry(nlp):
    text = ("The following people were arrested:\nMarvin T. Hollis: Dealing in cocaine, possession of heroin, "
            "held in jail in lieu of $26,000 bond.\nDana K. Ruiz: Theft, held in jail in lieu of $5,000 bond.")
    assert {"Marvin T. Hollis", "Dana K. Ruiz"} <= set(_entities(nlp, text))
    assert not any(":" in name or "Theft" in name for name in _entities(nlp, text))


def test_a_heading_in_title_case_with_a_form_of_be_is_no_name(nlp):
    text = ("Nimbus Play costs $10 a month.\nIf You Own A Fast Router, The Picture Quality Seems To Be Mostly "
            "Excellent\nNimbus Play streams games at 4K.")
    assert set(_entities(nlp, text)) == {"Nimbus Play"}


def test_a_lone_word_never_shown_to_be_a_person_is_no_person(nlp):
    # the model reads two game titles as people: no given name, title, role or "he"/"she" says so
    ents = _entities(nlp, "The kit ships with Gylt and Thumper, two games that run at 4K.")
    assert not {"Gylt", "Thumper"} & {n for n, e in ents.items() if e.type == "PERSON"}, ents
    # a surname alone that the article goes on with "he", a given name, a title form are a person's
    name = Mention("E1", "Kowalczyk", 0, 9, "name")
    assert is_unattested_person(Entity("E1", "Kowalczyk", "PERSON", mentions=[name]), [])
    he = Mention("E1", "he", 20, 22, "pronoun")
    assert not is_unattested_person(Entity("E1", "Kowalczyk", "PERSON", mentions=[name, he]), [])
    assert not is_unattested_person(Entity("E1", "Tommy", "PERSON", mentions=[name]), [])
    assert not is_unattested_person(Entity("E1", "Kowalczyk", "PERSON", ["Dr. Kowalczyk"], [name]), [])


THE_COMPANY_CASES = [
    # a topic carried from a named subject through "it" to "the company"
    ("Ardent Mills agreed to buy Blue Ridge Bakeries for $500 million. Blue Ridge Bakeries makes bread in Ohio. "
     "Ardent Mills said it would pay cash. It forecast sales growth of 2%. The company also said it would close a "
     "plant in Fresno, cutting about 120 jobs.", "Ardent Mills", "The company", None),
    # a company the paragraph introduces ("X, a Dallas firm that ...") is "the company" of its next sentence, not
    # the one the article is about
    ("Pinecrest Health said on Monday it had settled a strike by 900 nurses at its Tulsa hospital. Pinecrest will "
     "raise pay by 14% over three years, Pinecrest said.\n\nThe hospital had signed a $2 million contract with "
     "Harbor Staffing Group, a Dallas firm that supplies replacement nurses. The company will be paid a cancellation "
     "fee of about $300,000, a Pinecrest spokesman said.", "Harbor Staffing Group", "The company", "Pinecrest Health"),
    # a legislature is a public institution: never "the company", however often the article names it
    ("Congress passed the tariff bill on Friday. Congress will vote again in May, and Congress may add more. \"We "
     "welcome it,\" said Dana Ruiz, the owner of a mill. She said the company would hire.", None, "the company",
     "Congress"),
    # a county story names one company in its second sentence; paragraphs later "the company's president" can only
    # be that one (the company named after it, a losing bidder, is no antecedent)
    ("The Dane County Board voted 5-2 on Tuesday to replace the Mill Creek bridge.\n\nThe contract went to Arbor "
     "Paving Inc. of Madison, which submitted the lowest bid.\n\nCounty engineer Sam Ruiz said the bridge had been "
     "rated deficient for a decade. The Dane County Board will pay for the work from its road fund.\n\nSupervisors "
     "said the detour would add 11 miles to some trips. The Dane County Board approved the detour in March.\n\nLena "
     "Ortiz, the company's president, said crews could open one lane early.\n\nA losing bidder, Northway Civil "
     "Constructors, filed a protest last week.", "Arbor Paving Inc.", "the company", "Northway Civil Constructors"),
    # a trade epithet: "the chipmaker" for "... Semiconductor Inc.", its word before the legal form, whatever company
    # was named last; "the insurer" is the insurance company, never the regulator whose name also holds "Insurance"
    ("Lumora Networks LLC sued Arcwell Semiconductor Inc. in 2019. A jury in Waco awarded Lumora $218 million on "
     "Friday. The San Jose, California-based chipmaker had offered to settle the case for $12 million in 2018.",
     "Arcwell Semiconductor Inc.", "The San Jose, California-based chipmaker", "Lumora Networks LLC"),
    ("The Colorado Division of Insurance fined Front Range Mutual Insurance Co. $250,000 on Monday. The Colorado "
     "Division of Insurance said it had found 4,100 claims paid late. The insurer said it would appeal.",
     "Front Range Mutual Insurance Co.", "The insurer", "Colorado Division of Insurance"),
]


@pytest.mark.parametrize(("text", "named", "description", "not_named"), THE_COMPANY_CASES)
def test_the_company_is_the_one_the_passage_is_about(nlp, text, named, description, not_named):
    ents = _entities(nlp, text)
    assert named is None or description in ents[named].aliases, ents
    assert not_named is None or description not in ents[not_named].aliases


def test_a_based_epithet_with_no_company_near_is_the_one_body_of_its_kind(nlp):
    # three bodies are named as often; "carrier" says which one (kind_nouns.tsv)
    text = ("Harbor Air Airlines grounded a jet on Monday. The FAA opened an inquiry, and the NTSB sent a team. "
            "Harbor Air Airlines said it would help. The FAA and the NTSB declined to comment. The FAA said the "
            "NTSB would lead. \"We are cooperating,\" Dana Lee said. The Portland-based carrier, which operates "
            "40 aircraft, has had a string of problems.")
    ents = _entities(nlp, text)
    assert "The Portland-based carrier" in ents["Harbor Air Airlines"].aliases, ents


def test_a_description_echoes_what_a_body_is_not_what_it_serves(nlp):
    # "the utility" shares a word with the Office of the Utility Consumer Advocate's complement only
    text = ("Centennial Electric Co. asked regulators on Monday to raise rates. The Office of the Utility Consumer "
            "Advocate opposed the request. Centennial Electric Co. said the utility needs $1.9 billion.")
    ents = _entities(nlp, text)
    assert "the utility" not in ents["Office of the Utility Consumer Advocate"].aliases, ents


def test_the_club_after_a_sentence_whose_subject_is_the_clubs_officer_is_that_club(nlp):
    text = ("Harrow Rovers signed a striker from Dunmore Athletic. Dunmore Athletic wanted more. Harrow Rovers paid "
            "a fee. Dunmore Athletic agreed. Harrow Rovers' chief executive, Ann Cole, said the deal was fair. "
            "The club, which reported a loss of £12m last year, said the fee met the rules.")
    ents = _entities(nlp, text)
    assert "The club" in ents["Harrow Rovers"].aliases, ents


def test_places_joined_by_a_hyphen_are_both_places(nlp):
    ents = _entities(nlp, "Investors hope for a resolution of the US-China trade impasse.")
    assert ents["US"].type == "GPE" and ents["China"].type == "GPE", ents
    # two surnames so joined name a pair, not a person
    ents = _entities(nlp, "The Bezos-Musk rivalry grew. Jeff Bezos and Elon Musk met.")
    assert {"Jeff Bezos", "Elon Musk"} == set(ents), ents


def test_a_name_with_and_tagged_whole_once_is_one_name_where_tagged_in_pieces(nlp):
    text = ("Data on seizures came from Customs and Border Protection. The official way that Customs and Border "
            "Protection measures seizures is by pounds, an agency spokesman said.")
    assert set(_entities(nlp, text)) == {"Customs and Border Protection"}


def test_a_description_with_the_names_own_words_before_its_head_echoes_the_name(nlp):
    text = "The Los Angeles Auto Show opens on Friday. Ford will show a new truck at the Los Angeles show."
    assert "the Los Angeles show" in _entities(nlp, text)["Los Angeles Auto Show"].aliases
    text = ("NASA's Science Mission Directorate picked nine companies. Steve Clarke of the science directorate said "
            "the choice was hard.")
    assert "the science directorate" in _entities(nlp, text)["Science Mission Directorate"].aliases


def test_a_place_noun_before_a_bodys_name_says_whose_body_not_what_it_is(nlp):
    text = ("HARRISBURG, Pa. (AP) \u2014 The House passed a budget, sending it to the state Senate. The state "
            "Senate did not vote. Officials said the state would run a deficit of $1.2 billion.")
    ents = _entities(nlp, text)
    assert "the state" not in ents["Senate"].aliases, ents


def test_a_place_and_police_in_lower_case_is_that_places_police_body(nlp):
    text = ("The Dayton Division of Police opened an inquiry. Dayton police Detective Ann Ruiz testified on Monday. "
            "Officers from Springfield also helped.")
    ents = _entities(nlp, text)
    assert "Dayton police" in ents["Dayton Division of Police"].aliases, ents


def test_a_place_name_or_head_word_opening_a_company_name_is_its_short_form_after_it(nlp):
    # news calls "Halden Energy Partners" "Halden" once it is named in full, even where a town has the
    # name, unless the article writes the name as a place ("in Halden") or it is a major place
    text = ("Halden Energy Partners agreed to buy Ocotillo Resources for $1.1 billion. Under the terms, "
            "Halden will pay $640 million in cash. Halden shares fell 3% on Monday.")
    ents = _entities(nlp, text)
    assert "Halden" in ents["Halden Energy Partners"].aliases and "Halden" not in ents
    text = ("Sentinel Maritime Technologies of San Diego said it would protest the award. "
            "\"We logged more hours than anyone,\" said Mark Havili, Sentinel's president.")
    ents = _entities(nlp, text)
    assert "Sentinel" in ents["Sentinel Maritime Technologies"].aliases and "Sentinel" not in ents
    text = ("Halden Energy Partners opened an office in Halden last year. Halden has 31,000 residents.")
    assert "Halden" not in _entities(nlp, text)["Halden Energy Partners"].aliases
    text = ("Houston Methodist said it would add 300 beds. Houston has grown by a million people since 2000.")
    assert "Houston" not in _entities(nlp, text).get("Houston Methodist", Entity("", "", "ORG")).aliases


def test_a_town_of_several_words_that_geonames_knows_is_a_place(nlp):
    # a multi-word town under 100,000 people ("Casa Grande", Arizona) is nobody's and no company's name
    text = "Crews worked near Casa Grande on Monday, the utility said."
    assert _entities(nlp, text)["Casa Grande"].type == "GPE"


def test_names_joined_before_the_plural_noun_of_a_class_of_places_are_such_places(nlp):
    # "Maricopa and Pinal counties": each name is a county, whatever the tagger made of it
    text = "Copperline serves roughly 412,000 customers in Maricopa and Pinal counties."
    ents = _entities(nlp, text)
    assert ents["Maricopa"].type == "GPE" and ents["Pinal"].type == "GPE"


def test_names_each_with_its_article_before_the_plural_of_a_landform_are_landforms(nlp):
    # "the Elbe, the Saale and the Mulde rivers": each name is a river, whatever the tagger made of it
    ents = _entities(nlp, "The aid went to 90 towns along the Elbe, the Saale and the Mulde rivers, officials said.")
    assert ents["Mulde"].type == "LOC"


def test_a_description_points_back_to_a_name_already_given(nlp):
    # "the central bank" three sentences before "the European Central Bank" is named is not that bank
    text = ("Norges Bank raised its main rate to 1.0% on Thursday. Economists had expected the move. The central "
            "bank expects inflation to ease next year. Norges Bank meets again in May. In Frankfurt, the "
            "European Central Bank held its rates steady.")
    ents = _entities(nlp, text)
    assert "The central bank" in ents["Norges Bank"].aliases
    assert "The central bank" not in ents["European Central Bank"].aliases


def test_a_lede_that_describes_a_company_before_naming_it_in_the_next_sentence(nlp):
    # delayed identification: the first sentence's subject describes the company the second names
    text = ("DAYTON, Ohio (AP) \u2014 A Springfield manufacturer plans to spend $40 million on a new plant and add 200 "
            "jobs, state officials said Monday.\n\nKorvath Tooling Co. will build the plant next to its "
            "headquarters, said Lena Moss, its chief executive.")
    ents = _entities(nlp, text)
    assert "A Springfield manufacturer" in ents["Korvath Tooling Co."].aliases
    # a lede that names a business itself describes no other one
    text = ("A Springfield manufacturer will buy Ardent Dies for $40 million, Ardent said Monday.\n\n"
            "Korvath Tooling Co. will close the deal in May.")
    assert "A Springfield manufacturer" not in _entities(nlp, text)["Korvath Tooling Co."].aliases
    # a plural subject is people acting ("state regulators fined"), not a company whose name is withheld
    text = ("Ohio gambling regulators on Tuesday fined the owner of a Toledo casino $90,000 for serving minors.\n\n"
            "The Ohio Casino Control Commission approved a settlement with Maumee Bay Gaming LLC, which owns the "
            "casino.")
    assert not any("regulators" in m.text for m in _entities(nlp, text)["Maumee Bay Gaming LLC"].mentions)


def test_a_wire_credit_is_no_referent_of_a_description_or_a_pronoun(nlp):
    # "(Reuters)" in a dateline says who filed the story: "the airline", "the central bank", "it", "its"
    # after it are the story's own bodies, never the agency
    for text in ("OSLO, March 21 (Reuters) - The central bank raised its main interest rate on Thursday.",
                 "LONDON (Reuters) - The airline said on Monday it would cut 300 jobs."):
        reuters = _entities(nlp, text)["Reuters"]
        assert [m.text for m in reuters.mentions] == ["Reuters"]


def test_the_agency_is_a_public_body_never_the_company_the_article_is_about(nlp):
    text = ("Brightpath Pharma recalled 20,000 bottles of a heart pill on Monday. Brightpath said tests had "
            "found an impurity. The agency said patients should keep taking the pill. Brightpath shares fell 4%.")
    assert "The agency" not in _entities(nlp, text)["Brightpath Pharma"].aliases


def test_a_bare_description_echoes_a_names_head_not_a_word_that_modifies_it(nlp):
    # "the utility" is a utility: not the "Residential Utility Consumer Office" that speaks for its customers
    text = ("Regulators approved a rate increase for Copperline Electric Co. on Tuesday. Copperline had asked "
            "for more. Copperline serves 412,000 customers. The Residential Utility Consumer Office had argued "
            "for a smaller increase. In September, regulators fined the utility $1.2 million after a heat wave.")
    assert "the utility" not in _entities(nlp, text)["Residential Utility Consumer Office"].aliases


def test_the_hospital_is_the_articles_medical_center(nlp):
    # a medical center is a hospital: "the hospital" for "St. Brendan Regional Medical Center"; a center
    # of another kind is none
    text = ("A jury awarded $6.8 million to the family of a patient who died after St. Brendan Regional Medical "
            "Center sent her home. St. Brendan Regional Medical Center plans to appeal. The hospital said its "
            "doctors had followed the standard of care.")
    assert "The hospital" in _entities(nlp, text)["St. Brendan Regional Medical Center"].aliases
    text = ("NASA tested the engine at Stennis Space Center on Monday. Stennis Space Center is in Mississippi. "
            "A worker was taken to the hospital with burns.")
    assert "the hospital" not in _entities(nlp, text)["Stennis Space Center"].aliases


def test_the_union_is_the_articles_association_of_workers(nlp):
    # labor unions are often named associations, federations or guilds: "the union" for them
    text = ("Nurses represented by the Ohio Nurses Association ratified a three-year contract on Wednesday. "
            "The Ohio Nurses Association had threatened a strike. The union said pay would rise 8 percent.")
    assert "The union" in _entities(nlp, text)["Ohio Nurses Association"].aliases


def test_a_town_geonames_knows_after_a_preposition_of_place_is_a_place(nlp):
    # "Albert Lea" reads as a man's name; after "in", and known to GeoNames, it is the Minnesota town
    text = "ICE said it would use other facilities, including the Freeborn County jail in Albert Lea."
    assert _entities(nlp, text)["Albert Lea"].type == "GPE"


def test_a_body_of_a_place_named_by_its_class_is_one_name(nlp):
    # "Redevelopment Authority of the City of Erie": a body "of the" city, county or state named in full
    text = ("The Redevelopment Authority of the City of Erie, which bought the empty building for $310,000 in "
            "2016, will sell it.")
    ents = _entities(nlp, text)
    assert "Redevelopment Authority of the City of Erie" in ents and "City of Erie" not in ents


def test_a_legal_form_tagged_apart_from_the_company_name_is_part_of_it(nlp):
    # the tagger may cut "LLC" off "Sawtooth Crest Development LLC": a legal form names nothing alone
    text = "The park was sold in June to Sawtooth Crest Development LLC, a Meridian-based developer, for $4.2 million."
    ents = _entities(nlp, text)
    assert "Sawtooth Crest Development LLC" in ents and "LLC" not in ents


def test_the_county_is_the_county_the_story_names(nlp):
    # "the county" for the one county named just before, as "the city" is for a city
    text = ("Nobles County commissioners voted 3-2 on Tuesday to end the jail's contract with ICE, a decision "
            "that will cost the county an estimated $640,000 a year.")
    assert "the county" in _entities(nlp, text)["Nobles County"].aliases
    # and "the county of X" is a place, whatever the tagger made of X
    text = "The patient was hospitalized in the county of Huade in north China, the news agency said."
    assert _entities(nlp, text)["Huade"].type == "GPE"


def test_the_ministry_is_one_named_so_never_the_group_the_story_is_about(nlp):
    text = ("The refugee charity Kapi Legal Aid has helped 2,300 refugees since 2016. Kapi said the deportations "
            "were unlawful. Kapi has 40 lawyers. Kapi has sued twice. Turkey's Justice Ministry did not comment. "
            "The Interior Ministry said 17,400 people had been sent back. The ministry says all of the returns "
            "were voluntary, a claim Kapi disputes.")
    assert "The ministry" not in _entities(nlp, text)["Kapi Legal Aid"].aliases


def test_a_name_with_and_whose_initials_the_article_writes_is_one_name(nlp):
    # the tagger may cut "U.S. Immigration and Customs Enforcement" at "and"; the article's "ICE" says
    # the words after it belong to the same name
    text = ("The agreement with U.S. Immigration and Customs Enforcement, in place since 2019, pays the county "
            "$92 a day. ICE officers arrested a worker in March.")
    ents = _entities(nlp, text)
    assert "U.S. Immigration and Customs Enforcement" in ents and "Customs Enforcement" not in ents


def test_a_legal_form_ends_a_company_name_and_of_after_it_says_where_it_is_from(nlp):
    text = "The job went to Strand Paving & Grading Co. of Dubuque, which submitted the lowest of three bids."
    ents = _entities(nlp, text)
    assert "Strand Paving & Grading Co." in ents and "Strand Paving & Grading Co. of Dubuque" not in ents
    assert ents["Dubuque"].type == "GPE"


def test_the_company_is_the_business_the_lede_names_first_when_none_is_named_most(nlp):
    # a recall story names the regulator more often than the drugmaker; "the company" is still the
    # business the first sentence is about, not the agency, and not another firm named as often
    text = ("Quillan Pharma Inc said on Monday it was recalling 12 lots of its heart drug made with an ingredient "
            "from Norcross Labs. Quillan has used Norcross since 2015, and Norcross declined to comment.\n\n"
            "The U.S. Food and Drug Administration said patients should keep taking the drug. The FDA posted a "
            "notice on its website. The FDA has found the impurity in other drugs this year.\n\n"
            "The recall will cost about $4 million, the company said.")
    assert "the company" in _entities(nlp, text)["Quillan Pharma Inc"].aliases


def test_a_known_town_where_a_verb_of_going_goes_is_a_place(nlp):
    # the model may read a town's name after "to" as a person's; after "drive", "travel", "move" it is
    # where one goes, and so is a town joined to it by "or"
    text = ('"Patients now have to drive an hour to Beavercreek or Greenfield for a scan," said Nora Pike, '
            'a nurse.')
    ents = _entities(nlp, text)
    assert ents["Beavercreek"].type == "GPE" and ents["Greenfield"].type == "GPE"


def test_an_office_named_after_its_holders_title_is_one_name(nlp):
    # "the Story County Attorney's Office": the model may tag the place and the title, never the office
    text = "The theft charge was dropped on Friday, the Story County Attorney's Office said."
    ents = _entities(nlp, text)
    assert "Story County Attorney's Office" in ents and "Story County Attorney" not in ents


def test_air_and_market_end_company_names(nlp):
    # an airline named "X Air", a grocer named "X Market": capitalized words ending in a head noun of
    # businesses name one, whatever the model made of them
    text = ("Crowds came when Cedar Hollow Market opened its doors. It was the third delay involving Sandhill Air "
            "this week.")
    ents = _entities(nlp, text)
    assert ents["Cedar Hollow Market"].type == "ORG" and ents["Sandhill Air"].type == "ORG"


def test_a_name_cut_short_of_the_name_written_whole_before_is_that_name(nlp):
    text = ("The crash was the second involving Bluestem Air in two years.\n\n"
            "Bluestem Air Flight 4417, a Bombardier CRJ900 arriving from Omaha, left the runway.")
    ents = _entities(nlp, text)
    assert "Air" not in ents and len(ents["Bluestem Air"].mentions) == 2


def test_a_body_of_a_list_of_portfolios_keeps_the_list_in_its_name(nlp):
    # a comma between names separates two names, but not inside "Department of A, B and C"
    text = "Dairy farmers asked the Vermont Department of Labor, Industry and Workforce Safety for help on Monday."
    ents = _entities(nlp, text)
    assert "Vermont Department of Labor, Industry and Workforce Safety" in ents
    text = "The deal was backed by Acme Holdings, Brandt Capital and Vossler Group."
    ents = _entities(nlp, text)
    assert "Brandt Capital" in ents


def test_the_agency_is_the_public_body_just_named(nlp):
    # news calls a body it has just named "the agency", whatever other bodies or initials the story has
    text = ("The NTSB sent five investigators to the crash site. A crew member was hurt, the Colorado Department "
            "of Transportation said in a statement. The agency said the road would stay closed until Friday. "
            "The NTSB expects to release a report within 30 days.")
    assert "The agency" in _entities(nlp, text)["Colorado Department of Transportation"].aliases


def test_the_store_is_the_one_business_named_as_a_store_is(nlp):
    # a hardware store's or a supply store's name ends in "Hardware" or "Supply": "the store" stands for it
    text = ("Lena Brandt ran Brandt Hardware & Supply on Main Street for 40 years. Her son has managed the store "
            "since 2015.")
    assert "the store" in _entities(nlp, text)["Brandt Hardware & Supply"].aliases


def test_a_co_op_is_one_common_noun_and_stands_for_the_cooperative(nlp):
    text = ("The Lakeland Rural Electric Cooperative cut power to 9,000 customers on Monday. The co-op said "
            "service would return by Friday.")
    doc = nlp(text)
    co_op = next(t for t in doc if t.lower_ == "co-op")
    assert co_op.pos_ == "NOUN" and co_op.tag_ == "NN"
    assert "The co-op" in _entities(nlp, text)["Lakeland Rural Electric Cooperative"].aliases


def test_a_towns_name_modifying_a_noun_after_the_is_still_the_towns(nlp):
    # "at the Indianola gauge": the article is the gauge's; a one-word name after "the" that stands
    # alone is no small town's, but one that modifies a common noun may be ("the Mustang car brand" a brand's)
    text = ("The river crested at 21 feet at the Indianola gauge on Sunday. A state team will visit Indianola on "
            "Wednesday. Homes in Indianola flooded.")
    assert _entities(nlp, text)["Indianola"].type == "GPE"


def test_the_city_of_a_local_story_is_its_councils_or_its_datelines(nlp):
    # named once or by its council only, the story's city is still "the city"
    text = ("Trash pickup in Greeley will cost more next year. Haulers blamed fuel prices. Landfill fees rose too. "
            "Recycling costs doubled. The City Council voted 5-2 on Monday to raise the fees, and the Greeley City "
            "Council will take up water rates next. Council member Ana Ruiz said the city had not raised them since "
            "2015.")
    assert "the city" in _entities(nlp, text)["Greeley"].aliases
    text = ("YAKIMA, Wash. (AP) \u2014 A jury convicted a former guard of murder on Thursday.\n\n"
            "The killing came during a violent year for the city, police said.")
    assert "the city" in _entities(nlp, text)["Yakima"].aliases
    # its government written in lower case after its possessive ("Pueblo's city employee pension fund")
    text = ("Pueblo's city employee pension fund will pull its money out of hedge funds run by Denver-based Granite "
            "Arch Partners. Trustees voted Thursday. The fund lost money. Fees rose. The vote comes as the city "
            "struggles to keep up with its pension bills.")
    assert "the city" in _entities(nlp, text)["Pueblo"].aliases


def test_a_body_named_for_a_place_names_the_place_for_the_state_and_the_county(nlp):
    # "the Kansas Department of Revenue ... the state", "the Story County Board of Supervisors ... the county"
    text = ("Diesel prices in Kansas rose in May. Truckers complained. Farmers did too. Shippers paid more. "
            "The Kansas Department of Revenue ordered a fuel dealer to pay back taxes, and the state will keep its "
            "license on hold.")
    assert "the state" in _entities(nlp, text)["Kansas"].aliases
    text = ("The Story County Board of Supervisors voted 4-1 on Tuesday to replace the old bridge. Crews began work "
            "in June. Traffic moved to a detour. Trucks went around. Last year, the county lowered the weight limit. "
            "Story County has 23 weak bridges.")
    assert "the county" in _entities(nlp, text)["Story County"].aliases


def test_a_one_word_source_after_according_to_is_no_unnamed_person(nlp):
    # the model may tag a one-word source a person; a person is cited by full name first, a body by one word
    text = ("The top ten films took in $118 million, according to Ipsos. \"Nobody saw this coming,\" said "
            "Ipsos senior analyst Rhea Okafor.")
    assert _entities(nlp, text)["Ipsos"].type == "ORG"


def test_a_place_is_never_the_short_form_of_a_public_body_named_for_it(nlp):
    # "Halden" may stand for "Halden Energy Partners"; "Longmont" never for its city council or chamber of
    # commerce, and "Longmont's population" is a place's (only a place has a population)
    text = ("After five hours of comment, the Longmont City Council voted 6-3 early Wednesday to rezone 148 acres "
            "of farmland. The Longmont Chamber of Commerce backed the plan. Mayor Tom Ferrante said before the "
            "vote that Longmont's population has grown by nearly 20 percent since 2010. Rents in Longmont have "
            "doubled.")
    ents = _entities(nlp, text)
    assert ents["Longmont"].type == "GPE" and len(ents["Longmont"].mentions) == 2
    assert ents["Longmont City Council"].aliases == [] and ents["Longmont Chamber of Commerce"].aliases == []


def test_a_union_local_is_one_organization_and_local_n_its_short_form(nlp):
    # a numbered branch is named by its organization's name, the branch word and the number ("Lodge 7"),
    # and called by the last two alone; "the union" is it too
    text = ("Workers at the Ferrisburg plant belong to Glass Makers Union Local 418. Dana Obi, president of "
            "Local 418, said the union would vote Friday. Officers of the Fraternal Order of Police Lodge 22 "
            "backed the plan.")
    found = _entities(nlp, text)
    local = found["Glass Makers Union Local 418"]
    assert local.type == "ORG"
    assert {m.text for m in local.mentions} >= {"Glass Makers Union Local 418", "Local 418", "the union"}
    assert found["Fraternal Order of Police Lodge 22"].type == "ORG"


def test_the_company_is_never_a_union(nlp):
    # a story about a strike names the union as often as the employer; "the company" is the employer
    text = ("Workers at Halvorsen Pumps' factory in Dayton returned Monday after a six-day strike. Members of "
            "Machinists Union Local 912 approved the contract Sunday, according to Local 912. The company, a "
            "unit of Brandt Holdings, said in a statement that output would recover within a week. Halvorsen "
            "Pumps will also add 40 jobs, and the union said it would watch the hiring closely.")
    found = _entities(nlp, text)
    company = {m.text for m in found["Halvorsen Pumps"].mentions}
    assert "The company" in company
    assert "the union" in {m.text for m in found["Machinists Union Local 912"].mentions}


def test_a_name_ending_in_a_carriers_or_a_trades_word_is_a_company(nlp):
    # shipping, bus and cruise companies are "Lines"; telecoms, freight and trucking firms name their trade
    text = ("OSLO, May 2 (Reuters) - Tormund Container Line swung to a profit in the first quarter. Tormund "
            "also ordered four ships. Separately, Brisk Valley Wireless said it would buy Kettle Ridge "
            "Trucking. Analysts expect Brisk Valley to pay $40 million.")
    found = _entities(nlp, text)
    assert found["Tormund Container Line"].type == "ORG"
    assert "Tormund" in {m.text for m in found["Tormund Container Line"].mentions}
    assert found["Brisk Valley Wireless"].type == "ORG"
    assert "Brisk Valley" in {m.text for m in found["Brisk Valley Wireless"].mentions}
    assert found["Kettle Ridge Trucking"].type == "ORG"


def test_a_local_body_written_after_its_county_is_one_name(nlp):
    # the model tags the county and leaves the court to another rule; the court is the county's, one name
    text = ("Ben Osei, a lawyer whose practice, Hale & Dunn, filed a class-action suit against Front Range on Monday "
            "in Mesa County District Court on behalf of 14 homeowners.")
    found = _entities(nlp, text)
    assert "Mesa County District Court" in found and found["Mesa County District Court"].type == "ORG"
    assert "District Court" not in found


def test_an_untagged_district_named_with_a_hyphen_is_one_body(nlp):
    # a hyphen joins two capitalized words of one name, "School District" makes it a body, and the name goes
    # on after the two words, so they are no pair of surnames (where the model tags nothing, as it may not)
    doc = nlp("It is the largest bond in the history of the Dalton-Orme School District.")
    doc.ents = []
    found = {e.name: e for e in extract_entities(doc).entities}
    assert found["Dalton-Orme School District"].type == "ORG"
    text = ("Turnout set a record in the history of the Marlow-Dunn School District. Mark Brandt, a teacher, and "
            "Ann Dunn voted early.")
    assert _entities(nlp, text)["Marlow-Dunn School District"].type == "ORG"


def test_an_organizations_noun_before_a_persons_title_is_whose_post_it_is(nlp):
    # "company President Ana Ruiz" says whose president she is, never that she is a company
    text = ("Kestrel Cabinetry will close its Hickory plant in March. Orders have fallen by a third, company "
            "President Ana Ruiz said Tuesday. \"These are people who gave us 30 years,\" Ruiz said. The company, "
            "which is privately held, employs about 400 people in all.")
    found = _entities(nlp, text)
    assert "The company" not in {m.text for m in found["Ana Ruiz"].mentions}
    assert "The company" in {m.text for m in found["Kestrel Cabinetry"].mentions}


def _tagged(nlp, text, tags):
    """A Doc with the model's entity tags set as given ((text, occurrence, label)): what the model may
    output, fixed so that a rule over it can be read."""
    from spacy.tokens import Span
    doc = nlp(text)
    spans, seen = [], {}
    for word, label in tags:
        start = text.index(word, seen.get(word, 0))
        seen[word] = start + len(word)
        span = doc.char_span(start, start + len(word))
        spans.append(Span(doc, span.start, span.end, label=label))
    doc.ents = spans
    return doc


def test_a_one_word_person_never_shown_to_be_one_is_the_organization_the_model_tags_it_elsewhere(nlp):
    text = ("Veloxa is buying Brightmoor Studios for $80 million. Veloxa's shares rose 4 percent. Analysts said "
            "Veloxa would cut costs. A spokesman said the deal would close in May.")
    doc = _tagged(nlp, text, [("Veloxa", "PERSON"), ("Brightmoor Studios", "ORG"), ("Veloxa", "PERSON"),
                              ("Veloxa", "ORG")])
    assert {e.name: e.type for e in extract_entities(doc).entities}.get("Veloxa") == "ORG"
    doc = _tagged(nlp, "Menomonie lost 40 jobs. Officials in Menomonie said Menomonie would recover.",
                  [("Menomonie", "PERSON"), ("Menomonie", "PERSON"), ("Menomonie", "ORG")])
    assert {e.name: e.type for e in extract_entities(doc).entities}.get("Menomonie") == "GPE"


def test_a_city_written_as_a_place_is_not_the_airport_named_for_it(nlp):
    text = ("Flights from Spokane International Airport rose 12 percent last year. Skyward Air said it would add "
            "about 40 jobs in Spokane, mostly gate agents.")
    found = _entities(nlp, text)
    assert found["Spokane"].type == "GPE"
    assert "Spokane" not in {m.text for m in found["Spokane International Airport"].mentions}


def test_the_town_after_a_persons_age_is_where_the_person_lives(nlp):
    # news gives a person's age and town in commas after the name: the town is a place, whatever the tag
    text = "Marla Quist, 61, of Fostoria, said she waited four hours. Dale Kemper, 44, of Franklin, agreed."
    found = _entities(nlp, text)
    assert found["Fostoria"].type == "GPE" and found["Franklin"].type == "GPE"


def test_a_bare_kind_of_business_is_the_business_the_article_is_about(nlp):
    # "the automaker" is named by its kind of business, as "the company" is: the business of the story,
    # not the regulator named as often
    text = ("Korvath Motor Co. is recalling 90,000 SUVs because the fuel pumps can fail. Documents posted by the "
            "National Highway Traffic Safety Administration say the pumps can stick. The automaker says it knows "
            "of 12 crashes. The National Highway Traffic Safety Administration opened an inquiry in May, and "
            "Korvath said it would notify owners.")
    found = _entities(nlp, text)
    assert "The automaker" in {m.text for m in found["Korvath Motor Co."].mentions}


def _descriptions(found, name):
    return [m.text for m in found[name].mentions if m.kind == "description"]


@pytest.mark.parametrize("text, descriptions", [
    # "Dora Vance, the company's president": the name next to it is the president's; "the company" still
    # stands for a company, the one just named (the business named most, later on, cannot be meant yet)
    ("The county awarded the roofing contract to Pellham Roofing Co. of Dayton on Tuesday. Dora Vance, the "
     "company's president, said crews were ready. Last week a losing bidder, Gravely Paving, filed a protest. "
     "Gravely Paving said the bid was flawed, and Gravely Paving's lawyers wrote to the board.",
     {"Pellham Roofing Co.": ["the company"], "Gravely Paving": []}),
    # "A company spokeswoman" right after a sentence about one business speaks for that one, though the
    # article called another "the company" before
    ("Pellham Roofing Co. won the roofing contract on Tuesday. The company will start work in June. A losing "
     "bidder, Gravely Paving, filed a protest last week. Gravely Paving's bid was $2.3 million. A company "
     "spokeswoman declined to comment on Tuesday.",
     {"Pellham Roofing Co.": ["The company"], "Gravely Paving": ["company"]}),
    # a country's central bank is no company, though the sentence before is about it
    ("Accra Grain Mills Plc said its profit fell 20 percent. The cedi has weakened since the Bank of Ghana cut its "
     "rate in June. Kofi Mensah said the company had cut 120 jobs.",
     {"Accra Grain Mills Plc": ["the company"], "Bank of Ghana": []}),
])
def test_a_companys_description_is_the_business_it_refers_back_to(nlp, text, descriptions):
    found = _entities(nlp, text)
    assert {name: _descriptions(found, name) for name in descriptions} == descriptions


def test_a_street_or_a_wire_credit_is_never_the_company(nlp):
    # a facility is no company, whatever the parse makes of the name's type (tags fixed as the model may give
    # them), and a dateline's wire credit is no organization of the story
    text = ("The Plymouth council approved a $2 million grant on Tuesday for two employers, Alder Foods and "
            "Brisco Dairy. Alder Foods will add 40 jobs and Brisco Dairy will add 45. The money will pay for a new "
            "road to the plants on Eastern Avenue. \"We have waited years for this,\" said Dan Hollander, the "
            "company's president.")
    doc = _tagged(nlp, text, [("Plymouth", "GPE"), ("$2 million", "MONEY"), ("Tuesday", "DATE"),
                              ("Alder Foods", "ORG"), ("Brisco Dairy", "ORG"), ("Alder Foods", "ORG"),
                              ("40", "CARDINAL"), ("Brisco Dairy", "ORG"), ("45", "CARDINAL"),
                              ("Eastern Avenue", "FAC"), ("Dan Hollander", "PERSON")])
    found = {e.name: e for e in extract_entities(doc).entities}
    assert _descriptions(found, "Eastern Avenue") == []
    text = ("DENVER (AP) — Colorado's insurance regulator on Wednesday ordered a Loveland-based insurer to reopen "
            "3,000 hail claims, saying the company had relied on a flawed computer review. The Colorado Division of "
            "Insurance said Front Range Mutual Insurance Co. must pay a $250,000 fine.")
    assert _descriptions(_entities(nlp, text), "AP") == []


def test_an_ordinal_in_figures_before_a_numbered_kind_of_name_is_part_of_it(nlp):
    # units of armed forces, districts and amendments are numbered by an ordinal written in front of the
    # name ("2nd Marine Division"); the model tags the ordinal apart
    found = _entities(nlp, "Mabry served with the 2nd Combat Engineer Battalion of the 2nd Marine Division at "
                           "Camp Lejeune. The 101st Airborne Division left on Monday.")
    assert {"2nd Combat Engineer Battalion", "2nd Marine Division", "101st Airborne Division"} <= set(found)
    assert "Marine Division" not in found


def test_a_place_named_for_a_saint_keeps_the_saints_title(nlp):
    # churches, schools and hospitals are named for saints: "St." and the saint's possessive are words of
    # the name, wherever the model cuts it
    found = _entities(nlp, "The bishop told reporters at St. Peter Cathedral, near St. Mary's Catholic Church in "
                           "St. Louis.")
    assert {"St. Peter Cathedral", "St. Mary's Catholic Church", "St. Louis"} <= set(found)
    assert "St." not in found and "Catholic Church" not in found


def test_a_veterans_post_is_a_numbered_branch(nlp):
    # "American Legion Post 63" is one organization, as a union's "Local 1287" is, and "Post 63" its short form
    found = _entities(nlp, "Curtis Bramlett leads American Legion Post 63 in Augusta. Post 63 has 400 members.")
    assert found["American Legion Post 63"].type == "ORG"
    assert "Post 63" in found["American Legion Post 63"].aliases


def test_a_body_named_by_its_kind_of_a_place_is_one_name(nlp):
    # "the Diocese of Pittsburgh", "the Roman Catholic Diocese of Erie": a body's kind "of" the place it
    # serves, with the words of its name before it, is one organization, however the model tags the parts
    found = _entities(nlp, "The Roman Catholic Diocese of Erie will close 22 churches. Priests from the "
                           "Archdiocese of Philadelphia and the Diocese of Pittsburgh came on Sunday.")
    assert {"Roman Catholic Diocese of Erie", "Archdiocese of Philadelphia", "Diocese of Pittsburgh"} <= set(found)
    assert all(found[n].type == "ORG" for n in ("Roman Catholic Diocese of Erie", "Archdiocese of Philadelphia"))


def test_a_wire_credit_is_the_agencys_initials_not_another_names(nlp):
    # "(AP)" in a dateline stands for every word of the agency's name, never for the initials a story's
    # body happens to share ("Archdiocese of Philadelphia"), and joins the agency where it is named
    found = _entities(nlp, "ERIE, Pa. (AP) — Priests from the Archdiocese of Philadelphia came on Sunday, "
                           "officials told The Associated Press.")
    assert "AP" not in {m.text for m in found["Archdiocese of Philadelphia"].mentions}
    agency = next(e for name, e in found.items() if name.endswith("Associated Press"))
    assert "AP" in {m.text for m in agency.mentions}


def test_a_bank_of_a_place_keeps_its_first_word(nlp):
    # "Bank" opens "Bank of England" as "Inc." never opens a name: only a stray legal form in front of a
    # name is cut ("Inc. | Acme makes pumps")
    found = _entities(nlp, "The Bank of England raised rates on Thursday, and analysts at the Bank of America "
                           "expect another rise.")
    assert {"Bank of England", "Bank of America"} <= set(found)


def test_a_small_town_is_known_where_the_sentence_uses_it_as_a_place(nlp):
    # towns of a few thousand people share names with people and companies: the gazetteer's small towns
    # count only where the sentence puts a place ("in Union Gap", "a Vinton hog farmer", "the town of X")
    found = _entities(nlp, "Haverkamp Ford in Union Gap gave $2,000 to the campaign. Dave Lindqvist, a Vinton "
                           "hog farmer, lost his crop. The fire spread to the nearby town of Albion.")
    assert found["Union Gap"].type == "GPE" and found["Vinton"].type == "GPE" and found["Albion"].type == "GPE"
    # a brand before a thing, not a trade, is no town's ("a Clymer manual")
    found = _entities(nlp, "This is my first time with a Clymer manual, and it is thorough.")
    assert found.get("Clymer") is None or found["Clymer"].type != "GPE"


def test_an_abbreviation_with_periods_gives_all_its_letters_to_an_acronym(nlp):
    # "USDA" stands for "U.S. Department of Agriculture": "U.S." gives both its letters
    found = _entities(nlp, "The U.S. Department of Agriculture confirmed the case on Tuesday. The USDA said it "
                           "would pay farmers for the birds.")
    assert "USDA" in found["U.S. Department of Agriculture"].aliases and "USDA" not in found


def test_a_state_body_described_is_never_the_nations(nlp):
    # "the state agriculture department" is a state's department, not the U.S. Department of Agriculture
    found = _entities(nlp, "The U.S. Department of Agriculture confirmed bird flu at a farm near Sheldon on "
                           "Tuesday. The state agriculture department also suspended poultry shows.")
    assert "The state agriculture department" not in {
        m.text for m in found["U.S. Department of Agriculture"].mentions}


def test_a_wildfire_is_named_for_the_landmark_where_it_started(nlp):
    # "Bear Gulch Fire": a landmark's name and "Fire" name a wildfire, an event; "Cal Fire" is no event
    found = _entities(nlp, "The Bear Gulch Fire had burned 4,200 acres by Tuesday, and the Elk Hollow Fire grew "
                           "overnight, Cal Fire said.")
    assert found["Bear Gulch Fire"].type == "EVENT" and found["Elk Hollow Fire"].type == "EVENT"
    assert found.get("Cal Fire") is None or found["Cal Fire"].type != "EVENT"


def test_a_building_is_named_by_its_kind(nlp):
    # "Polk County Courthouse", "Gantt Fieldhouse": the last word says a building, a facility
    found = _entities(nlp, "Outside the Polk County Courthouse, Kou Vang held a photo of his son. The Drovers play "
                           "Saturday at Gantt Fieldhouse.")
    assert found["Polk County Courthouse"].type == "FAC" and found["Gantt Fieldhouse"].type == "FAC"


def test_a_body_whose_words_are_also_titles_is_a_name(nlp):
    # "General Assembly": words that are also titles ("General"), ending in a body's head noun, name a body
    found = _entities(nlp, "Lawmakers in the General Assembly changed the law in 2019.")
    assert found["General Assembly"].type == "ORG"


def test_a_river_or_landform_after_the_is_a_place(nlp):
    # capitalized words after "the" ending in a river's or landform's word name a place the model may miss
    found = _entities(nlp, "It was the worst flood since 1937, when the Ohio River put four feet of water in the "
                           "streets.")
    assert found["Ohio River"].type == "LOC"


def test_a_street_named_by_an_ordinal_is_a_facility(nlp):
    # "East 12th Street": a compass word, an ordinal and a street's kind, which the model may read as a date
    found = _entities(nlp, "The store on East 12th Street opened on Monday near Southeast 14th Avenue.")
    assert found["East 12th Street"].type == "FAC" and found["Southeast 14th Avenue"].type == "FAC"


def test_a_double_surname_after_a_given_name_is_one_persons(nlp):
    # "Jenna Ostrowski-Reed": a hyphen joins two surnames of one person where a given name comes first, even
    # where the story names another Ostrowski ("the Bezos-Musk rivalry" is a pair)
    found = _entities(nlp, "Carl Ostrowski opened the store in 1952. Ostrowski died in May. His granddaughter, "
                           "Jenna Ostrowski-Reed, 34, said the family would keep it open.")
    assert found["Jenna Ostrowski-Reed"].type == "PERSON"


def test_a_given_name_the_model_left_out_before_a_tagged_name_opens_it(nlp):
    # the model tagged "Gusmão Duarte" and not the given name the parser hangs on it
    found = _entities(nlp, '"We have never had to ask this much," Cominas Chairman Renata Gusmão Duarte told a '
                           'news conference. Duarte said supplies would fall.')
    assert found["Renata Gusmão Duarte"].type == "PERSON" and "Gusmão Duarte" not in found


def test_a_surname_alone_is_the_person_not_the_family_business_named_after_him(nlp):
    # "Saucedo" after "Gilberto Saucedo" and "Saucedo Produce Co.": the person, as a surname alone is once
    # the full name is given; the business keeps its own name
    found = _entities(nlp, "Gilberto Saucedo spent Monday on the phone. The owner of Saucedo Produce Co., a "
                           "South Side importer, pays his growers in pesos. For importers like Saucedo, a weaker "
                           "peso is good news. Saucedo said he used the dip to prepay $600,000.")
    assert "Saucedo" in found["Gilberto Saucedo"].aliases and "Saucedo" not in found["Saucedo Produce Co."].aliases


def test_a_three_word_name_keeps_a_first_given_name_the_lists_lack(nlp):
    # "Rokeya" is in no list of given names, "Sultana" is: a plain capitalized word before a listed given name
    # and a surname opens the name; a title or agent noun in front ("Alder", "Recorder") does not
    found = _entities(nlp, "Rokeya Sultana Munni, general secretary of the union, said the strike would go on. "
                           "Alder Patrick Heiden opposed it. Munni said talks had failed.")
    assert found["Rokeya Sultana Munni"].type == "PERSON" and "Sultana Munni" not in found
    assert "Patrick Heiden" in found and "Alder Patrick Heiden" not in found


def test_a_given_name_and_a_surname_after_an_office_with_words_before_its_title_are_a_person(nlp):
    # "City Councilwoman Ana Corbal", untagged: the office's words ("City") before the capitalized title,
    # then a given name and a surname
    found = _entities(nlp, "City Councilwoman Ana Corbal welcomed the decision. "
                           "Corbal said the fund had cost too much.")
    assert found["Ana Corbal"].type == "PERSON" and "Corbal" not in found


def test_a_shop_named_for_its_owner_is_one_name(nlp):
    # "Furtado's Bakery": the owner's name, "'s" and a capitalized kind of shop name the business
    found = _entities(nlp, "John Furtado, the owner of Furtado's Bakery a few blocks away, said he voted for the "
                           "first time.")
    assert found["Furtado's Bakery"].type == "ORG" and found["John Furtado"].type == "PERSON"


@pytest.mark.parametrize("text, name, description", [
    # news calls a body it has just named "the agency", a sentence or two later, whatever else the article
    # names (an acronym named earlier, "NYSE", may be a body too, so the article as a whole does not say)
    ("Shares of Acme Air fell on the NYSE. The Federal Aviation Administration ordered Acme Air to ground 12 jets on "
     "Thursday. Acme Air canceled 40 flights. The agency said the inspections would take a week.",
     "Federal Aviation Administration", "The agency"),
    # a description refers back to the only thing of its kind already introduced, however far back
    ("Lorain County commissioners approved a $2 million plan on Tuesday to repave rural roads. Crews will start in "
     "May. Residents asked for years. The money will come from the county's reserve fund.",
     "Lorain County", "the county"),
    # "West Chester Township ... the township": a township or borough is called by its kind, as a county is
    ("West Chester Township trustees voted 2-1 on Tuesday to approve the plan. Neighbors said traffic would worsen. "
     "The township will study the road next year.", "West Chester Township", "The township"),
    # a company is called by its trade ("the brewer", "the shipbuilder"), as by "the company"
    ("Kilimanjaro Breweries raised the price of its lager by 8% on Monday. The brewer blamed a rise in excise duty.",
     "Kilimanjaro Breweries", "The brewer"),
    # a description with an apposition its possessor opens ("South Korea's fifth-largest") still refers back
    ("Daewon Marine Industries said the strike would cost it 30 billion won a day. The shipbuilder, South Korea's "
     "fifth-largest by order book, posted a loss last year.", "Daewon Marine Industries", "The shipbuilder"),
    # "the country" before any country is named: the country of the story's dateline
    ("OTTAWA — Larkspur Bank tripled its provisions. The Ottawa-based lender, the country's seventh-largest bank, "
     "said losses rose. Canada's jobless rate rose.", "Canada", "the country"),
    # the members of a body, as the subject, carry it as a sentence's topic ("the group" in the same sentence)
    ("Crops were poor. Members of the Rural Tenants' Movement occupied a farm owned by Verde Agro Ltd and Ceres "
     "Grain Ltd, the latest targets of the group's spring campaign.", "Rural Tenants' Movement", "the group"),
])
def test_a_description_refers_back_to_the_body_or_place_it_names(nlp, text, name, description):
    assert description in {m.text for m in _entities(nlp, text)[name].mentions}


# (text, {name: (type or None, aliases it has at least)}, names it must not hold, whether those named are all)
NAME_CASES = [
    # a landform's name written where a place goes is the landform, not short for a group named after it
    ("The Harlow Creek Coalition sued the plant on Monday. Families along Harlow Creek have been told to keep out "
     "of the water, the coalition said.", {"Harlow Creek": ("LOC", set()), "Harlow Creek Coalition": ("ORG", set())},
     set(), False),
    # the plural possessive of a group of the public a body serves is a word of its name
    ("Sen. Mark Dorsey, who chairs the Senate Veterans’ Affairs Committee, asked for the audit.",
     {"Senate Veterans’ Affairs Committee": ("ORG", set())}, {"Senate Veterans", "Affairs Committee"}, False),
    # a game studio or publisher named by its trade ("Interactive", "Games", "Publishing") is a company
    ("Chengdu-based Tianqi Interactive said on Monday its new game sold 2 million copies. Tianqi said sales would "
     "rise.", {"Tianqi Interactive": ("ORG", {"Tianqi"})}, set(), False),
    # a trade in the plural ends a company's name, whatever given name opens it
    ("Police said the owner's firm, Ravi Shankar Developers, added two floors to the building in 2011.",
     {"Ravi Shankar Developers": ("ORG", set())}, set(), False),
    # "The" opening the lede after a dateline is the sentence's first word, no part of the name ("The Associated
    # Press" inside a sentence is)
    ("Paris (AFP) - The European Space Agency said Tuesday it had stopped trying to contact its probe.",
     {"European Space Agency": ("ORG", set())}, {"The European Space Agency"}, False),
    # a kind of business named by its trade right before a name says the name is a company's, whatever given name
    # opens it; a rival with no trade may be a person's
    ("Its largest tenant, the law firm Brennan Halloway, moved 300 employees last year, according to property "
     "consultancy Pemberton Sayle. Ukraine was asked to investigate political rival Joe Biden.",
     {"Brennan Halloway": ("ORG", set()), "Pemberton Sayle": ("ORG", set()), "Joe Biden": ("PERSON", set())},
     set(), False),
    # a regulator, an ombudsman, a tribunal and an inspectorate are public bodies by their names' last words
    ("The Fundraising Regulator said it had received 14 complaints. The case went to the Administrative Appeals "
     "Tribunal, and the Commonwealth Ombudsman said so.", {"Fundraising Regulator": ("ORG", set()),
     "Administrative Appeals Tribunal": ("ORG", set()), "Commonwealth Ombudsman": ("ORG", set())}, set(), False),
    # a city is its own place, not short for a place whose name holds it after words of its own
    ("The charity runs 11 centres across Greater Manchester. It moved its office to Manchester in 2010.",
     {"Greater Manchester": (None, set()), "Manchester": ("GPE", set())}, set(), False),
    # a legal form the model tagged alone ends the name of capitalized words before it, the sentence's first too;
    # lending and loan servicing are trades companies are named for
    ("Redbud Lending LLC agreed to pay $2.5 million. Ridgeway Loan Servicing filed a lawsuit against Castellan "
     "Realty Partners.", {"Redbud Lending LLC": ("ORG", set()), "Ridgeway Loan Servicing": ("ORG", set())},
     {"Lending LLC"}, False),
    # a legal form written in lower case (Britain's "plc", Iceland's "hf.") ends the company's name, whether the
    # model tagged it with the name or left it out; the name without it is the company's short form
    ("British live entertainment group Halloway Live plc agreed to buy Southern Star Touring. Halloway will pay in "
     "cash. Reykjavik-based Eyjaberg hf. said on Monday it would sell two trawlers, and Eyjaberg will keep six.",
     {"Halloway Live plc": ("ORG", {"Halloway"}), "Eyjaberg hf": ("ORG", {"Eyjaberg"})}, {"Halloway Live"}, False),
    # a name that was founded or employs people is an organization's, however much it reads as a person's: the
    # leading words of a company's name, once named in full, are its short form
    ("The suit names Lowell Precision Plating Inc. and its owner, Gerald Lowell. Lowell Precision, founded in "
     "1978, employs about 60 people. Walter Ames founded in 2017 a rival shop.",
     {"Lowell Precision Plating Inc.": ("ORG", {"Lowell Precision"}), "Walter Ames": ("PERSON", set())},
     {"Lowell Precision"}, False),
    # an institution whose one-word name is a title's word, alone with no title word after it, is the body ("the
    # Treasury prepares", "Treasury figures show"; not "Treasury Secretary Ann Lee", "Council member Jo Park"), and
    # written without "the" before the full name, its short form ("tabled in Parliament" ... "Queensland Parliament")
    ("The Treasury prepares to take over the debt, Treasury figures show. Treasury Secretary Ann Lee agreed, and "
     "Council member Jo Park voted no.", {"Treasury": ("ORG", set()), "Ann Lee": ("PERSON", set())},
     {"Council", "Treasury Secretary"}, False),
    ("The audit report was tabled in Parliament last month. The opposition will move a motion in Queensland "
     "Parliament tomorrow.", {"Queensland Parliament": ("ORG", {"Parliament"})}, set(), False),
    # Malaysia's honorific titles are forms of address, no words of the name, and a one-word person's name right
    # before another (no comma, no "and") is the first word of one name
    ("\"This is the order that takes us abroad,\" managing director Datuk Mohd Hafiz Rahman said. The agency's "
     "senior director Datuk Seri Hamdan Yusof confirmed the arrests.",
     {"Mohd Hafiz Rahman": ("PERSON", set()), "Hamdan Yusof": ("PERSON", set())},
     {"Datuk Mohd", "Hafiz Rahman", "Datuk Seri Hamdan Yusof"}, False),
    # an institute's or co-operative's kind written first in its own language opens its name
    ("The decision helped steelmakers, according to industry association Instituto Aço Brasil. Darmawan Situmorang, "
     "chairman of Koperasi Tani Sawit Makmur, a cooperative of smallholders, said prices fell.",
     {"Instituto Aço Brasil": ("ORG", set()), "Koperasi Tani Sawit Makmur": ("ORG", set())},
     {"Aço Brasil", "Tani Sawit Makmur"}, False),
    # a bank or institution named for its country by "of" is that country's own, not the short form of a bank whose
    # name ends so
    ("Tamarack Bank of Canada set aside $171 million for bad loans. The Bank of Canada raised its policy rate 10 "
     "times, and Tamarack said its borrowers were stretched.",
     {"Tamarack Bank of Canada": ("ORG", {"Tamarack"}), "Bank of Canada": ("ORG", set())}, set(), False),
    # a money amount's sign is no word of the name before it ("for Rs 215 crore")
    ("The board approved a stake in GreenLoop Recyclers for Rs 215 crore. GreenLoop runs two plants.",
     {"GreenLoop Recyclers": ("ORG", {"GreenLoop"})}, {"GreenLoop Recyclers for Rs"}, False),
    # "<place> police" is the place's police force, not its police board or its officers' association
    ("A constable with the Halden Police Service was charged. The Halden Police Board meets Tuesday, and the "
     "Halden Police Association objected. Halden police said the officer was on leave.",
     {"Halden Police Service": ("ORG", {"Halden police"})}, set(), False),
    # so is "The" after the quotation mark that opens a quoted sentence
    ("The FDA sent a warning letter to Acme Vascular. \"The FDA is not going to clear a catheter from that plant,\" "
     "Jo Park said.", {"FDA": ("ORG", set())}, {"The FDA"}, False),
    # the fields a body is named for after "for" are its name's, commas and all, as after "of"
    ("The wage dispute was referred to the Council for Mediation, Conciliation and Arbitration in Lusaka on Monday.",
     {"Council for Mediation, Conciliation and Arbitration": ("ORG", set())}, {"Arbitration", "Conciliation"}, False),
    # an agency named for the country it serves goes on with "of" and the country
    ("Commuter trains are run by the Rail Safety Agency of Botswana, which said 40 carriages were idle.",
     {"Rail Safety Agency of Botswana": ("ORG", set())}, {"Botswana"}, False),
    # the fields after a department's "of", and the trades of a union's members, are one body's name
    ("Prices fell 12% last year, according to the Idaho Department of Fish and Game.",
     {"Idaho Department of Fish and Game": (None, set())}, {"Game"}, False),
    ("He said talks with the Swedish Food and Allied Workers Union would start next week.",
     {"Swedish Food and Allied Workers Union": (None, set())}, set(), False),
    # the fields a board is of, written only in its name, before its head word
    # fields of two words after a department's "of", one of them also written in a longer name of its own
    ("According to the Department of Rural, Community Development and Gaeltacht, 11 councils voted to raise rates. "
     "The Community Development Fund paid for it.",
     {"Department of Rural, Community Development and Gaeltacht": ("ORG", set()),
      "Community Development Fund": ("ORG", set())}, {"Gaeltacht", "Department of Rural"}, False),
    ("The U.S. Chemical Safety and Hazard Investigation Board said it would look into the blast.",
     {"U.S. Chemical Safety and Hazard Investigation Board": (None, set())}, set(), False),
    # the trades of a body's members before "and" ("News Broadcasters"), and plural fields written only in the
    # name ("Financial Services") before a public office's head word ("Ombudsman")
    ("The code was set up by the News Broadcasters and Digital Association, an industry body. The Financial "
     "Services and Pensions Ombudsman upheld the complaint.",
     {"News Broadcasters and Digital Association": ("ORG", set()),
      "Financial Services and Pensions Ombudsman": ("ORG", set())},
     {"News Broadcasters", "Digital Association", "Financial Services", "Pensions Ombudsman"}, False),
    # fields after the head word and "of", listed with commas and a last "and", even where the model tagged a field
    # as a name; and two fields before the head word under one article; a body the article names alone too is its own
    ("Hawaii's Department of Commerce and Consumer Affairs fined the lender. Japan's Ministry of Education, "
     "Culture, Sports, Science and Technology cut the budget. The Treasury and Finance Ministry said so.",
     {"Department of Commerce and Consumer Affairs": ("ORG", set()),
      "Ministry of Education, Culture, Sports, Science and Technology": ("ORG", set()),
      "Treasury and Finance Ministry": ("ORG", set())}, {"Consumer Affairs", "Sports", "Finance Ministry"}, False),
    ("The Pentagon and State Department said so. The Pentagon agreed. The Ministry of Defence, Lockheed and Boeing "
     "signed. Lockheed said so.", {"Pentagon": (None, set()), "State Department": (None, set()),
                                    "Lockheed": (None, set()), "Boeing": (None, set())}, set(), False),
    # two bodies named side by side stay two
    ("The United Nations and European Union stressed the decision would not change the law.",
     {"United Nations": (None, set()), "European Union": (None, set())}, set(), False),
    ("Southeastern Grocers and Tops Markets both emerged from Chapter 11 last year.",
     {"Tops Markets": (None, set())}, set(), False),
    # fields joined by "and" before a body's head word, whatever the model read the first field as, and before
    # the place the body is of
    ("The Marine and Harbour Authority of Freedonia fined the ship. The Northern Competition and Consumer "
     "Commission (NCCC) said it would not oppose the deal.",
     {"Marine and Harbour Authority of Freedonia": ("ORG", set()),
      "Northern Competition and Consumer Commission": ("ORG", {"NCCC"})}, {"Consumer Commission"}, False),
    # the credit in brackets after a dateline is a news agency, where the model tagged nothing there
    ("SINGAPORE, March 12 (Seawire) - The port has detained a bulk carrier. Its owner told Seawire the ship "
     "would stay.", {"Seawire": ("ORG", set())}, set(), False),
    # "Mutual" ends an insurer's name; a people's possessive before it is inside the name, whatever the model
    # read the people as
    ("Its managing director, Victor Tam, told reporters that the company's insurer, Western Shipowners' Mutual, "
     "would pay.", {"Western Shipowners' Mutual": ("ORG", set())}, {"Western Shipowners"}, False),
    # a model number with letters ("A321neo") before a plural noun is a product's, not a count of the noun
    ("Kestrel Air has ordered 25 Airbus A321neo aircraft and will lease six Airbus A320ceo jets.",
     {"Airbus A321neo": ("PRODUCT", set()), "Airbus A320ceo": ("PRODUCT", set())}, set(), False),
    # capitalized words joined by the small words of Spanish or Portuguese names are one name (not "de facto")
    ("The Auditoría Superior de la Federación (ASF) found gaps, according to Ciudadanos Unidos por la Transparencia. "
     "President Luiz Inácio Lula da Silva spoke. The de facto leader of Banco do Brasil resigned.",
     {"Auditoría Superior de la Federación": ("ORG", {"ASF"}), "Ciudadanos Unidos por la Transparencia": ("ORG", set()),
      "Luiz Inácio Lula da Silva": ("PERSON", set()), "Banco do Brasil": ("ORG", set())},
     {"Ciudadanos Unidos", "Transparencia", "President Luiz Inácio Lula da Silva"}, False),
    # continents, their parts by a compass word and the world regions news names are locations, not countries
    ("Exports to Europe and East Africa rose, while sales in the Middle East fell. Drought hit the Sahel.",
     {"Europe": ("LOC", set()), "East Africa": ("LOC", set()), "Middle East": ("LOC", set()),
      "Sahel": ("LOC", set())}, set(), False),
    # a place the gazetteer knows lends its kind to the list it is in, whatever the model read it as
    ("The inspections will reach Kano, Enugu and Port Harcourt next month. Verde farms land across Bahia, Piauí "
     "and Tocantins.", {"Enugu": ("GPE", set()), "Piauí": ("GPE", set())}, set(), False),
    # the number of a money amount is no model number of the name before it
    ("The Nigerian Civil Aviation Authority fined Kestrel Air 30 million naira and Delta Rivers Aviation 15 million "
     "naira.", {"Kestrel Air": ("ORG", set()), "Delta Rivers Aviation": ("ORG", set())},
     {"Kestrel Air 30", "Delta Rivers Aviation 15"}, False),
    # a place in a hyphened modifier ("Mumbai-based") is no member of the list the name is in
    ("The port picked a joint venture of Dubai's Zarqa Ports International and Mumbai-based Varadh Infrastructure. "
     "Zarqa Ports said it would fund its share.",
     {"Zarqa Ports International": ("ORG", {"Zarqa Ports"})}, set(), False),
    # a person's title before capitalized words makes them one person's name, whatever the model read in them
    ("The board set the price, Chief Executive Kwabena Osei-Tutu told a news conference. \"We lost,\" chief "
     "executive Anand Pendyala told Reuters. Judge Alicia Benavides Ortuño sentenced him.",
     {"Kwabena Osei-Tutu": ("PERSON", set()), "Anand Pendyala": ("PERSON", set()),
      "Alicia Benavides Ortuño": ("PERSON", set())}, {"Anand", "Pendyala", "Alicia Benavides"}, False),
    # ... but not the words of a longer title ("Chief Events Officer") or a company before its chief's title
    ("\"It works,\" said Crescendo Live Chief Executive Dana Whitfield-Reyes and Chief Events Officer Lena Brunner.",
     {"Dana Whitfield-Reyes": ("PERSON", set()), "Lena Brunner": ("PERSON", set())},
     {"Executive Dana Whitfield-Reyes", "Events Officer Lena Brunner"}, False),
    # a common word a sentence opens with is no name the article writes alone
    ("\"Shipping lines are cutting routes,\" she said.\n\nThe plan needs approval from the Ministry of Harbours, "
     "Shipping and Waterways, which is expected next month.",
     {"Ministry of Harbours, Shipping and Waterways": ("ORG", set())}, {"Shipping", "Waterways"}, False),
    # peoples joined by a hyphen before a body's head word are words of its name
    ("The quota was set by the Joint Norwegian-Swedish Fisheries Commission in October.",
     {"Joint Norwegian-Swedish Fisheries Commission": (None, set())}, set(), False),
    # a rank at the bar after the name ("SC", "KC"); "Mr" before "Justice": the judge's form of address
    ("Niamh Doherty SC, for the State, said the sentence was too lenient.",
     {"Niamh Doherty": (None, set())}, {"Niamh Doherty SC"}, False),
    ("Mr Justice Colm Brennan said the appeal failed.", {"Colm Brennan": (None, set())}, set(), True),
    # a date the model tagged as a name is no entity
    ("The court heard that the officer had signalled Culhane to stop on the Old Mill Road shortly before midnight "
     "on 9 September 2022.", {"Old Mill Road": (None, set())}, {"9 September 2022"}, False),
    # "van der", "von der" written small inside a surname
    ('"We will contest this," Chief Executive Pieter van der Molen said.',
     {"Pieter van der Molen": (None, set())}, set(), True),
    ("Ursula von der Leyen spoke on Monday.", {"Ursula von der Leyen": (None, set())}, set(), True),
    # a name ending in a word of its trade is a company, with its short form; an outlet's too ("Desk", "Ledger")
    ("Harbor Bay Seafoods has agreed to buy the plant for $48 million. Harbor Bay said it would keep all 210 "
     "workers.", {"Harbor Bay Seafoods": ("ORG", {"Harbor Bay"})}, set(), False),
    ("Osprey Grid Storage has won a contract to build a battery system. Osprey said it would hire 40 people.",
     {"Osprey Grid Storage": ("ORG", {"Osprey"})}, set(), False),
    ('"We will not allow it," said Thabo Nkosi, who spoke to Coal Desk.', {"Coal Desk": ("ORG", set())}, set(), False),
    # a country's name is a place wherever it is written (the model may leave one opening a sentence untagged);
    # a given name that is also a country stays a name
    ("Nigeria imports nearly all of the wheat it consumes.", {"Nigeria": ("GPE", set())}, set(), False),
    ("Chad Smith said so.", {"Chad Smith": (None, set())}, set(), True),
    # British and South African style: an acronym written as a word, "(Numsa)", declared after the full name
    ("The National Union of Metalworkers of South Africa (Numsa) said it would strike. Numsa wants a 10% raise.",
     {"National Union of Metalworkers of South Africa": (None, {"Numsa"})}, {"Numsa"}, False),
    # "said X, head of research at Y": the post in apposition outweighs the organization a sayer may be
    ('"The deal makes sense," said Kunle Adewale, head of research at Lekki Capital Securities.',
     {"Kunle Adewale": ("PERSON", set())}, set(), False),
    # Norway's ASA (Italy's SpA, the Netherlands' NV): a company's name, whatever the model read the words before as
    ("Hvalsund Seafood ASA cut 85 jobs on Monday. Hvalsund declined to comment.",
     {"Hvalsund Seafood ASA": ("ORG", {"Hvalsund"})}, set(), False),
    # "LLC", "Inc." after words the model reads as a person's name: one company's name; a legal form the model
    # left out of the name still ends it
    ("The Ohio Casino Control Commission approved a settlement with Maumee Bay Gaming LLC, which owns the casino.",
     {"Maumee Bay Gaming LLC": ("ORG", set())}, {"LLC"}, False),
    ("An audit found that the sheriff's office had paid Buckeye Institutional Foods LLC $186,400 for meals that "
     "were never served.", {"Buckeye Institutional Foods LLC": (None, set())}, set(), False),
    # "Meridane Health", "Copperline Resources": a company's name ends in a word of its trade, so its first word
    # alone after it is its short form, not a maker of a product called so
    ("Portage Creek will be sold to New Jersey-based Meridane Health. Meridane will pay $38.50 a share.",
     {"Meridane Health": ("ORG", {"Meridane"})}, set(), False),
    # a legal form ends a company's name, never a person's ("Nickel" is also a given name)
    ("The mine's owner, Ridgeback Nickel Corp., halted all work on Saturday.",
     {"Ridgeback Nickel Corp.": ("ORG", set())}, set(), False),
    # a law's head word decides, whatever words of organizations come before it
    ("It pleaded guilty under the Occupational Health and Safety Act in 2018.",
     {"Occupational Health and Safety Act": ("LAW", set())}, set(), False),
    # "MDOT" for "Michigan Department of Transportation": the "of" has its letter, as in "DOT"
    ("The Michigan Department of Transportation added a traffic signal at the entrance. The project cost $1.2 "
     "million, according to MDOT.", {"Michigan Department of Transportation": (None, {"MDOT"})}, set(), False),
    # "Cascade State" after "Cascade State University", though the article also names "Cascade State Athletic
    # Foundation" (after it)
    ("Cascade State University fired its coach on Sunday. The coach came to Cascade State in 2011. Donors to the "
     "Cascade State Athletic Foundation were told on Monday.",
     {"Cascade State University": (None, {"Cascade State"})}, set(), False),
    # "Children's Hospital": the possessive of a kind of people is a word of the name; "in Boise" after a body's
    # head noun is where it is, not more of its name
    ("Two of the children were flown to Treasure Valley Children's Hospital in Boise.",
     {"Treasure Valley Children's Hospital": ("ORG", set()), "Boise": ("GPE", set())}, set(), False),
    # "Allegheny Crest" after "Allegheny Crest Gaming LLC": the leading words of a company's name, which no
    # gazetteer knows as a place, are its short form even after "from" ("a request from Allegheny Crest")
    ("The board accepted a consent agreement with Allegheny Crest Gaming LLC, which owns the casino. The board will "
     "hold a hearing next month on a request from Allegheny Crest to add 20 table games.",
     {"Allegheny Crest Gaming LLC": (None, {"Allegheny Crest"})}, {"Allegheny Crest"}, False),
    # a capital only because the word opens the sentence, where the writer writes it in lower case elsewhere
    ("The city's Alcohol License Review Committee voted 6-2 to suspend the license. The committee meets monthly."
     "\n\nCommittee member Dana Whitcomb said a suspension was too harsh.",
     {"Dana Whitcomb": (None, set())}, {"Committee"}, False),
    # Spanish names carry the father's surname, then the mother's: news goes on with the first
    ('"Rates will stay high," said Marisol Quintero Vargas, an economist at Banco Andino. Quintero said the '
     'peso would recover.', {"Marisol Quintero Vargas": ("PERSON", {"Quintero"})}, {"Quintero"}, False),
    # a country's name is the country, never short for a body named after it
    ("Banco Central de Chile held its rate on Tuesday. Chile's copper exports fell 3% in May.",
     {"Banco Central de Chile": ("ORG", set()), "Chile": ("GPE", set())}, set(), False),
    # a name before "party" is the party's ("the ruling Morena party"); "the party" after it is that one
    ("Voters handed the ruling Solano party a majority in Congress on Sunday. The party can now change the "
     "constitution without opposition votes.", {"Solano": ("ORG", {"The party"})}, set(), False),
    # a head word opens a name before a country ("Bank Indonesia"): no stray word to strip
    ("The purchase closed after Bank Indonesia approved it in March.", {"Bank Indonesia": ("ORG", set())},
     {"Indonesia"}, False),
    # "the regulator", "the watchdog" for the one regulating body just named
    ("The Competition Authority fined three bakeries on Monday. Inspectors raided the bakeries in May, two months "
     "after Ortolan Foods approached the regulator.", {"Competition Authority": (None, {"the regulator"}),
                                                       "Ortolan Foods": (None, set())}, set(), False),
    # a regulator named a council ("General Dental Council", "Financial Reporting Council") is one too
    ("The Dorset Licensing Office renewed a Poole clinic's permit in March. On Monday the General Dental Council "
     "struck off its dentist. The General Dental Council said she had ignored three warnings from the regulator.",
     {"General Dental Council": (None, {"the regulator"}), "Dorset Licensing Office": (None, set())}, set(), False),
    # a known town before the noun of people who live there, even opening a sentence; a town that only says where
    # a firm is from is no story's "the city"
    ("Racine homeowners will no longer pay to replace lead pipes, after the council awarded a contract. It hired "
     "Harbor Dig LLC, a Kenosha excavation firm, for the work. It was the lowest of four bids the city received.",
     {"Racine": ("GPE", {"the city"}), "Kenosha": ("GPE", set())}, set(), False),
    # a state university names each campus by its city: "University of X at Y" is one name
    ("Lena Ortiz, a professor at the University of Nevada at Reno, said so.",
     {"University of Nevada at Reno": ("ORG", set())}, {"University of Nevada"}, False),
    # a place, then its government's office, before a person's name: the place, even untagged ("the province"
    # for a province that is also a city's name)
    ("New Brunswick Premier Colin Ashby said the province would sell power south.",
     {"New Brunswick": ("GPE", {"the province"})}, set(), False),
    # the European Union's legal acts are laws by their head word ("Regulation", "Directive")
    ("The company breached the General Data Protection Regulation, the court found.",
     {"General Data Protection Regulation": ("LAW", set())}, set(), False),
    # the people of a state or city, named by its name's plural ("Mainers", "Ohioans"), are a people
    ("The premier promised Vermonters that power would flow south.", {"Vermonters": ("NORP", set())}, set(), False),
    # a legal form written before the name (Indonesia's "PT"): the capitalized words after it are one company's
    # name, and those words alone its short form
    ("Harbor Pay bought PT Sinar Awan Digital, a Jakarta e-wallet operator, last month. Sinar Awan said the deal "
     "closed on Friday.", {"PT Sinar Awan Digital": ("ORG", {"Sinar Awan"})}, {"Digital"}, False),
    # a Louisiana parish is a county: "the parish" after its name
    ("Terrebonne Parish President Gordon Landry said the parish would rebuild the levee.",
     {"Terrebonne Parish": ("GPE", {"the parish"})}, {"Parish"}, False),
    # a department called by the field after its head and "of": "VA" for the Department of Veterans Affairs
    ("The Department of Veterans Affairs opened an inquiry on Monday. The VA said it would review the clinic.",
     {"Department of Veterans Affairs": ("ORG", {"VA"})}, {"VA"}, False),
    # a short name in brackets built of the openings of the name's words ("Petroleos Mexicanos (Pemex)")
    ("The utility Corporacion Electrica Nacional (Corpoelec) cut power on Monday. Corpoelec blamed a fire.",
     {"Corporacion Electrica Nacional": ("ORG", {"Corpoelec"})}, {"Corpoelec"}, False),
    # a kind of people's possessive (a plural noun for people, "Farmers'", or an irregular plural, "Children's")
    # before a body's head word is a word of the body's name, even where the model tagged the two apart
    ("Kell heads the Irish Patients' Association, a charity. The Lakeland Citizens' Coalition Against Fracking "
     "filed suit.", {"Irish Patients' Association": ("ORG", set()),
                     "Lakeland Citizens' Coalition Against Fracking": ("ORG", set())},
     {"Irish Patients", "Association", "Lakeland Citizens"}, False),
    ("Doctors at Treasure Valley Children's Hospital said so.", {"Treasure Valley Children's Hospital": ("ORG", set())},
     {"Treasure Valley Children", "Hospital"}, False),
    # a name set before an apposition of its class of place ("a resort city"), or before that class's noun and a
    # noun of its government ("city officials"), is a place with a government, whatever the model tagged
    ("Moody's cut the rating of Port Ashby, a shrinking former resort city on the coast, to junk. Harlan Springs "
     "city officials moved $1.3 million out of the water fund.",
     {"Port Ashby": ("GPE", set()), "Harlan Springs": ("GPE", set())}, set(), False),
    ("The museum bought the house in Braunau am Inn, a town on the border with Germany.", {}, {"Inn"}, False),
    # of several countries named lately, "the country" is the one its own sentence names, never the subject of
    # the verb whose object it is (a capital's name stands for its country's government), nor the place whose
    # apposition holds "the city"
    ("Iran and Iraq fought for years. Some 13,000 US troops remain in Afghanistan, 18 years after Washington "
     "invaded the country.", {"Afghanistan": ("GPE", {"the country"})}, set(), False),
    ("Shipments to China rose 71%. Conab, Brazil's food supply agency, estimated that the country produced 55 "
     "million bags.", {"Brazil": ("GPE", {"the country"}), "China": ("GPE", set())}, set(), False),
    # a company is named by its trade ("Engineering & Construction", "Assurance"): its first word alone after
    # the full name is its short form, not a maker before a model's name
    ("The utility awarded the contract to Daeryun Engineering & Construction on Monday. Daeryun said it would "
     "hire 500 workers.", {"Daeryun Engineering & Construction": ("ORG", {"Daeryun"})}, set(), False),
    ("Fitch Ratings on Wednesday cut the rating of Port Ashby to junk, citing its pension bills.",
     {"Fitch Ratings": ("ORG", set())}, set(), False),
    # a name that ends in "Week" is an event ("Paris Fashion Week", "Climate Week")
    ("The house showed its collection at Paris Fashion Week on Tuesday.", {"Paris Fashion Week": ("EVENT", set())},
     set(), False),
    # the credit in brackets after a dateline is a news agency, though its name is a town's
    ("PARIS, July 25 (Meridian) - French luxury group Aurevilly posted a rise in sales on Thursday.",
     {"Meridian": ("ORG", set()), "Paris": ("GPE", set())}, set(), False),
    # a kind of organization in lower case right before a capitalized word names it, whatever the tagger read the
    # word as (a foreign name ending in "-ly" is read as an adverb)
    ("PARIS (Reuters) - French luxury group Aurevilly posted a rise in sales on Thursday. Shares in Aurevilly "
     "rose 2 percent, and the research firm Motorstat said demand held.",
     {"Aurevilly": ("ORG", set()), "Motorstat": ("ORG", set())}, set(), False),
    ("Insurers backed Brightline Assurance in May. Brightline said premiums rose.",
     {"Brightline Assurance": ("ORG", {"Brightline"})}, set(), False),
    # a short name alone in brackets right after a body's full name is its short name, whatever its letters (the
    # initials of the name in its own language)
    ("Engineers at the German Aerospace Center (DLR) built the probe. DLR said it would fly in May.",
     {"German Aerospace Center": ("ORG", {"DLR"})}, {"DLR"}, False),
    ("The Council of Chilean Wine Exporters (Vinexa) said shipments fell. Vinexa said prices rose.",
     {"Council of Chilean Wine Exporters": ("ORG", {"Vinexa"})}, {"Vinexa"}, False),
    # a head noun in lower case the tagger read as a proper noun ("the diocese's parishes") echoes the name
    ("The Roman Catholic Diocese of Toledo will close 12 churches, the bishop said. Under the plan, the diocese's "
     "97 parishes will merge.", {"Roman Catholic Diocese of Toledo": ("ORG", {"the diocese"})}, set(), False),
    # a tribe named "X Band of Y Indians" ends in its people's name
    ("The Cedar Lake Band of Potawatomi Indians will open a casino on Friday.",
     {"Cedar Lake Band of Potawatomi Indians": ("ORG", set())}, {"Indians"}, False),
    # "the law" for the one law the article names
    ("The Oregon Consumer Privacy Act took effect in July. Critics say the law is too weak.",
     {"Oregon Consumer Privacy Act": (None, {"the law"})}, set(), False),
    # a currency sign of letters and "$" is no part of a name: "S$3.8 billion" is an amount
    ("The payments firm processed S$3.8 billion in transfers last year.", {}, {"S$3.8", "S$"}, False),
    # Vietnamese, Chinese and Korean names put the family name first, and a given name may be hyphened in lower
    # case: the whole is the person's name, and news goes on with the given name ("Ha") or the family name ("Choi")
    ("Pham Van Duc, the refinery's director, said output rose. Duc said the plant would add a line.",
     {"Pham Van Duc": ("PERSON", {"Duc"})}, {"Van Duc"}, False),
    ("Choi Min-jun, vice president of sales at the shipyard, said orders rose. Choi said prices held.",
     {"Choi Min-jun": ("PERSON", {"Choi"})}, {"Choi Min"}, False),
    # a company's leading words written where a company goes ("Bao Minh shares", "Bao Minh's chief executive")
    # are its short form, however person-like they read
    ("Vietnamese insurer Bao Minh Insurance JSC won a licence on Monday. Bao Minh shares rose 4%, and Bao Minh's "
     "chief executive said the licence would lift sales.",
     {"Bao Minh Insurance JSC": ("ORG", {"Bao Minh"})}, {"Bao Minh"}, False),
    # a speaker's "the Commission" before the reporter writes the body's full name is that body
    ("\"If the Tribunal rules against us, we will appeal,\" the chief executive said. The Competition Appeal "
     "Tribunal will hear the case in May.", {"Competition Appeal Tribunal": ("ORG", {"Tribunal"})}, {"Tribunal"},
     False),
    # "the central bank" is the central bank the article has named, not the last body named before it
    ("The peso fell after the Central Bank of Paraguay cut its rate, according to the National Statistics "
     "Institute. The central bank said inflation would ease.",
     {"Central Bank of Paraguay": ("ORG", {"The central bank"}), "National Statistics Institute": ("ORG", set())},
     set(), False),
    # a wire lede describes the body before naming it; the name that follows with the description's head noun
    ("ASUNCION, Paraguay (AP) — Paraguay's central bank unexpectedly cut its main rate on Thursday. The Central "
     "Bank of Paraguay said in a statement that inflation had slowed.",
     {"Central Bank of Paraguay": ("ORG", {"Paraguay's central bank"})}, set(), False),
    # a number with its scale is no name ("3.8M" credits), though the model tags it a product; "3M" may be one
    ("The registry said it would place a hold on 3.8M credits that Verra verified.", {}, {"3.8M"}, False),
    # a party named by its members in the plural, with the word before it ("Christian Democrats"), is no person
    ("The coalition of the Christian Democrats and the Greens holds 40 seats. The opposition Social Democrats and "
     "Free Democrats, who brought the case, welcomed the ruling.",
     {"Christian Democrats": ("NORP", set()), "Free Democrats": ("NORP", set())}, {"Christian", "Free"}, False),
    # two names split at "and" are one where the acronym in brackets after them spells both
    ("Orders fell, according to the Kenya Tea Growers and Exporters Association (KTGEA). The association said "
     "prices held.", {"Kenya Tea Growers and Exporters Association": ("ORG", {"KTGEA"})}, {"Exporters Association"},
     False),
    # ", known as X" declares a short form as a bracket does
    ("She cited the state grain trader, the National Grain Marketing Company, known as Nagramco. Nagramco owes "
     "banks $80 million.", {"National Grain Marketing Company": ("ORG", {"Nagramco"})}, {"Nagramco"}, False),
    # a country's name and a suffix is a body, not the country: "Kenya Bank" and "Kenya" are two
    ("Kenya Bank raised its policy rate on Sunday. Kenya agreed a loan programme with the International "
     "Monetary Fund in January.", {"Kenya Bank": ("ORG", set()), "Kenya": ("GPE", set())}, set(), False),
    # a country's name is nobody's, however the model tags it
    ("LILONGWE (AP) — Malawi signed the loan on Monday. Malawi has struggled with debt, and Malawi owes $400 "
     "million to two banks. Malawi will repay it by 2030.", {"Malawi": ("GPE", set())}, set(), False),
    # what a body is based in, hyphened on to "based", is a place, though no gazetteer spells it so
    ("Ostwerk Chemie AG, a Moenchengladbach-based maker of dyes, said on Tuesday it would cut 200 jobs.",
     {"Ostwerk Chemie AG": ("ORG", set()), "Moenchengladbach": ("GPE", set())}, set(), True),
    # a currency's code written apart before the number is no name either
    ("The UAE operator reported revenue of AED 1.47bn, and the Swiss watchmaker CHF 310m.", {}, {"AED", "CHF"},
     False),
    # so is an ISO currency code run on: "VND38,400" is an amount in Vietnam's dong
    ("Shares of the Hanoi chipmaker rose to VND38,400 on Friday, and its VND4.1 trillion plant opened.", {},
     {"VND38,400", "VND4.1", "VND"}, False),
    # a company of the performing arts is named for its art ("Opera", "Orchestra", "Ballet"), its short form too
    ("Arts Council England cut funding for Southern Lyric Opera and Eastern Coast Ballet. The Musicians' Union "
     "represents 30 of Southern Lyric's players and 12 of Eastern Coast's.",
     {"Southern Lyric Opera": ("ORG", {"Southern Lyric"}), "Eastern Coast Ballet": ("ORG", {"Eastern Coast"})},
     set(), False),
]


@pytest.mark.parametrize(("text", "names", "not_names", "only"), NAME_CASES)
def test_names_their_types_and_short_forms(nlp, text, names, not_names, only):
    found = _entities(nlp, text)
    for name, (etype, aliases) in names.items():
        assert name in found, (name, list(found))
        assert etype is None or found[name].type == etype
        assert aliases <= set(found[name].aliases)
    assert not not_names & set(found)
    assert not only or set(found) == set(names)


def test_words_beside_a_name_that_are_no_part_of_it(nlp):
    # "the van" before a name is a vehicle; a word in brackets that is no acronym of the name stays out of it
    assert not any("van" in name for name in _entities(nlp, "The van Peterson rented broke down."))
    found = _entities(nlp, "The National Union of Metalworkers (Durban) said it would strike.")
    assert not any("Durban" in e.aliases for e in found.values())


def test_a_name_set_before_a_kind_of_body_is_that_body(nlp):
    # "Halcyon Digital, a cryptocurrency exchange": an apposition saying what kind of body a name is types it,
    # so the short form later ("Halcyon") is the same company, not its maker
    text = ("MIAMI (AP) \u2014 Halcyon Digital, a cryptocurrency exchange that once sponsored a football team, filed "
            "for bankruptcy on Wednesday. In June, Halcyon laid off 150 of its 420 employees. The exchange owes $1.3 "
            "billion.")
    found = _entities(nlp, text)
    assert found["Halcyon Digital"].type == "ORG" and "Halcyon" in found["Halcyon Digital"].aliases
    assert "The exchange" in found["Halcyon Digital"].aliases  # a trading venue is called "the exchange"
    # a kind of body with a place of work is a person's job
    found = _entities(nlp, "Kevin Brauer, an agricultural lender at Northwoods Community Bank, said loans were up.")
    assert found["Kevin Brauer"].type == "PERSON"


@pytest.mark.parametrize("text, place", [
    # every name of a list after a preposition of place is where ("in Aurora, Centennial and Parker")
    ("The outbreak was linked to Casa Verde locations in Aurora, Centennial and Parker, health officials said.",
     "Parker"),
    # a business's site named by its town ("the Tumut location", "its Cootamundra plant")
    ("The company said its Cootamundra plant would close. Sales at the Tumut location fell.", "Tumut"),
    # what a town has, owned by its name ("Kapuskasing's east side")
    ("The layoffs hit Kapuskasing's east side hardest.", "Kapuskasing"),
    # a name a settlement's kind describes ("Flin Flon, a city of about 5,000 people")
    ("The closure is a heavy blow for Flin Flon, a city of about 5,000 people on the Saskatchewan border.",
     "Flin Flon"),
])
def test_a_town_is_a_place_where_the_sentence_uses_it_as_one(nlp, text, place):
    assert _entities(nlp, text)[place].type == "GPE"


def test_an_age_of_a_thing_is_no_persons(nlp):
    # "the 19-year-old business": an age before a noun of organizations describes the business, not the person
    text = ("The council voted 12-3 to hire Lakeshore Underground LLC, a Kenosha excavation firm, for the work. "
            "Company owner Darnell Pruitt said the dispute was resolved. The 19-year-old business has 60 employees, "
            "he said.")
    found = _entities(nlp, text)
    assert "The 19-year-old business" not in {m.text for m in found["Darnell Pruitt"].mentions}
    assert "The 19-year-old business" in found["Lakeshore Underground LLC"].aliases


def test_a_local_story_names_its_city_by_its_government(nlp):
    # "Salina city commissioners approved ...": the city whose government a local story names in lower case is
    # the one it calls "the city", though it names another city ("a Kansas City firm") as often
    text = ("Salina city commissioners on Tuesday approved a contract with a Kansas City cybersecurity firm to rebuild "
            "computer systems.\n\nThe vote came nine days after the attack. Hackers demanded $290,000. The firm "
            "will start Monday. Officials said roughly 180 of the city's 420 computers were affected.")
    assert "the city" in {m.text for m in _entities(nlp, text)["Salina"].mentions}
    # a town no gazetteer knows is a city where the text says so
    text = ("Marlow Creek city officials moved $1.3 million out of the water fund without a vote, a state audit "
            "found.\n\nThe report gave the city its lowest rating. Auditors also found that the city's former "
            "finance director wrote checks to himself.")
    assert "the city" in {m.text for m in _entities(nlp, text)["Marlow Creek"].mentions}


def test_a_province_is_called_the_province(nlp):
    # a country's province or state is called by what it is ("Manitoba ... The province holds a bond")
    text = ("Copperline Resources will shut its Red Fox mine in northern Manitoba by June. Metal prices have slumped. "
            "Analysts expected the closure. The province holds a C$48 million reclamation bond on the site.")
    assert "The province" in _entities(nlp, text)["Manitoba"].aliases


@pytest.mark.parametrize("text, name, description", [
    # a body called by its kind, whose name's head is another word of that kind (kind_nouns.tsv)
    ("The United Steelworkers called a strike on Monday. The union said 400 members would walk out.",
     "United Steelworkers", "The union"),
    ("The Maple Lake Band of Ojibwe opened the casino in May. The tribe employs 410 people there.",
     "Maple Lake Band of Ojibwe", "The tribe"),
    ("An inmate died at the Alvin S. Glenn Detention Center in May. The jail has 900 beds.",
     "Alvin S. Glenn Detention Center", "The jail"),
    ("Regulators fined Keystone Ridge Casino Resort $412,500 on Wednesday. The casino also failed to stop a "
     "19-year-old.",
     "Keystone Ridge Casino Resort", "The casino"),
])
def test_a_body_is_called_by_its_kind(nlp, text, name, description):
    assert description in _entities(nlp, text)[name].aliases


def test_a_based_epithet_is_the_articles_company_among_those_just_named(nlp):
    # "the Miami-based company" after a lede naming the company and a league it advertised with: the company
    # the article is about, where it is one of those named just before
    text = ("WILMINGTON, Del. (AP) \u2014 Halcyon Digital, a cryptocurrency exchange that once advertised during NFL "
            "broadcasts, filed for bankruptcy protection late Tuesday.\n\nThe Miami-based company listed assets of "
            "$612 million. Halcyon Digital owes 50 creditors. Halcyon Digital will appeal.")
    assert "The Miami-based company" in _entities(nlp, text)["Halcyon Digital"].aliases


_KINDS_TEXT = ("Ledgerline, the San Francisco-based startup that automates bill payments, said it had raised $40 "
               "million. Rival Tillmark cut 20% of its workforce earlier this month. Plains Market, the family-owned "
               "grocery chain, pledged $500,000.")


@pytest.mark.parametrize("text, name, kind", [
    # "Ledgerline, the San Francisco-based startup that ...": an apposition says what kind of body a name is (with
    # a first word the tagger read as a common noun: "Plains Market, the ... chain"); "Rival Tillmark": a kind of
    # organization before a name, capitalized as the sentence's first word
    (_KINDS_TEXT, "Tillmark", "ORG"),
    (_KINDS_TEXT, "Plains Market", "ORG"),
    # "its Red Fox copper-zinc mine": capitalized words before a mine, dam, reservoir or oilfield name the site,
    # whatever person's name they read as
    ("Copperline Resources said it will shut its Red Fox copper-zinc mine in northern Manitoba. Every tonne we pull "
     "out of Red Fox costs us more than we can sell it for, the chief executive said.", "Red Fox", "FAC"),
    # "Palouse State": a school named "X State" where X is no state or province
    ("Palouse State beat Red River State 71-64 on Saturday.", "Palouse State", "ORG"),
    # "Bend Fire & Rescue": a body's last word, not a product of a maker called "Bend"; "Bend" stays the city
    ("Officials have pushed for more thinning around Bend since 1990. Lena Whitcomb, a deputy chief with Bend Fire & "
     "Rescue, said crews responded to 87 fires.", "Bend Fire & Rescue", "ORG"),
    ("Officials have pushed for more thinning around Bend since 1990. Lena Whitcomb, a deputy chief with Bend Fire & "
     "Rescue, said crews responded to 87 fires.", "Bend", "GPE"),
    # a wildfire's name takes "the", and a year before it dates the fire as it would a car's model
    ("Officials have pushed for thinning since the 1990 Awbrey Hall Fire, which destroyed 22 homes.",
     "Awbrey Hall Fire", "EVENT"),
    ("In 2018, the Carr Fire killed eight people.", "Carr Fire", "EVENT"),
])
def test_a_name_is_typed_by_how_news_writes_it(nlp, text, name, kind):
    assert _entities(nlp, text)[name].type == kind




def test_the_outlet_a_person_talks_to_is_no_name_a_lede_withheld(nlp):
    # "The city council voted ..." then "... told Acme News": the outlet told is the audience, not the council
    found = _entities(nlp, "The city council voted on Monday to raise taxes. \"It was needed,\" Mayor Jo Park told "
                           "Acme News.")
    assert "The city council" not in found["Acme News"].aliases


def test_a_word_capitalized_only_because_it_opens_the_sentence_is_no_part_of_a_name(nlp):
    # "Besides Okafor, the winning nominees are ...": a preposition opening the sentence, not a given name
    text = ("Tern Point founder Grace Okafor won a seat on Thursday. "
            "Kestrel tried to head off the contest in May by naming two new independent directors and offering the "
            "fund a board seat, an offer Tern Point rejected as \"too little, too late.\"\n\nBesides Okafor, the "
            "winning nominees are Ana Ruiz, a former chief financial officer of paper maker Birch Mills Inc., and "
            "Paul Szabo, a former president of Ferrand Group, a pump maker based in Lyon, France.")
    found = _entities(nlp, text)
    assert "Besides Okafor" not in found and "Okafor" in found["Grace Okafor"].aliases


def _descriptions(ents, name):
    return [m.text for m in ents[name].mentions if m.kind == "description"]


@pytest.mark.parametrize("text, name, said", [
    # a chain is a chain of stores or markets; a fund an investment firm named "... Capital (Management)"
    ("Delmont Dairy will supply milk to Tolliver Markets, Delmont said on Monday. Delmont expects more orders. "
     "The chain will stock the milk in 40 stores.", "Tolliver Markets", "The chain"),
    ("Pellwood Industries said Ostrander Capital Management had bought 9 percent of Pellwood. Pellwood "
     "rejected the offer. The fund wants two board seats.", "Ostrander Capital Management", "The fund"),
    # a club a sports club named "... FC"
    ("Tulivu Homes will buy a majority stake in Rift Valley Stars FC, Tulivu said. Tulivu will pay in two "
     "instalments. The club has 240 members.", "Rift Valley Stars FC", "The club"),
    # and a utility the body that delivers water, power or gas ("Greater Cincinnati Water Works")
    ("Kessler Pipe won a $4 million contract from the Greater Bellmont Water Works, Kessler said. "
     "Kessler will start in May. "
     "The utility said the pipes were old.", "Greater Bellmont Water Works", "The utility"),
    # a public body named for what it enforces, or a state foundation or corporation, is "the agency" too
    ("The Minnesota Economic Development Corp. has awarded $2 million in tax credits to Halvard Foods. The "
     "agency said the plant would add 120 jobs.", "Minnesota Economic Development Corp.", "The agency"),
    ("Thirty research teams will share 46 million euros, Science Foundation Ireland said on Monday. "
     "Of the 30 awards, 12 went to teams led by women, the agency said.", "Science Foundation Ireland", "the agency"),
])
def test_a_kind_noun_stands_for_a_name_headed_by_a_word_of_its_kind(nlp, text, name, said):
    assert said in _descriptions(_entities(nlp, text), name)


@pytest.mark.parametrize("text, said, name, not_name", [
    # "The chain" is the one the lede called a chain (its sentence's root by the parse), not the store
    # named "... Markets" in between, nor the one called a chain only later
    ("Harwood Foods Inc, a regional supermarket chain with 94 stores in Ohio, filed for bankruptcy on Monday. It will "
     "sell 22 stores to Brightway Markets. The chain had 8,900 employees last year.\n\nBrightway, a family-owned "
     "chain based in Louisville, said the purchase would help it.", "The chain", "Harwood Foods Inc",
     "Brightway Markets"),
    # the lede withholds the ministry's name and names the airline it fined; the next sentence names the
    # ministry: "the transport ministry" is it, past the dateline the parser may take for the subject
    # the sayer after a reported clause is the clause's subject, whatever company is named nearer to it
    ("Vantage Media Group is buying Copperkite Studios, the Burbank-based animation house, in a deal valued at $112 "
     "million, the ad-supported streamer confirmed on Tuesday.", "the ad-supported streamer", "Vantage Media Group",
     "Copperkite Studios"),
    ("OSLO, Norway (AP) — Norway's transport ministry on Tuesday fined budget carrier Fjellfly 3 million kroner and "
     "ordered it to suspend one of its routes.\n\nThe Ministry of Transport and Communications said inspectors "
     "found 12 faults.", "Norway's transport ministry", "Ministry of Transport and Communications", "Fjellfly"),
    # a kind noun stands for the heads of the names it fits ("regulator": a commission, an authority), named in
    # the lede's own attribution or in the next sentence
    ("ACCRA (Reuters) - Ghana's energy regulator has fined Volta Grid Ltd 3 million cedis over a blackout last "
     "month, the Public Utilities Regulatory Commission said on Tuesday.\n\nVolta Grid said it would pay.",
     "Ghana's energy regulator", "Public Utilities Regulatory Commission", "Volta Grid Ltd"),
    ("MANILA, Philippines (AP) — The Philippines' competition watchdog on Friday fined Lakan Foods Corp. 80 million "
     "pesos for fixing flour prices.\n\nThe Philippine Competition Commission said the company met rivals "
     "four times.", "The Philippines' competition watchdog", "Philippine Competition Commission", "Lakan Foods Corp."),
])
def test_a_description_points_back_to_the_one_the_text_identifies_by_then(nlp, text, said, name, not_name):
    ents = _entities(nlp, text)
    assert said in _descriptions(ents, name)
    assert not_name not in ents or said not in _descriptions(ents, not_name)


def test_a_hispanic_name_goes_on_with_the_first_surname_even_one_that_is_a_given_name_elsewhere(nlp):
    # "Anaya" is a given name too, but after "Rogelio Anaya Beltrán" it is his paternal surname
    text = ("Mexico's Supreme Court approved the extradition of Rogelio Anaya Beltrán on Tuesday. Anaya, 47, is "
            "accused of laundering money, and Anaya's lawyers said they would appeal.")
    ents = _entities(nlp, text)
    assert "Anaya" not in ents
    assert [m.text for m in ents["Rogelio Anaya Beltrán"].mentions if m.kind in ("name", "alias")].count("Anaya") == 2


@pytest.mark.parametrize("text, name", [
    ("\"We accept the findings,\" Ha Tae-seok, the airline's chief executive, told reporters on Monday.",
     "Ha Tae-seok"),
    ("\"We will rebuild the route,\" Yoo Seung-ho, the carrier's president, told reporters in Busan.", "Yoo Seung-ho"),
    # untagged, and cut by the model at the hyphen
    ("\"We will not sign,\" Choi Min-jun, the union's general secretary, told reporters in Ulsan.", "Choi Min-jun"),
    ("\"Sales will recover in the spring,\" chief executive Yoon Sang-chul wrote in a letter to employees on Tuesday.",
     "Yoon Sang-chul"),
])
def test_a_given_name_hyphened_in_lower_case_stays_in_the_name_whatever_the_model_tagged(nlp, text, name):
    assert name in _entities(nlp, text)


@pytest.mark.parametrize("text, piece", [
    ("Kenya's top club agreed a deal on Monday: Tulivu Homes will pay Sh120 million upfront and the rest by "
     "December, the club said.", "Sh120"),
    ("Kestrel Packaging reported net profit of NT$2.14 billion on revenue of NT$24.6 billion, up 6% in Taiwan's "
     "chip boom, and Orvane Labs said it would pay NT$600 million for a stake.", "NT$"),
    ("Turkey's second-biggest steelmaker said sales revenue fell 11% to TL 31.6 billion, while crude steel output "
     "rose, in a filing with Borsa Istanbul on Friday.", "TL"),
])
def test_a_sign_and_number_of_a_money_amount_are_no_name(nlp, text, piece):
    assert not any(piece in name for name in _entities(nlp, text))


@pytest.mark.parametrize("text, name", [
    ("In a statement on Sunday, the Commissioner for Information, Mr Tunde Akinwale, said the wage bill would rise.",
     "Tunde Akinwale"),
    ("The chairman of the union in Lagos, Comrade Emeka Nwosu, said the strike would go on.", "Emeka Nwosu"),
    ("Millers in Peshawar shut on Monday, Haji Tariq Mehmood, who runs two mills there, told reporters.",
     "Tariq Mehmood"),
    ("Alhaji Musa Bello, a grain trader in Kano, said prices had doubled.", "Musa Bello"),
])
def test_a_form_of_address_opens_a_persons_name_and_is_no_part_of_it(nlp, text, name):
    found = _entities(nlp, text)
    assert name in found and found[name].type == "PERSON", list(found)


def test_a_company_named_by_its_kind_of_business_first_is_one_organization(nlp):
    # Spanish, Portuguese and French company names put the kind of business first, whatever given name or
    # particle follows it; the name without its kind is the short form
    found = _entities(nlp, "Mexican baker Grupo Lorena Pan said on Monday it would buy a stake in a Texas bakery "
                           "chain. Lorena Pan will pay $40 million.")
    assert found["Grupo Lorena Pan"].type == "ORG" and "Lorena Pan" in found["Grupo Lorena Pan"].aliases
    found = _entities(nlp, "The loan from Banco do Nordeste was repaid last year, and Cervecería del Valle Alto "
                           "bought two plants in Jalisco.")
    assert {"Banco do Nordeste", "Cervecería del Valle Alto"} <= set(found) and "Valle Alto" not in found


def test_an_employer_before_a_title_and_a_name_tagged_as_one_span_is_a_name_of_its_own(nlp):
    # the model may tag "EPA Regional Administrator Carol Dunphy" whole, as one organization: the person is
    # the name after the title, and the employer before it is named too
    doc = nlp('"For 30 years, families along the river have waited," EPA Regional Administrator Carol Dunphy '
              'said in a statement.')
    found = _entities_as_tagged(doc, ("EPA", 5, "ORG"))
    assert found["EPA"].type == "ORG" and found["Carol Dunphy"].type == "PERSON"


def test_shares_of_a_company_opening_a_sentence_are_no_words_of_its_name(nlp):
    # the model may tag "Shares of Penwick & Hale" as one organization: "Shares" is capitalized only as the
    # sentence's first word
    doc = nlp("Cobalt Ridge will buy Penwick & Hale Inc for $2 billion.\n\nShares of Penwick & Hale jumped 7.4 "
              "percent to $23.15 in morning trading.")
    found = _entities_as_tagged(doc, ("Shares", 5, "ORG"))
    assert "Shares of Penwick & Hale" not in found and "Penwick & Hale" in found


def test_a_given_name_of_two_hyphened_names_the_model_tagged_alone_goes_on_with_the_surname(nlp):
    # the model may tag "Anne-Sophie" alone, even as an organization, and leave the surname out
    doc = nlp('"Prices will keep rising," said Marie-Claire Dufour, an analyst at Lyon brokerage Vernet & Cie.')
    found = _entities_as_tagged(doc, ("Marie", 3, "ORG"))
    assert found["Marie-Claire Dufour"].type == "PERSON" and "Marie-Claire" not in found


def test_a_hyphenated_surname_the_model_cut_is_one_name(nlp):
    text = ("Rep. Teresa Alvarado-Kemp, the chairwoman of the subcommittee, issued a subpoena on Tuesday. "
            "\"Taxpayers bought a parking lot full of empty homes,\" Alvarado-Kemp said.")
    ents = _entities(nlp, text)
    assert "Teresa Alvarado-Kemp" in ents and "Alvarado-Kemp" in ents["Teresa Alvarado-Kemp"].aliases


def test_a_second_surname_the_model_tagged_apart_is_part_of_the_name(nlp):
    # the model reads "Arango" as a place; the parser hangs "Hernán Ospina" on it as on one name's head
    ents = _entities(nlp, "The five defendants, including former CEO Hernán Ospina Arango, were charged with money "
                          "laundering. Ospina resigned in March.")
    assert "Hernán Ospina Arango" in ents and "Arango" not in ents


def test_a_name_the_text_always_capitalizes_is_a_mention_at_a_sentence_start(nlp):
    # the tagger reads "Aurevilly" as an adverb by its ending; the text capitalizes it inside its sentences too
    text = ("PARIS (Reuters) - French luxury group Aurevilly posted a rise in sales on Thursday. Aurevilly also said "
            "it would buy back shares.")
    found = _entities(nlp, text)
    assert len([m for m in found["Aurevilly"].mentions if m.kind == "name"]) == 2


def test_it_that_says_something_is_a_body_not_an_event(nlp):
    # only a body says things: "it said" never stands for an event, a work or a law
    found = _entities(nlp, "The Amsterdam Light Festival opened on Monday with 30 works. It said attendance rose.")
    assert not [m for m in found["Amsterdam Light Festival"].mentions if m.kind == "pronoun"]


def test_the_regulator_is_never_a_company_by_its_legal_form(nlp):
    # "the regulator" oversees: not the company named before it ("Corp"), though a regulator with a coined
    # name ("Ofcom") is still one
    found = _entities(nlp, "Pembroke Copper Corp is building a mine. The regulator said the mine was unsafe.")
    assert _descriptions(found, "Pembroke Copper Corp") == []
    found = _entities(nlp, "Ofcom fined Channel Four. The regulator said the show broke rules.")
    assert _descriptions(found, "Ofcom") == ["The regulator"]


def test_a_name_ending_in_unit_or_taskforce_is_a_bodys(nlp):
    # "Special Investigating Unit": a body's unit, an organization (a numbered "Unit 4" is another rule's)
    found = _entities(nlp, "The Special Investigating Unit said it had found irregularities in 38 contracts.")
    assert found["Special Investigating Unit"].type == "ORG"


def test_a_one_word_person_never_shown_to_be_one_is_the_place_the_gazetteer_knows(nlp):
    # the model tags a region opening a sentence as a person; nothing shows it is one
    found = _entities(nlp, "Gauteng became the first province to ban the practice, in March.")
    assert found["Gauteng"].type == "GPE"


def test_a_given_name_with_its_diacritics_is_a_given_name(nlp):
    # "Micheál" is "Micheal" as news writes either: the name after a title is a person's
    found = _entities(nlp, "Taoiseach Micheál Martin said the rise was fair.")
    assert found["Micheál Martin"].type == "PERSON"


def test_an_organizations_leading_words_are_its_short_form_whatever_the_model_read_them_as(nlp):
    # the model may read "Copper Arch" (for "Copper Arch Partners") as a title of a work
    doc = nlp("The board pulled $38.5 million from funds run by Denver-based Copper Arch Partners. The fund paid "
              "Copper Arch $2.3 million in fees last year.")
    found = _entities_as_tagged(doc, ("Copper", 3, "ORG"), ("Copper", 2, "WORK_OF_ART"))
    assert "Copper Arch" in found["Copper Arch Partners"].aliases and "Copper Arch" not in found


def test_an_ampersand_is_no_word_of_the_name_a_tail_is_short_for(nlp):
    # "the Income Fund" after "Barlow & Finch Income Fund": its head and the word before, its owner left out
    found = _entities(nlp, "Barlow & Finch Income Fund lost 12 percent last year. Investors pulled $3 billion from "
                           "the Income Fund in March.")
    assert "Income Fund" in found["Barlow & Finch Income Fund"].aliases and "Income Fund" not in found


def test_a_title_case_place_before_a_wire_credit_is_a_dateline(nlp):
    # AFP writes "Cognac, France (AFP) -" in title case: the place is no subject, the sayer is the one after it
    from factwire.resolve.datelines import dateline_end
    text = ("Cognac, France (AFP) - Dutch spirits group Vestmark said on Tuesday it had agreed to buy Maison "
            "Laurent-Rive for 640 million euros.")
    doc = nlp(text)
    assert dateline_end(doc[0]) == 7
    assert "it" in {m.text for m in _entities(nlp, text)["Vestmark"].mentions}
    assert dateline_end(nlp("Shares of Acme (ACME) - a maker of tools - rose.")[0]) is None
