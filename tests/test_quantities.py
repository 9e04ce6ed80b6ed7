"""Money, percentages and counts: surface forms (no model), then counts and owners from the parse."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from factwire.extract.amounts import find_money, find_percents
from factwire.extract.clauses import resolve_relative
from factwire.extract.dates import extract_dates
from factwire.extract.entities import extract_entities
from factwire.extract.numbers import parse_number
from factwire.extract.quantities import extract_quantities
from factwire.extract.quotemarks import QuotedDoc
from factwire.resolve import Entity, EntityIndex, Mention
from factwire.resolve.descriptions import is_central_bank
from factwire.resolve.pronouns import with_pronouns
from factwire.validate import validate_rows

PUB = date(2025, 3, 14)


# --- numbers ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("28", 28), ("12,500", 12500), ("seven", 7), ("twenty-one", 21), ("a dozen", 12), ("two dozen", 24),
    ("2.5 million", 2_500_000), ("1.5 million", 1_500_000),  # word2number alone reads 1,000,000
    ("half a billion", 500_000_000), ("two hundred", 200), ("16.6 million", 16_600_000),
])
def test_numbers_in_digits_and_words(text, value):
    assert parse_number(text) == value  # exact: counts are matched by equality


def test_words_that_are_not_numbers():
    assert parse_number("hundreds") is None and parse_number("several") is None


# --- money -----------------------------------------------------------------------------------------

def _money(text):
    return [(a.text, a.value, a.currency, a.qualifier) for a in find_money(text)]


def test_money_in_the_forms_news_writes():
    text = ("The fund raised $7.2 billion, then $3.1bn, US$450 million, €2.6 million, £75m, 8 million euros, "
            "$2.2 trillion, a $25 fee and 4.5 billion dollars.")
    assert [(t, v, c) for t, v, c, _ in _money(text)] == [
        ("$7.2 billion", 7.2e9, "USD"), ("$3.1bn", 3.1e9, "USD"), ("US$450 million", 4.5e8, "USD"),
        ("€2.6 million", 2.6e6, "EUR"), ("£75m", 7.5e7, "GBP"), ("8 million euros", 8e6, "EUR"),
        ("$2.2 trillion", 2.2e12, "USD"), ("$25", 25.0, "USD"), ("4.5 billion dollars", 4.5e9, "USD")]


def test_money_in_house_styles():
    assert _money("a $4.1-billion merger, 30 cents a share and Rs 120 crore") == [
        ("$4.1-billion", 4.1e9, "USD", None), ("30 cents", 0.3, "USD", None), ("Rs 120 crore", 1.2e9, "INR", None)]
    # British papers run the scale word on: "£27million", "£1.2billion"
    assert _money("Forest paid £27million, in a £1.2billion market.") == [
        ("£27million", 2.7e7, "GBP", None), ("£1.2billion", 1.2e9, "GBP", None)]


def test_money_with_hedges_and_other_dollars():
    assert _money("They paid nearly half a billion dollars and more than 40 Canadian dollars.") == [
        ("half a billion dollars", 5e8, "USD", "nearly"), ("40 Canadian dollars", 40.0, "CAD", "more than")]
    # a cent is a hundredth of a dollar: the country's adjective says whose
    assert _money("Profit was 61 Australian cents a share, against 1 Canadian cent.") == [
        ("61 Australian cents", 0.61, "AUD", None), ("1 Canadian cent", 0.01, "CAD", None)]


def test_currencies_by_unit_word_adjective_and_the_country_named():
    # a unit word one country uses, and an ISO adjective before a shared one
    assert _money("The bakery chain earned 2.6 billion naira, or 0.85 naira a share, and 15 Tanzanian shillings.") == [
        ("2.6 billion naira", 2.6e9, "NGN", None), ("0.85 naira", 0.85, "NGN", None),
        ("15 Tanzanian shillings", 15.0, "TZS", None)]
    # a shared unit word is the currency of the country the article names; irregular plurals
    assert _money("Colombia will spend 900 billion pesos.") == [("900 billion pesos", 9e11, "COP", None)]
    assert _money("Norway's fund lost 40 billion kroner.") == [("40 billion kroner", 4e10, "NOK", None)]
    # bare dollars stay American money, as "$" does, though the article names Canada
    assert _money("Canada bought 30 million dollars of beef.") == [("30 million dollars", 3e7, "USD", None)]


def test_a_unit_word_that_is_an_english_word_needs_its_country():
    assert _money("Of the 14 races, 9 won and 5 were lost.") == []
    # wire copy's English name of a local unit word: "crowns" are Norway's krone in an article about Norway
    assert _money("Norway's salmon farmer lost 310 million crowns.") == [("310 million crowns", 3.1e8, "NOK", None)]
    assert _money("The dentist fitted 2 crowns.") == []
    assert _money("Seoul, South Korea: the chipmaker spent 800 billion won.") == [
        ("800 billion won", 8e11, "KRW", None)]


def test_an_iso_code_before_the_number_is_money_where_its_country_is_named():
    text = "In Vietnam the exporter will invest VND2.3 trillion, or VND38,400 a share, and EUR 3m."
    assert _money(text) == [("VND2.3 trillion", 2.3e12, "VND", None), ("VND38,400", 38400.0, "VND", None),
                            ("EUR 3m", 3e6, "EUR", None)]
    # three capitals that spell a currency's code are no money where its country goes unnamed
    assert _money("The VND2 chip and ALL 3 teams played.") == []
    # the country may be named by the short form news writes ("UAE")
    assert _money("The UAE operator reported revenue of AED 1.47bn.") == [("AED 1.47bn", 1.47e9, "AED", None)]
    # the Israeli press's abbreviation of the new shekel
    assert _money("The Knesset passed a NIS 3.6 billion budget.") == [("NIS 3.6 billion", 3.6e9, "ILS", None)]


def test_a_bare_dollar_sign_is_the_dollar_of_the_country_the_article_is_set_in():
    # Canadian, Australian and New Zealand papers write their own dollar with "$"
    text = "EDMONTON — Alberta nurses won a $1,500 bonus. Nurses in Saskatchewan settled earlier."
    assert _money(text) == [("$1,500", 1500.0, "CAD", None)]
    assert _money("BRISBANE — Queensland will spend $48 million on a plant in Gladstone.") == [
        ("$48 million", 4.8e7, "AUD", None)]
    # not where the article writes that dollar with its sign or in words, nor in a conversion in brackets, nor in
    # a story set in the United States or in a country whose money is no dollar
    assert _money("TORONTO — Ontario's lender paid C$2 million and $1 million.")[1][2] == "USD"
    assert _money("SYDNEY — The Sydney and Melbourne campuses will lose 180 million Australian dollars "
                  "($139 million).")[1][2] == "USD"
    assert _money("OSAKA — The Osaka and Kyoto plants cost 96 billion yen ($845 million).")[1][2] == "USD"
    assert _money("DENVER — Colorado and Wyoming, not Alberta and Ontario, paid $5 million.")[0][2] == "USD"
    # a body's head word is no town ("University", "Alliance" are US places too); a story filed from a country
    # of no dollar writes "$" for US dollars, however often it names a dollar country
    assert _money("A Brisbane university sacked a researcher. Moreton Bay University and the Research Integrity "
                  "Alliance said Queensland paid $1.87 million.")[0][2] == "AUD"
    assert _money("JAKARTA, Indonesia (AP) — The levy rises to $95 a ton, traders in Singapore and in Singapore's "
                  "port said.")[0][2] == "USD"
    # South Asian papers close the dateline with a colon
    assert _money("MUMBAI: The Mumbai startup, backed by a Singapore fund and Singapore-based Tembusu Ventures, was "
                  "valued at $505 million.")[0][2] == "USD"
    # a conversion in brackets is into the money the article writes in: the local dollar of a local paper
    assert _money("BRISBANE — The Queensland winemaker earned 398 million yuan ($83 million) in China, and "
                  "$48.6 million in all.")[1][2] == "AUD"


def test_an_article_that_marks_us_dollars_with_their_sign_writes_its_bare_dollar_for_the_local_one():
    # Singapore, Australian and Hong Kong papers write "US$" or "$US" where the money is American, and "$"
    # and "cents" for their own dollar
    text = "The Singapore broker will pay $1.35 million; its shares fell 4.2 cents. It moved US$40 million."
    assert _money(text) == [("$1.35 million", 1.35e6, "SGD", None), ("4.2 cents", 0.042, "SGD", None),
                            ("US$40 million", 4e7, "USD", None)]
    # a country named twice, more often than the United States, sets the article there without a city
    assert _money("Australia's grain exports to China rose, and Australia will spend $48 million on ports.")[0][2] \
        == "AUD"
    # named once, it does not; nor does "US$" where no other dollar's country is named
    assert _money("Canada's lender paid $5 million.")[0][2] == "USD"
    assert _money("The Tokyo group paid $5 million and US$2 million.")[0][2] == "USD"


def test_a_scale_run_on_or_hyphened_before_the_unit_word():
    assert _money("Addis Ababa will spend 1.93tn birr on a 3.2 billion-euro dam.") == [
        ("1.93tn birr", 1.93e12, "ETB", None), ("3.2 billion-euro", 3.2e9, "EUR", None)]


def test_a_local_sign_counts_where_it_is_local():
    text = "In South Africa, the Durban grocer raised R450-million and its shares closed at R31.20."
    assert _money(text) == [("R450-million", 4.5e8, "ZAR", None), ("R31.20", 31.2, "ZAR", None)]
    assert _money("The R450-million figure hit R31.20 in the Ohio study.") == []
    assert _money("Grade R2 pupils sat in room N12.") == []
    # the ringgit, rupiah, taka and kwacha signs of the Malaysian, Indonesian, Bangladeshi, Zambian press
    text = ("Malaysia froze RM4.7 million; Indonesia set aside Rp5 trillion; Bangladesh, Tk300 crore; "
            "Zambia, K1.2 billion.")
    assert _money(text) == [("RM4.7 million", 4.7e6, "MYR", None), ("Rp5 trillion", 5e12, "IDR", None),
                            ("Tk300 crore", 3e9, "BDT", None), ("K1.2 billion", 1.2e9, "ZMW", None)]
    assert _money("The K9 unit and the RM5 model sold well in Ohio.") == []
    # a sign of two letters may stand apart from its number ("Rp 3,150"); one letter may not ("R 3,150")
    assert _money("Indonesia's miner paid Rp 24.1 trillion, or Rp 3,150 a share; Malaysia, RM 12 million.") == [
        ("Rp 24.1 trillion", 2.41e13, "IDR", None), ("Rp 3,150", 3150.0, "IDR", None),
        ("RM 12 million", 1.2e7, "MYR", None)]
    assert _money("In South Africa, grade R 3,150 pupils sat.") == []
    # the peso sign of the Philippine press; a "P" in an article of another country is no peso
    assert _money("The Philippines' poll body fined him P30,000 and froze P148.6 million.") == [
        ("P30,000", 3e4, "PHP", None), ("P148.6 million", 1.486e8, "PHP", None)]
    assert _money("In Botswana the clinic charged P30,000.") == []
    # a small price with a bare whole number, where a price stands: after a verb, preposition or conjunction, with
    # a function word or a stop after it; not after an article or a capitalized word, nor before a noun
    assert _money("In the Philippines, fares start at P15 and are capped at P60 for a full trip.") == [
        ("P15", 15.0, "PHP", None), ("P60", 60.0, "PHP", None)]
    assert _money("In South Africa a bag that cost R210 a year ago will cost close to R240.") == [
        ("R210", 210.0, "ZAR", None), ("R240", 240.0, "ZAR", "close to")]
    assert _money("In South Africa, take the R21 to Pretoria; Grade R2 pupils and a R5 coin.") == []
    assert _money("Zambia certified the K5 type and then K7 aircraft.") == []
    # the Turkish press's lira sign, where Turkey or the lira is named
    assert _money("The Turkish steelmaker's sales fell to TL 31.6 billion, or 40.2 billion lira.")[0] == (
        "TL 31.6 billion", 3.16e10, "TRY", None)
    assert _money("The TL 31 line runs in Ohio.") == []
    # the birr, Jordanian dinar and dirham signs of the Ethiopian, Jordanian, Moroccan and Emirati press
    assert _money("Ethiopian Electric Power paid Br500,000 to each family in Ethiopia.") == [
        ("Br500,000", 5e5, "ETB", None)]
    assert _money("Jordan will put in JD850 million of grants.") == [("JD850 million", 8.5e8, "JOD", None)]
    assert _money("Morocco's utility will spend about DH3.8bn.") == [("DH3.8bn", 3.8e9, "MAD", "about")]
    assert _money("The JD5 and Br500 models sold well in Ohio.") == []


def test_a_unit_joined_to_its_number_by_a_hyphen_is_money_but_a_pound_so_joined_a_weight():
    # "a 15-cent fee", "a 10-euro charge": the amount as an adjective; "a 3-pound bag" weighs three pounds
    assert _money("It sued over a 15-cent per-ride fee and a 10-euro charge.") == [
        ("15-cent", 0.15, "USD", None), ("10-euro", 10.0, "EUR", None)]
    assert _money("She carried a 3-pound bag.") == []


def test_a_rupee_sign_is_the_rupee_of_the_country_the_article_names():
    assert _money("Pakistan's Higher Education Commission got Rs66.25 billion.") == [
        ("Rs66.25 billion", 6.625e10, "PKR", None)]
    assert _money("Sri Lanka raised Rs. 40 billion.")[0][2] == "LKR"
    assert _money("The firm paid Rs 215 crore.")[0][2] == "INR"  # no country named: India's, as usually meant


def test_crowns_with_their_adjective_and_icelandic_plurals():
    assert _money("The farmer lost 214 million Norwegian crowns and 3 million Danish crowns.") == [
        ("214 million Norwegian crowns", 2.14e8, "NOK", None), ("3 million Danish crowns", 3e6, "DKK", None)]
    assert _money("In Iceland, the group earned 2.6 billion kronur.") == [("2.6 billion kronur", 2.6e9, "ISK", None)]


def test_a_currency_code_is_money_where_a_city_of_its_country_is_named():
    assert _money("The Riyadh metro job is worth SAR522m to the operator.") == [("SAR522m", 5.22e8, "SAR", None)]


def test_signs_and_words_of_other_presses():
    # Australian papers write "Aus$" and "$US"; Chinese papers "RMB"
    assert _money("Shares fell to Aus$3.12 after a $US60 million deal and a RMB 300 million round.") == [
        ("Aus$3.12", 3.12, "AUD", None), ("$US60 million", 6e7, "USD", None), ("RMB 300 million", 3e8, "CNY", None)]
    # the CFA franc is West Africa's or Central Africa's, by the country the article names
    assert _money("Senegal set the price at 1,100 CFA francs.") == [("1,100 CFA francs", 1100.0, "XOF", None)]
    assert _money("Cameroon set the price at 900 CFA francs.") == [("900 CFA francs", 900.0, "XAF", None)]
    # pounds are money as the price of a measure of goods, a weight otherwise
    assert _money("London cocoa rose to 2,310 pounds a tonne; the sack weighed 40 pounds.") == [
        ("2,310 pounds", 2310.0, "GBP", None)]


def test_currency_signs_of_their_own_count_anywhere():
    assert _money("Manila paid ₱2.5 billion, Ankara ₺40 million and Accra GH₵12 million.") == [
        ("₱2.5 billion", 2.5e9, "PHP", None), ("₺40 million", 4e7, "TRY", None), ("GH₵12 million", 1.2e7, "GHS", None)]


def test_a_dollar_sign_with_a_countrys_letters_is_that_countrys_money(nlp):
    # the peso and dollar countries' press writes "$" with the country's letters before it
    assert _money("Corfo says it is owed Ch$24.1 billion; tickets cost Mex$350 and the grant is F$2.5 million.") == [
        ("Ch$24.1 billion", 2.41e10, "CLP", None), ("Mex$350", 350.0, "MXN", None),
        ("F$2.5 million", 2.5e6, "FJD", None)]
    doc = nlp("Pacifica Battery Metals is offering Ch$1,250 per share for Salar Austral SA.")
    assert not [e for e in extract_entities(doc).entities if "1,250" in e.name]


def test_ranges_are_two_bounds_and_share_the_scale():
    assert _money("Repairs will cost $4 million to $6 million, or $4-6 million, or $4 to $6 million.") == [
        ("$4 million", 4e6, "USD", "range_from"), ("$6 million", 6e6, "USD", "range_to"),
        ("$4", 4e6, "USD", "range_from"), ("6 million", 6e6, "USD", "range_to"),
        ("$4", 4e6, "USD", "range_from"), ("$6 million", 6e6, "USD", "range_to")]
    assert [q for *_, q in _money("It sells between $20 million and $30 million.")] == ["range_from", "range_to"]


def test_pounds_of_weight_are_not_money():
    assert _money("The parcel weighed 12 pounds.") == []
    assert _money("The club paid 12 million pounds.") == [("12 million pounds", 1.2e7, "GBP", None)]
    # an article that writes its money in dollars weighs a substance in pounds, whatever the scale
    assert _money("The mill paid $4 million for 3 million pounds of oats.") == [("$4 million", 4e6, "USD", None)]
    assert _money("The council spent 3 million pounds of its reserves, not £1m.") == [
        ("3 million pounds", 3e6, "GBP", None), ("£1m", 1e6, "GBP", None)]


def test_percentages_and_points():
    found = [(a.text, a.value, a.unit) for a in find_percents(
        "Rates rose 4.25%, or 4.25 percent, 42 per cent, a 10-percent rise, 3 percentage points, 50 basis points, "
        "7 pct.")]
    assert found == [("4.25%", 4.25, "percent"), ("4.25 percent", 4.25, "percent"), ("42 per cent", 42, "percent"),
                     ("10-percent", 10, "percent"), ("3 percentage points", 3, "percentage_point"),
                     ("50 basis points", 0.5, "percentage_point"), ("7 pct", 7, "percent")]


# --- with the parse --------------------------------------------------------------------------------

def _index(text: str, *names: str) -> EntityIndex:
    """Entities for the given names, each mention found in the text (as the entities extractor would);
    a name given as "PERSON:Ann Lee" is a person, the others organizations."""
    ents = []
    for n, spec in enumerate(names, 1):
        kind, _, name = spec.rpartition(":")
        eid = f"E{n}"
        mentions = [Mention(eid, name, m.start(), m.end(), "name") for m in re.finditer(re.escape(name), text)]
        ents.append(Entity(eid, name, kind or "ORG", [], mentions))
    return EntityIndex(ents)


def _extract(nlp, text, *names, published=PUB):
    doc = nlp(text)
    dates = extract_dates(doc, published=published)
    entities = with_pronouns(doc, _index(text, *names), QuotedDoc.of(doc).ranges)
    return extract_quantities(doc, entities=entities, dates=dates, published=published)


def _counts(rows):
    return [(r["value"], r["counted"], r["qualifier"], r["subject"], r["period"]) for r in rows
            if r["kind"] == "count"]


def test_counts_with_ellipsis_qualifiers_owners_and_period(nlp):
    text = "Northwind delivered more than 240 turbines last year, while Contoso shipped only nine."
    assert _counts(_extract(nlp, text, "Northwind", "Contoso")) == [
        (240, "turbines", "more than", "Northwind", "2024"), (9, "turbines", "only", "Contoso", "2024")]


def test_the_subject_of_a_relative_clause_on_the_counted_noun_owns_the_count(nlp):
    # "the 90 engineers that Fabrikam hired": whoever hires them has them; a subject relative ("who work
    # for ...") names no owner of its own
    text = "The layoffs hit 90 engineers that Fabrikam hired last year and 300 people who joined in May."
    owners = {c: subject for _, c, _, subject, _ in _counts(_extract(nlp, text, "Fabrikam"))}
    assert owners["engineers"] == "Fabrikam" and owners["people"] is None, owners


def test_counts_in_words_and_in_a_list(nlp):
    text = "Fabrikam hired twenty-one engineers and a dozen designers in 2023."
    assert [(v, c) for v, c, *_ in _counts(_extract(nlp, text, "Fabrikam"))] == [(21, "engineers"), (12, "designers")]


def test_a_scale_abbreviation_run_on_to_the_digits_scales_the_count(nlp):
    # "3.8M credits" are 3.8 million; "4K TVs" are televisions of a resolution, four of them
    text = "The registry froze 3.8M credits, and the shop sold 4K TVs."
    counts = [(v, c) for v, c, *_ in _counts(_extract(nlp, text))]
    assert (3.8e6, "credits") in counts and not any(v == 4000 for v, _ in counts)


def test_a_capitalized_number_word_opening_a_list_item_counts(nlp):
    text = "Tays faces these charges: Two Bartholomew County warrants and one count of theft."
    assert (2, "warrants") in [(v, c) for v, c, *_ in _counts(_extract(nlp, text))]


def test_a_time_word_modifying_the_counted_noun_leaves_a_count(nlp):
    # the model reads "more than 7,000 holiday" as a time; the plural noun is what is counted
    text = "The shelter handed out more than 7,000 holiday meal boxes last month."
    assert [(v, c) for v, c, *_ in _counts(_extract(nlp, text))] == [(7000, "boxes")]


def test_partitives_model_numbers_and_zero_plurals(nlp):
    text = ("Qantas bought 20 of the new jets and five 787 freighters; it now flies 140 aircraft, "
            "and 90 of its planes are leased.")
    assert [(v, c) for v, c, *_ in _counts(_extract(nlp, text, "Qantas"))] == [
        (20, "jets"), (5, "freighters"), (140, "aircraft"), (90, "planes")]


def test_the_new_count_of_a_change_is_elided(nlp):
    text = "The chain closed 12 stores. The cuts brought its total down by 12 to 85."
    assert [(v, c) for v, c, *_ in _counts(_extract(nlp, text))] == [(12, "stores"), (85, "stores")]


def test_elided_count_after_the_number_of(nlp):
    text = "Officials cut the number of households at risk from an earlier estimate of 52,000."
    assert [(v, c) for v, c, *_ in _counts(_extract(nlp, text))] == [(52000, "households")]


@pytest.mark.parametrize("text", [
    "The airline grounded its Boeing 737 jets in 2019.",          # model number, year
    "Residents made 911 calls all night.",                       # emergency number
    "He lives at 42 Elm Street and left at 7 p.m.",               # street number, time
    "The 18-year war ended after 40 years of talks.",            # durations
    "Winds reached 70 mph and dropped 3 inches of rain.",         # measurements
    "Thousands of fans came; four to six buses were hired.",     # vague amount, range
    "It was the third time that one of the senators objected.",  # ordinal, "one of"
    "The club won four times in its first season.",              # frequency
    "The judge ruled on May 5, 2024 that one plant must close.",  # date parts, singular noun
    "Sales were hurt by our One Home Depot strategic investments.",  # a number word of a name
])
def test_not_quantities(nlp, text):
    assert _counts(_extract(nlp, text)) == []


def test_money_owner_from_recipient_possessor_subject_and_beneficiary(nlp):
    text = ("The Pentagon awarded Lockheed $2 billion, more than Raytheon's $900 million contract. "
            "Acme agreed to invest $40 million and to fund a $10 million lab. "
            "Congress set aside $70 million for Voyager.")
    rows = [r for r in _extract(nlp, text, "Pentagon", "Lockheed", "Raytheon", "Acme", "Congress", "Voyager")
            if r["kind"] == "money"]
    assert [(r["text"], r["subject"]) for r in rows] == [
        ("$2 billion", "Lockheed"), ("$900 million", "Raytheon"), ("$40 million", "Acme"),
        ("$10 million", "Acme"), ("$70 million", "Voyager")]
    assert all(r["subject_id"] for r in rows)


def test_an_amount_in_a_currency_read_as_a_verb_still_has_its_owner(nlp):
    # "won", Korea's currency, tagged as the verb "win": the amount is a noun phrase all the same
    text = ("Daewon Marine posted an operating loss of 412 billion won ($365 million) last year, South Korea's "
            "fifth-largest shipbuilder said.")
    rows = [r for r in _extract(nlp, text, "Daewon Marine") if r["kind"] == "money"]
    assert [(r["text"], r["subject"]) for r in rows] == [("412 billion won", "Daewon Marine"),
                                                        ("$365 million", "Daewon Marine")]


def test_the_object_a_verb_orders_to_pay_owns_the_money(nlp):
    # object control: "ordered Brightline to pay" - Brightline pays, not the one who ordered; an object that
    # names nobody ("used a program to assess") leaves the subject's
    text = ("The regulator ordered Brightline Freight to pay $2 million. "
            "Halvorsen Mutual used a new program to assess 900 claims.")
    rows = _extract(nlp, text, "Brightline Freight", "Halvorsen Mutual")
    assert [(r["text"], r["subject"]) for r in rows if r["kind"] in ("money", "count")] == [
        ("$2 million", "Brightline Freight"), ("900", "Halvorsen Mutual")]


def test_money_owner_carries_over_a_common_noun_subject(nlp):
    text = "Globex won $500 million in the bill.\n\nThe measure also includes $20 million for training."
    rows = _extract(nlp, text, "Globex")
    assert [r["subject"] for r in rows if r["kind"] == "money"] == ["Globex", "Globex"]


def test_unknown_publication_date_leaves_period_empty(nlp):
    rows = _extract(nlp, "Initech opened 12 stores last year.", "Initech", published=None)
    assert _counts(rows) == [(12, "stores", None, "Initech", None)]


def test_rows_fit_the_schema_and_the_text(nlp):
    text = ("Umbrella Corp said on Monday it would spend €3.5 billion, up 12% from 2024, and close "
            "about 30 labs, cutting 2,400 jobs.")
    rows = _extract(nlp, text, "Umbrella Corp")
    assert {r["kind"] for r in rows} == {"money", "percent", "count"}
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    good, bad = validate_rows("quantities", [{"article_id": "a", **r} for r in rows], clean_texts={"a": text})
    assert bad == [] and len(good) == len(rows)


def test_owner_through_relatives_appositions_and_requests(nlp):
    text = ("Berlin's main airline Lufthansa signed a deal to buy 40 of the new jets. "
            "The council backed an observatory, Lowell Observatory, for which it requested $9 million. "
            "That is $2 million above the mayor's request of $7 million for Lowell Observatory.")
    rows = _extract(nlp, text, "Berlin", "Lufthansa", "Lowell Observatory")
    assert [(r["text"], r["subject"]) for r in rows] == [
        ("40", "Lufthansa"), ("$9 million", "Lowell Observatory"), ("$2 million", "Lowell Observatory"),
        ("$7 million", "Lowell Observatory")]


def test_an_adjective_heading_a_noun_phrase_is_named_by_its_apposition(nlp):
    # "the largest of the three firms, X, received $N": X received it
    text = "The largest of the three firms, Corvane Paving, received $6.8 million for the work."
    rows = _extract(nlp, text, "Corvane Paving")
    assert ("$6.8 million", "Corvane Paving") in [(r["text"], r["subject"]) for r in rows]


def test_his_and_her_take_the_person_named_just_before(nlp):
    text = "Maria Lopez led the Lopez Group league again. She scored in 14 of her 20 games."
    rows = _extract(nlp, text, "PERSON:Maria Lopez", "Lopez Group")
    assert [(r["value"], r["counted"], r["subject"]) for r in rows if r["kind"] == "count"] == [
        (14, "games", "Maria Lopez"), (20, "games", "Maria Lopez")]


def test_reported_speech_does_not_give_the_sayer_the_count(nlp):
    # (a workforce is another matter: the article's organization's, test_a_workforce_its_sentence_...)
    text = "Initech said 1,200 visitors would come to the new site."
    assert _counts(_extract(nlp, text, "Initech")) == [(1200, "visitors", None, None, None)]


def test_vote_tallies_are_not_counts(nlp):
    text = "The Senate voted 52-48 to pass it, and the House passed it 220 to 212."
    assert _counts(_extract(nlp, text, "Senate", "House")) == []


_PIECES = ["$", "US$", "€", "£", "5", "5.9", "12,500", "billion", "bn", "m", "million", "dollars", "euros",
           "to", "-", "and", "between", "half", "a", "percent", "%", "points", "percentage", "nearly", " "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from([" ", ""]))
def test_any_text_gives_money_and_percents_that_point_into_it(words, sep):
    text = sep.join(words)
    for a in find_money(text) + find_percents(text):
        assert text[a.start:a.end] == a.text and a.value == a.value  # in the text, not NaN


def test_a_possessor_with_a_curly_apostrophe_owns_the_count(nlp):
    text = "Nearly half of Globex\u2019s 8,000 employees will leave by June."
    rows = _extract(nlp, text, "Globex")
    assert [(r["value"], r["subject"]) for r in rows if r["kind"] == "count"] == [(8000, "Globex")]


def test_the_by_agent_of_an_action_noun_owns_the_money(nlp):
    text = "Shareholders are waiting for a $2 billion tender offer by Vexa Capital."
    rows = _extract(nlp, text, "Vexa Capital")
    assert [(r["value"], r["subject"]) for r in rows if r["kind"] == "money"] == [(2_000_000_000, "Vexa Capital")]


def test_the_by_agent_of_an_action_noun_owns_the_count(nlp):
    text = "Of 24 observations by the Halden Observatory, only two showed the plume."
    rows = _extract(nlp, text, "Halden Observatory")
    assert (24, "Halden Observatory") in [(r["value"], r["subject"]) for r in rows if r["kind"] == "count"]


def test_owner_of_a_grant_and_of_a_second_clause_the_parser_hung_on_a_noun(nlp):
    text = ("In July the board recommended a $5 million grant to Brightwater Trust. "
            "Karl Imre scored for the Falcons and Juho Laine stopped 22 shots.")
    rows = _extract(nlp, text, "Brightwater Trust", "Karl Imre", "Falcons", "Juho Laine")
    assert [(r["text"], r["subject"]) for r in rows if r["kind"] == "money"] == [("$5 million", "Brightwater Trust")]
    assert [(c[0], c[3]) for c in _counts(rows)] == [(22, "Juho Laine")]


def test_a_price_is_the_priced_things(nlp):
    """'Pricing for X starts at $N', 'the price of X is $N': the money is X's."""
    text = "Pricing for the Vexa Z5 starts at $949. The price of the Zorin X2 is $1,200."
    rows = _extract(nlp, text, "PRODUCT:Vexa Z5", "PRODUCT:Zorin X2")
    assert [(r["text"], r["subject"]) for r in rows if r["kind"] == "money"] == [
        ("$949", "Vexa Z5"), ("$1,200", "Zorin X2")]


def test_a_share_price_is_the_companys(nlp):
    """'Shares of X fell to $N': the money is the price of X's stock."""
    rows = _extract(nlp, "Shares of Tessel Group fell 5% to $20 on Monday.", "Tessel Group")
    assert [(r["text"], r["subject"]) for r in rows if r["kind"] == "money"] == [("$20", "Tessel Group")]
    # "shares in X", as the British and wire press write it; a price "in" a place is no place's
    rows = _extract(nlp, "Shares in Hanbit Air closed up 1.3 percent at 312.50 euros.", "Hanbit Air")
    assert [(r["text"], r["subject"]) for r in rows if r["kind"] == "money"] == [("312.50 euros", "Hanbit Air")]
    # "whose shares": the relative word stands for the name its clause describes
    rows = _extract(nlp, "Harlow Holdings owns 52 per cent of Sahyadri Forgings, whose shares closed 4.1 per cent "
                         "lower at Rs 287.45 on the BSE after the order.", "Harlow Holdings", "Sahyadri Forgings")
    assert [(r["text"], r["subject"]) for r in rows if r["kind"] == "money"] == [("Rs 287.45", "Sahyadri Forgings")]
    rows = _extract(nlp, "Gas prices in Ohio rose to $4 a gallon.", "Ohio")
    assert [(r["text"], r["subject"]) for r in rows if r["kind"] == "money"] == [("$4", None)]


def test_people_counted_with_an_organization_or_country_in_front_are_theirs(nlp):
    """'two Contoso employees' are Contoso's; '30 Contoso jets' are a maker's, not the buyer's."""
    text = "Two Contoso employees were hurt. Emirates ordered 30 Contoso jets."
    rows = [r for r in _extract(nlp, text, "Contoso", "Emirates") if r["kind"] == "count"]
    assert [(r["value"], r["subject"]) for r in rows] == [(2, "Contoso"), (30, "Emirates")]


def test_others_counts_more_of_what_was_counted_before(nlp):
    text = "The five companies join nine others selected last year, bringing the total to 14."
    assert [(v, c) for v, c, *_ in _counts(_extract(nlp, text))][:2] == [(5, "companies"), (9, "companies")]


def test_a_number_set_against_a_count_counts_the_same_thing(nlp):
    # a result written "N votes against M for X": M are votes too
    text = "Idakwo was declared the winner with 86,412 votes against 79,905 for Grace Ameh."
    assert [(v, c) for v, c, *_ in _counts(_extract(nlp, text))] == [(86_412, "votes"), (79_905, "votes")]


def test_a_count_of_people_the_model_tagged_as_a_measure(nlp):
    """'more than 1.4 million Syrian refugees' (tagged QUANTITY by the model) is a count; '70 mph' is not."""
    text = "As of 2016, the country had admitted more than 1.4 million Syrian refugees. Winds reached 70 mph."
    assert [(v, c) for v, c, *_ in _counts(_extract(nlp, text))] == [(1_400_000, "refugees")]


def test_a_count_of_one_as_a_numeral(nlp):
    """'1 tackle, 4 assists' counts one tackle; 'one plant' and 'the No. 1 team' count nothing."""
    text = "Joe Park had 1 tackle and 4 assists. The judge ruled that one plant must close. It is the No. 1 team."
    assert [(v, c) for v, c, *_ in _counts(_extract(nlp, text))] == [(1, "tackle"), (4, "assists")]


def test_numbers_on_a_stat_line_are_the_named_players(nlp):
    """A line with no finite verb that opens with a name (a stat line) gives its counts to that name."""
    rows = _extract(nlp, "LB Joe Park 60 88% 7 tackles, 3 assists (10 combined).", "PERSON:Joe Park")
    assert [(r["value"], r["subject"]) for r in rows if r["kind"] == "count"] == [
        (7, "Joe Park"), (3, "Joe Park"), (10, "Joe Park")]


def test_a_line_labeled_with_a_name_owns_its_amounts(nlp):
    text = ("Deputies booked three people on Friday.\n\nMara J. Quill: Theft of a vehicle, held in lieu of "
            "$12,000 bond.\n\nOtto P. Brand: Burglary, held in lieu of $30,500 bond.")
    rows = _extract(nlp, text, "PERSON:Mara J. Quill", "PERSON:Otto P. Brand")
    assert [(r["text"], r["subject"]) for r in rows if r["kind"] == "money"] == [
        ("$12,000", "Mara J. Quill"), ("$30,500", "Otto P. Brand")]


def test_people_counted_with_their_country_in_front_of_a_modifier_are_its(nlp):
    rows = _extract(nlp, "Some 200 U.S. military personnel are believed to remain at the base.", "GPE:U.S.")
    assert [(r["value"], r["subject"]) for r in rows if r["kind"] == "count"] == [(200, "U.S.")]


def test_a_count_right_after_an_em_dash_is_found(nlp):
    rows = _extract(nlp, "The region saw outbreaks in recent years\u201426 cases and 11 deaths since 2009.")
    assert [(r["value"], r["counted"]) for r in rows if r["kind"] == "count"] == [(26, "cases"), (11, "deaths")]


def test_a_count_after_between_is_a_count_unless_a_range_follows(nlp):
    rows = _extract(nlp, "Officers broke up a fight between two men. Sales fell between 40 and 60 percent.")
    assert [(r["value"], r["counted"]) for r in rows if r["kind"] == "count"] == [(2, "men")]


def test_counts_the_model_misreads(nlp):
    rows = _extract(nlp, "The testimony of four national security and diplomatic officials was heard. With more "
                         "than 6 million Sentra vehicles sold, the car is a hit.")
    assert [(r["value"], r["counted"]) for r in rows if r["kind"] == "count"] == [
        (4, "officials"), (6_000_000, "vehicles")]


def test_a_stat_line_of_several_sentences_is_the_named_player_s(nlp):
    rows = _extract(nlp, "Linebackers\n\nLB Joe Park 74 100% 7 tackles, 3 assists (10 combined). 1 sack, "
                         "4 passes defended.", "PERSON:Joe Park")
    assert {r["subject"] for r in rows if r["kind"] == "count"} == {"Joe Park"}


def test_counts_of_dozens_and_half_a_scale(nlp):
    """'two dozen protesters' is 24, 'half a million people' 500,000 (not a million)."""
    rows = _extract(nlp, "More than two dozen protesters were arrested. Nearly half a million people lost power.")
    assert [(r["value"], r["counted"]) for r in rows if r["kind"] == "count"] == [(24, "protesters"),
                                                                                 (500_000, "people")]


def test_points_scored_are_counted_points_a_level_moves_are_not(nlp):
    """'scored 24 points', 'two match points' count; 'fell 300 points', 'a quarter point' measure."""
    rows = _extract(nlp, "The Hawks scored 24 points in the third quarter. The Dow fell 300 points on Monday. "
                         "The duo squandered two match points.")
    assert [(r["value"], r["counted"]) for r in rows if r["kind"] == "count"] == [(24, "points"), (2, "points")]


def test_a_number_a_plural_subjects_level_moves_to_counts_it(nlp):
    """'Arrests fell to about 54,000': 54,000 arrests; 'prices rose to 300' is a level, no count."""
    rows = _extract(nlp, "Arrests at the border fell to about 54,000 in September. The rule applies when "
                         "crossings exceed 2,500 a day. Prices rose to 300 on Monday.")
    assert [(r["value"], r["counted"]) for r in rows if r["kind"] == "count"] == [(54_000, "arrests"),
                                                                                 (2_500, "crossings")]


def test_money_to_a_count_is_no_range(nlp):
    """"gave $1.2 million to 46 businesses": a range writes the scale on its high bound ("$3 to 5 million"),
    so a scaled amount, "to" and a bare number are money and a count."""
    rows = _extract(nlp, "The fund gave $1.2 million to 46 businesses. Repairs will cost $3 to 5 million.")
    assert [(r["kind"], r["text"]) for r in rows if r["kind"] in ("money", "count")] == [
        ("money", "$1.2 million"), ("count", "46"), ("money", "$3"), ("money", "5 million")]


def test_a_number_before_a_compound_counts_its_head_noun(nlp):
    """"the 12 team owners", "40 council members": the number counts the compound's plural head (not a
    unit's: "a 10 mile run"); and a plural noun a number modifies is counted however the tagger read it."""
    rows = _extract(nlp, "The league's 12 team owners approved the deal. The bank failed to monitor 870 high-risk "
                         "customer accounts on an ongoing basis, the regulator said. She ran a 10 mile race.")
    assert [(r["value"], r["counted"]) for r in rows if r["kind"] == "count"] == [(12, "owners"), (870, "accounts")]


def test_a_value_set_on_a_thing_an_appositive_owner_and_no_carry_over_to_an_unknown_party(nlp):
    # "valued X at $N" is X's value, not the valuer's
    text = "Northgate Ventures led a round that valued Ledgerline at $1.1 billion."
    rows = _extract(nlp, text, "Northgate Ventures", "Ledgerline")
    assert [(r["text"], r["subject"]) for r in rows] == [("$1.1 billion", "Ledgerline")]
    # "X, the operator of N restaurants": the appositive's agent noun says what X runs
    text = "Cedar Hollow Kitchen, the operator of 31 restaurants, filed for bankruptcy on Tuesday."
    rows = _extract(nlp, text, "Cedar Hollow Kitchen")
    assert [(r["text"], r["subject"]) for r in rows if r["kind"] == "count"] == [("31", "Cedar Hollow Kitchen")]
    # "X, a chain with N stores": what a company set in apposition with a kind of business has is its own
    text = "Kestrel Brands said Summit Outfitters, a sporting-goods chain with 212 stores, owed it $40 million."
    rows = _extract(nlp, text, "Kestrel Brands", "Summit Outfitters")
    assert [(r["text"], r["subject"]) for r in rows if r["kind"] == "count"] == [("212", "Summit Outfitters")]
    # an organization the text names by a description it cannot resolve keeps no one else's money
    text = "Priya Raman will earn $180,000.\n\nThe department has a budget of roughly $1.3 billion."
    rows = _extract(nlp, text, "PERSON:Priya Raman")
    assert [(r["text"], r["subject"]) for r in rows] == [("$180,000", "Priya Raman"), ("$1.3 billion", None)]


def test_an_amount_a_relative_clause_says_someone_paid_or_raised_is_theirs(nlp):
    # "the $5 million that Acme raised", "the HK$12,300 per square foot that Harbourline paid"
    text = ("Kestrel Brands said the price was low compared with the HK$12,300 per square foot that Harbourline "
            "Holdings paid in 2015.")
    rows = _extract(nlp, text, "Kestrel Brands", "Harbourline Holdings")
    assert [(r["text"], r["subject"]) for r in rows] == [("HK$12,300", "Harbourline Holdings")]


def test_money_paid_for_something_is_the_payers(nlp):
    # "pay $N for X": X is what is bought; "set aside $N for X" is X's money
    rows = _extract(nlp, "Orca Freight agreed last year to pay $2.9 billion for freight broker Kestrel Labs.",
                    "Orca Freight", "Kestrel Labs")
    assert [(r["text"], r["subject"]) for r in rows] == [("$2.9 billion", "Orca Freight")]
    rows = _extract(nlp, "Orca Freight set aside $70 million for Kestrel Labs.", "Orca Freight", "Kestrel Labs")
    assert [(r["text"], r["subject"]) for r in rows] == [("$70 million", "Kestrel Labs")]


def test_a_body_or_a_place_set_in_apposition_with_a_collective_or_place_noun_owns_its_members(nlp):
    # "X, a coalition of N groups": a body made of its members counts them as its own
    text = ("Tamsin Reyes, an organizer with the Prairie Tenants Alliance, a coalition of 40 neighborhood "
            "groups, spoke.")
    rows = _extract(nlp, text, "PERSON:Tamsin Reyes", "Prairie Tenants Alliance")
    assert [(r["text"], r["subject"]) for r in rows] == [("40", "Prairie Tenants Alliance")]
    # "X, one of 40 companies": no collective, no owner
    rows = _extract(nlp, "Orca Freight, one of 40 companies in the index, rose.", "Orca Freight")
    assert [(r["text"], r["subject"]) for r in rows] == [("40", None)]
    # "X, a town of N residents": a place set in apposition with a place noun counts its people
    rows = _extract(nlp, "Sheriff Ana Cruz ordered evacuations in Merrow, a mill town of roughly 3,000 residents.",
                    "PERSON:Ana Cruz", "GPE:Merrow")
    assert [(r["text"], r["subject"]) for r in rows] == [("3,000", "Merrow")]


def test_a_workforce_its_sentence_gives_no_owner_is_the_articles_organizations(nlp):
    text = ("Harbor Foods filed for bankruptcy on Monday. Harbor Foods will close nine stores. About 240 "
            "employees worked at those locations. The union said 500 workers at Kestrel Markets would strike.")
    counts = {(r[0], r[1]): r[3] for r in _counts(_extract(nlp, text, "Harbor Foods", "Kestrel Markets"))}
    assert counts[(240, "employees")] == "Harbor Foods"
    assert counts[(500, "workers")] != "Harbor Foods"  # the sentence names another organization


def test_a_fine_is_the_fined_partys_and_results_are_the_articles_company(nlp):
    # "fined X N": X pays, however the parser hangs the sum on X, and what X is fined for X did
    text = ("Norway's Directorate of Fisheries fined Solvik Trawl AS, a family-owned operator of two trawlers, "
            "1.9 million crowns on Monday for selling the catch of 12 boats without a licence.")
    rows = _extract(nlp, text, "Directorate of Fisheries", "Solvik Trawl AS")
    assert [(r["value"], r["subject"]) for r in rows if r["kind"] in ("money", "count")] == [
        (2, "Solvik Trawl AS"), (1_900_000, "Solvik Trawl AS"), (12, "Solvik Trawl AS")]
    # "a penalty of N on X": the party the penalty is laid on pays it
    text = "The Financial Conduct Authority has imposed a penalty of £640,000 on Brackley Wealth Ltd for weak checks."
    rows = _extract(nlp, text, "Financial Conduct Authority", "Brackley Wealth Ltd")
    assert [(r["value"], r["subject"]) for r in rows if r["kind"] == "money"] == [(640_000, "Brackley Wealth Ltd")]
    # "Net income rose to N" in a story about one company: its results
    text = ("Corvane Pipelines Corp said on Thursday its quarterly profit rose. Corvane Pipelines Corp raised its "
            "dividend. Net income rose to C$48.6 million. Revenue climbed to C$412 million from C$355 million.")
    rows = _extract(nlp, text, "Corvane Pipelines Corp")
    assert [r["subject"] for r in rows if r["kind"] == "money"] == ["Corvane Pipelines Corp"] * 3


def test_results_with_no_owner_are_the_business_the_article_is_about_not_its_regulator(nlp):
    # a story about a lender and its regulator, named more often: profit and revenue are the lender's
    text = ("The Reserve Bank of India fined Kestrel Gold Loans Ltd on Monday. Kestrel Gold Loans Ltd said it "
            "would appeal. The Reserve Bank of India said the lender had ignored its rules, and the Reserve Bank "
            "of India would inspect other lenders. Net profit fell to "
            "310 million rupees, the company said, while revenue rose to 2.1 billion rupees.")
    rows = _extract(nlp, text, "Reserve Bank of India", "Kestrel Gold Loans Ltd")
    assert [(r["value"], r["subject"]) for r in rows if r["kind"] == "money"] == [
        (310_000_000, "Kestrel Gold Loans Ltd"), (2_100_000_000, "Kestrel Gold Loans Ltd")]


def test_a_bank_named_before_bank_of_a_country_is_a_company_and_has_results(nlp):
    # "Bank of Canada", "Central Bank of Nigeria", "Reserve Bank of India" are countries' central banks; a bank
    # with a name of its own before "Bank of Canada" is a company like any other
    assert all(is_central_bank(n) for n in ("Bank of Canada", "the Bank of Japan", "Central Bank of Nigeria",
                                            "Reserve Bank of India"))
    assert not any(is_central_bank(n) for n in ("Royal Bank of Canada", "Tamarack Bank of Canada"))
    text = ("Tamarack Bank of Canada set aside more money for bad loans. Tamarack Bank of Canada said home owners "
            "were struggling. Birchmount Securities said the bank would cut jobs. Net income fell to $402 million.")
    rows = _extract(nlp, text, "Tamarack Bank of Canada", "Birchmount Securities")
    assert [(r["value"], r["subject"]) for r in rows if r["kind"] == "money"] == [
        (402_000_000, "Tamarack Bank of Canada")]


def test_money_a_party_pays_another_is_the_payers_outlay_money_granted_the_recipients(nlp):
    text = ("The Riverton Pension Fund paid Granite Arch Partners $2.3 million in fees last year. The City of "
            "Riverton agreed to pay $650,000 to Nathan Greyes. The Ohio Arts Council granted $40,000 to the "
            "Riverton Players.")
    rows = _extract(nlp, text, "Riverton Pension Fund", "Granite Arch Partners", "City of Riverton",
                    "PERSON:Nathan Greyes", "Ohio Arts Council", "Riverton Players")
    assert [(r["value"], r["subject"]) for r in rows if r["kind"] == "money"] == [
        (2_300_000, "Riverton Pension Fund"), (650_000, "City of Riverton"), (40_000, "Riverton Players")]


def test_what_a_thing_costs_a_party_is_its_money_what_a_lender_lends_the_lenders(nlp):
    # "cost it $X": of the verb's two objects (the parser may read both as direct) the first bears the cost
    text = ("Solwen Cosmetics recalled 14 creams. Solwen said the recall would cost it about $28.9 million. "
            "Tarn Holdings backed the club. Tarn Holdings lent it about $400,000 a month.")
    rows = _extract(nlp, text, "Solwen Cosmetics", "Tarn Holdings")
    assert [(r["value"], r["subject"]) for r in rows if r["kind"] == "money"] == [
        (28_900_000, "Solwen Cosmetics"), (400_000, "Tarn Holdings")]


def test_a_relative_clause_after_a_comma_describes_the_name_just_before_it(nlp):
    # the parser may hang ", which sells ..." on "Shares" (a hand-built parse as it does in a long article): the
    # clause describes the company named just before the comma; with no name there, the noun it hangs on
    words = ["Shares", "of", "Harrowgate", ",", "which", "sells", "140", "medicines", ",", "fell"]
    heads = [9, 0, 1, 2, 5, 0, 7, 5, 0, 9]
    deps = ["nsubj", "prep", "pobj", "punct", "nsubj", "relcl", "nummod", "dobj", "punct", "ROOT"]
    pos = ["NOUN", "ADP", "PROPN", "PUNCT", "PRON", "VERB", "NUM", "NOUN", "PUNCT", "VERB"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert resolve_relative(doc[4], doc[5]).text == "Harrowgate"
    doc = Doc(nlp.vocab, words=["The", "firm", ",", "which", "sells", "drugs", ",", "fell"],
              heads=[1, 7, 1, 4, 1, 4, 1, 7], deps=["det", "nsubj", "punct", "nsubj", "relcl", "dobj", "punct", "ROOT"],
              pos=["DET", "NOUN", "PUNCT", "PRON", "VERB", "NOUN", "PUNCT", "VERB"])
    assert resolve_relative(doc[3], doc[4]).text == "firm"
    # a place after "in" only says where the thing is: "the plant in Monterrey, which will employ 900 people"
    doc = Doc(nlp.vocab, words=["the", "plant", "in", "Monterrey", ",", "which", "employs", "people"],
              heads=[1, 1, 1, 2, 1, 6, 1, 6], deps=["det", "ROOT", "prep", "pobj", "punct", "nsubj", "relcl", "dobj"],
              pos=["DET", "NOUN", "ADP", "PROPN", "PUNCT", "PRON", "VERB", "NOUN"],
              ents=["O", "O", "O", "B-GPE", "O", "O", "O", "O"])
    assert resolve_relative(doc[5], doc[6]).text == "plant"


def test_the_city_of_a_based_epithet_owns_nothing(nlp):
    # "The San Jose, California-based startup": the parser makes the city the head and hangs the noun on it; the
    # city only says where the company is based, and is no owner of what the company offered
    text = "The San Jose, California-based startup had offered to settle the case for $12 million in 2018."
    rows = _extract(nlp, text, "GPE:San Jose", "GPE:California")
    assert [(r["value"], r["subject"]) for r in rows if r["kind"] == "money"] == [(12_000_000, None)]


def test_things_owned_by_a_party_are_its_own(nlp):
    # "N owned by X": X owns them, whoever the clause is about
    text = ("A court banned Qiantang Mobile from selling phones after ruling that they infringe two mobile-data "
            "patents owned by Swedish licensing firm Solberg Licensing AB.")
    rows = _extract(nlp, text, "Qiantang Mobile", "Solberg Licensing AB")
    assert [(r["value"], r["subject"]) for r in rows if r["kind"] == "count"] == [(2, "Solberg Licensing AB")]


def test_what_a_party_is_cited_or_charged_for_and_a_sum_in_penalties_against_it_are_its_own(nlp):
    text = ("The state labor department cited Hollis Grain Co for 11 safety violations and proposed $640,000 in "
            "penalties against Hollis Grain Co.")
    rows = _extract(nlp, text, "Hollis Grain Co")
    assert [(r["value"], r["subject"]) for r in rows if r["kind"] in ("money", "count")] == [
        (11, "Hollis Grain Co"), (640_000, "Hollis Grain Co")]
    # a count that is itself the object of "charged" is no offence laid on anyone
    text = "Prosecutors charged Selin Karaca and four of the group's lawyers with membership of a banned group."
    rows = _extract(nlp, text, "Selin Karaca")
    assert [(r["value"], r["subject"]) for r in rows if r["kind"] == "count"] == [(4, None)]


def test_a_wire_line_of_exchange_rate_is_no_ones_money(nlp):
    # the owner of the paragraph before does not carry into "($1 = 7.85 yuan)"
    text = "Lumen Grid Corp paid 90 million yuan for the plant in 2019.\n\n($1 = 7.85 yuan)"
    rows = _extract(nlp, text, "Lumen Grid Corp")
    assert [(r["value"], r["subject"]) for r in rows if r["kind"] == "money"] == [
        (90_000_000, "Lumen Grid Corp"), (1, None), (7.85, None)]


def test_a_counted_whole_in_an_organization_is_its_and_the_part_its_holders(nlp):
    text = "Republicans hold 28 of the 50 seats in the Ohio Senate."
    counts = {r[0]: r[3] for r in _counts(_extract(nlp, text, "Republicans", "Ohio Senate"))}
    assert counts == {28: "Republicans", 50: "Ohio Senate"}


def test_a_part_of_a_whole_someone_has_is_theirs_unless_the_clause_names_an_owner(nlp):
    text = ("Hackers stole data belonging to about 4.2 million of Globex's customers. "
            "The deal includes about $150 million of Vexa Capital's debt. "
            "Initech ordered 30 of Globex's jets.")
    rows = _extract(nlp, text, "Globex", "Vexa Capital", "Initech")
    assert [(r["value"], r["subject"]) for r in rows if r["kind"] in ("count", "money")] == [
        (4_200_000, "Globex"), (150_000_000, "Vexa Capital"), (30, "Initech")]


def test_points_a_player_adds_are_scored_and_a_plural_read_as_a_verb_is_counted(nlp):
    rows = _extract(nlp, "Nia Carter added 14 points and 9 rebounds for the Hawks. The Dow added 120 points.",
                    "PERSON:Nia Carter")
    assert [(r["value"], r["counted"]) for r in rows if r["kind"] == "count"] == [(14, "points"), (9, "rebounds")]


def test_a_budget_a_chamber_passes_is_its_states(nlp):
    text = "The Ohio House of Representatives passed a $38.2 billion spending plan on Thursday. Ohio faces a deficit."
    rows = _extract(nlp, text, "Ohio House of Representatives", "GPE:Ohio")
    assert [(r["value"], r["subject"]) for r in rows if r["kind"] == "money"] == [(38_200_000_000, "Ohio")]


def test_a_list_of_counted_nouns_is_counted_as_its_umbrella(nlp):
    text = ("The meeting drew more than 120 parents, teachers and students. Dealers sold 4,210 cars, trucks "
            "and SUVs in May. The jet carried 88 passengers and four crew members. The plant makes 40 pumps "
            "and valves.")
    rows = _extract(nlp, text)
    assert [(r["value"], r["counted"]) for r in rows if r["kind"] == "count"] == [
        (120, "people"), (4210, "vehicles"), (88, "passengers"), (4, "members"), (40, "pumps")]
    # a noun with a determiner or possessor of its own is no item of the list the number counts
    rows = _extract(nlp, "Three passengers and the tanker's driver survived the crash.")
    assert [(r["value"], r["counted"]) for r in rows if r["kind"] == "count"] == [(3, "passengers")]


def test_a_number_word_inside_a_name_counts_nothing(nlp):
    # the document model's names are no numbers: "Nine Ridges" opening a sentence is the firm's short form
    text = "Nine Ridges, which had two offices in Dayton, was registered with the state."
    counts = _counts(_extract(nlp, text, "Nine Ridges"))
    assert [c[:2] for c in counts] == [(2, "offices")]


def test_an_amount_of_change_or_estimate_is_whose_the_measured_thing_is(nlp):
    # "from/to/by" after a verb of change measures its object (or its subject, with no object); "at" after
    # "estimated" values its object: the possessor of that thing owns the amount, not the clause's subject
    text = ("The new deal lifts Ortega's base pay to $410,000. "
            "Mara Quint estimated Halvex's yearly sales at about $9 million.")
    rows = _extract(nlp, text, "Ortega", "Mara Quint", "Halvex")
    assert [(r["text"], r["subject"]) for r in rows if r["kind"] == "money"] == [
        ("$410,000", "Ortega"), ("$9 million", "Halvex")]
    # a verb of making a level move ("pushed", "drove", "sent") measures its object as one of moving does
    text = "Heavy buying pushed Halvex's share price from 40 cents to $1.10 in a week."
    rows = _extract(nlp, text, "Halvex")
    assert [(r["text"], r["subject"]) for r in rows if r["kind"] == "money"] == [
        ("40 cents", "Halvex"), ("$1.10", "Halvex")]


def test_a_bodys_members_acting_as_a_group_act_for_the_body(nlp):
    # "Lorain County commissioners approved spending $2.4 million": the county's board decides, the county
    # spends; "Brandell Foods executives agreed to pay": the company pays
    text = ("Lorain County commissioners on Tuesday approved spending $2.4 million on a new jail roof. "
            "Brandell Foods executives agreed to pay $600,000 to settle the claims.")
    rows = _extract(nlp, text, "GPE:Lorain County", "Brandell Foods")
    assert [(r["text"], r["subject"]) for r in rows if r["kind"] == "money"] == [
        ("$2.4 million", "Lorain County"), ("$600,000", "Brandell Foods")]


def test_a_count_of_people_who_work_somewhere_is_the_workplaces(nlp):
    # "About 650 people work at Norbrook Mine", "1,150 employees at Keystone Ridge": a workforce is its employer's
    text = ("About 650 people work at Norbrook Mine, the company said. The board told Keystone Ridge to retrain all "
            "1,150 employees at Keystone Ridge Casino within 90 days.")
    rows = _extract(nlp, text, "Norbrook Mine", "Keystone Ridge Casino")
    assert [(r["text"], r["subject"]) for r in rows if r["kind"] == "count"] == [
        ("650", "Norbrook Mine"), ("1,150", "Keystone Ridge Casino")]


@pytest.mark.parametrize("text, names, amount, subject", [
    # a body forecasts its own figures: its results with no owner named, or its own undertaking
    ("Tarlow University expects revenue to fall by $42 million this year after the Grellan Trust cut its grant.",
     ("Tarlow University", "Grellan Trust"), "$42 million", "Tarlow University"),
    ("Pemberly Foods expects the deal to generate about $15 million in annual savings.", ("Pemberly Foods",),
     "$15 million", "Pemberly Foods"),
    # a market's prices it forecasts are no money of its own
    ("Halder Bank expects carbon prices to average 90 euros this year.", ("Halder Bank",), "90 euros", None),
])
def test_a_forecast_amount_is_the_forecasters_own_figure(nlp, text, names, amount, subject):
    rows = _extract(nlp, text, *names)
    assert [r["subject"] for r in rows if r["text"] == amount] == [subject], rows


def test_the_new_taiwan_dollar_sign():
    # Taiwan's press writes its dollar "NT$", beside "US$" for the American one
    assert _money("Net profit was NT$2.14 billion (US$68.4 million).") == [
        ("NT$2.14 billion", 2.14e9, "TWD", None), ("US$68.4 million", 6.84e7, "USD", None)]


def test_the_kind_noun_right_before_a_name_is_that_body_as_a_subject(nlp):
    # "French luxury group Aurevilly posted ...": the parser may make "group" the subject and hang the name
    # (read as an adverb) on the verb; the kind noun right before the name is the body it is said of, and "the
    # group" after it is that body
    text = ("PARIS (Reuters) - French luxury group Aurevilly posted a 14 percent rise in sales on Thursday. "
            "Profit climbed to 1.91 billion euros, the group said.")
    doc = nlp(text)
    rows = extract_quantities(doc, entities=extract_entities(doc), dates=extract_dates(doc, published=PUB),
                              published=PUB)
    assert {r["text"]: r["subject"] for r in rows} == {"14 percent": "Aurevilly", "1.91 billion euros": "Aurevilly"}


def test_a_place_set_off_by_a_colon_opening_the_story_is_a_dateline_no_owner(nlp):
    # "KOCHI:": the South Asian and Malaysian press's dateline; the clause's own subject owns the count
    text = ("KOCHI: Delivery platform Tiffinbox Ltd has agreed to pay a one-time Rs 2,000 to each of the nearly "
            "6,500 riders who stopped work last week.")
    rows = _extract(nlp, text, "Tiffinbox Ltd")
    assert all(r["subject"] != "KOCHI" for r in rows)
    from factwire.resolve.datelines import dateline_end
    doc = nlp(text)
    assert dateline_end(doc[0]) == 2 and dateline_end(nlp("KUALA LUMPUR: The court ruled.")[0]) == 3


def test_a_datelines_place_read_from_the_text():
    from factwire.resolve.datelines import dateline_place
    assert dateline_place("JAKARTA, Indonesia (AP) \u2014 The levy rose.") == ("Jakarta", "Indonesia")
    assert dateline_place("SYDNEY (Reuters) - Shares fell.") == ("Sydney",)
    assert dateline_place("NEW YORK\u2014Stocks rose.") == ("New York",)
    assert dateline_place("The firm said \u2014 again \u2014 it would pay.") == ()


def test_counts_in_lakh_and_crore_as_indian_english_writes_them(nlp):
    rows = _extract(nlp, "About 77 lakh people work in the gig economy, and the state has 2 crore voters.")
    assert [(r["value"], r["text"]) for r in rows if r["kind"] == "count"] == [(7_700_000, "77 lakh"),
                                                                             (20_000_000, "2 crore")]


def test_a_conversion_in_brackets_is_the_same_money_with_the_same_owner(nlp):
    text = ("The breakdowns at Eskom come as the Treasury prepares to take over 254 billion rand ($13.7 billion) of "
            "Eskom's roughly 400 billion rand debt.")
    rows = [r for r in _extract(nlp, text, "Eskom", "Treasury") if r["kind"] == "money"]
    assert rows[0]["subject"] is not None and rows[1]["text"] == "$13.7 billion"
    assert rows[1]["subject"] == rows[0]["subject"]
