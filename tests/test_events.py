"""Events from clause structure, on sentences written for these tests (not taken from the sample or dev set)."""

from __future__ import annotations

import json

import pytest

from factwire.extract.entities import extract_entities
from factwire.extract.events import extract_events
from factwire.extract.quotemarks import QuotedDoc
from factwire.extract.roles import extract_roles
from factwire.extract.triggers import load_taxonomy, parse_taxonomy
from factwire.resolve import Entity, EntityIndex, Mention
from factwire.resolve.pronouns import with_pronouns

pytestmark = pytest.mark.model
NAMED = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT"}


def index_of(doc, aliases: dict[str, str] | None = None) -> EntityIndex:
    """An EntityIndex straight from the model's NER spans, so that these tests don't depend on the resolver.

    `aliases` maps a surface form (a surname, "the company") to the canonical name it stands for.
    """
    aliases = aliases or {}
    found: dict[str, Entity] = {}

    def add(name: str, label: str, text: str, start: int) -> None:
        ent = found.setdefault(name, Entity(f"E{len(found) + 1}", name, label))
        ent.mentions.append(Mention(ent.entity_id, text, start, start + len(text), "name"))

    for span in doc.ents:
        if span.label_ in NAMED:
            text = span.text.removeprefix("the ").removeprefix("The ").removesuffix("'s")
            start = span.start_char + span.text.index(text)
            name = aliases.get(text, text)
            add(name, found[name].type if name in found else span.label_, text, start)
    for form, name in aliases.items():
        pos = doc.text.find(form)
        while pos >= 0:
            if name in found and not any(m.start <= pos < m.end for m in found[name].mentions):
                add(name, found[name].type, form, pos)
            pos = doc.text.find(form, pos + 1)
    return with_pronouns(doc, EntityIndex(list(found.values())), QuotedDoc.of(doc).ranges)


def events_of(nlp, text: str, aliases: dict[str, str] | None = None, **context):
    doc = nlp(text)
    context.setdefault("quantities", [])
    context.setdefault("dates", [])
    return extract_events(doc, entities=index_of(doc, aliases), published=None, **context)


def events_by_the_document_model(nlp, text: str) -> list[dict]:
    """Events over the real document model and its roles, as extract_article passes them (for rules that
    need its types, descriptions or who holds which post)."""
    doc = nlp(text)
    index = extract_entities(doc)
    return extract_events(doc, entities=index, published=None, quantities=[], dates=[],
                          roles=extract_roles(doc, entities=index))


def parties(row) -> set[str]:
    return {row["actor"], row["target"], *row["participants"]} - {None}


# One sentence of our own per event type of the taxonomy: (type, sentence, named parties the event must have)
TYPE_CASES = [
    ("contract_award", "The Pentagon awarded Lockheed Martin a contract to build new jets.",
     {"Pentagon", "Lockheed Martin"}),
    ("acquisition", "Microsoft acquired LinkedIn in a deal that surprised investors.", {"Microsoft", "LinkedIn"}),
    ("merger", "Exxon merged with Mobil to form the largest oil company.", {"Exxon", "Mobil"}),
    ("investment", "Google invested heavily in General Motors last spring.", {"Google", "General Motors"}),
    ("lawsuit", "Epic Games sued Apple over its App Store fees.", {"Epic Games", "Apple"}),
    ("investigation", "The Justice Department is investigating Boeing over the crashes.",
     {"Justice Department", "Boeing"}),
    ("regulatory_request", "Verizon asked regulators to block Comcast's purchase of the spectrum.",
     {"Verizon", "Comcast"}),
    ("ruling", "The Supreme Court struck down the Texas law on Monday.", {"Supreme Court"}),
    ("hearing", "The Senate Banking Committee held a hearing on housing costs.", {"Senate Banking Committee"}),
    ("meeting", "Angela Merkel met with Emmanuel Macron in Berlin.", {"Angela Merkel", "Emmanuel Macron"}),
    ("communication", "Joe Biden spoke with Xi Jinping by phone for two hours.", {"Joe Biden", "Xi Jinping"}),
    ("visit", "Narendra Modi visited Washington last week.", {"Narendra Modi", "Washington"}),
    ("invitation", "Barack Obama invited Angela Merkel to the summit.", {"Barack Obama", "Angela Merkel"}),
    ("warning", "Janet Yellen warned Congress about the debt limit.", {"Janet Yellen", "Congress"}),
    ("announcement", "Apple announced a new iPhone on Tuesday.", {"Apple"}),
    ("appointment", "Microsoft appointed Satya Nadella as chief executive.", {"Microsoft", "Satya Nadella"}),
    ("resignation", "Travis Kalanick resigned as chief executive of Uber.", {"Travis Kalanick", "Uber"}),
    ("dismissal", "Walt Disney fired Bob Chapek on Sunday.", {"Walt Disney", "Bob Chapek"}),
    ("election", "Voters elected Gavin Newsom governor of California.", {"Gavin Newsom"}),
    ("vote", "The Senate voted on the defense bill late Thursday.", {"Senate"}),
    ("vote", "The Chicago City Council approved a $16 billion budget on Friday.", {"Chicago City Council"}),
    # a membership approves a deal by its vote (the deal is an event of its own)
    ("vote", "Members of the Teamsters Union approved the agreement on Tuesday.", {"Teamsters Union"}),
    ("fine", "The European Commission fined Google for abusing its dominance in search.",
     {"European Commission", "Google"}),
    ("sanction", "The Treasury Department sanctioned Gazprombank over its role in the gas trade.",
     {"Treasury Department", "Gazprombank"}),
    ("suspension", "The NFL suspended Tom Brady for four games in 2016.", {"NFL", "Tom Brady"}),
    ("approval", "The Food and Drug Administration approved Leqembi for patients with early Alzheimer's.",
     {"Food and Drug Administration"}),
    ("plea", "Michael Cohen pleaded guilty to campaign finance violations in Manhattan.", {"Michael Cohen"}),
    ("conviction", "A jury in Boston convicted Dzhokhar Tsarnaev on all counts.", {"Dzhokhar Tsarnaev"}),
    ("sentencing", "A federal judge sentenced Elizabeth Holmes to 11 years in prison.", {"Elizabeth Holmes"}),
    ("kidnapping", "Gunmen kidnapped Nicholas Hartley near the border on Sunday.", {"Nicholas Hartley"}),
    ("death", "Queen Elizabeth died at Balmoral on Thursday afternoon.", {"Queen Elizabeth"}),
    ("protest", "Farmers protested against the European Union in Brussels on Monday.", {"European Union"}),
    # a strike as British and Commonwealth papers write it, a picket, a rally outside a building
    ("protest", "Members of the Korean Metal Workers' Union downed tools at the main yard on Monday.",
     {"Korean Metal Workers' Union"}),
    ("protest", "Members of the Massachusetts Nurses Association rallied outside the school on Tuesday.",
     {"Massachusetts Nurses Association"}),
    ("discovery", "Astronomers at the European Southern Observatory discovered a planet around Proxima Centauri.",
     {"European Southern Observatory"}),
    ("charge", "Federal prosecutors charged Sam Bankman-Fried with fraud in December.", {"Sam Bankman-Fried"}),
    ("arrest", "French police arrested Pavel Durov at an airport near Paris.", {"Pavel Durov"}),
    ("appropriation", "Parliament allocated funds to the Royal Navy for new ships.", {"Parliament", "Royal Navy"}),
    ("appropriation", "The defense bill, which funds the Pentagon through September, passed easily.", {"Pentagon"}),
    ("launch", "Samsung launched the Galaxy Fold in Seoul.", {"Samsung"}),
    ("agreement", "Ford reached an agreement with Volkswagen on electric vehicles.", {"Ford", "Volkswagen"}),
    ("settlement", "Ford settled with the Federal Trade Commission for $5 billion.",
     {"Ford", "Federal Trade Commission"}),
    ("release", "Hamas freed Emily Hand after seven weeks in captivity.", {"Hamas", "Emily Hand"}),
    ("earnings_report", "Netflix reported higher profits for the third quarter.", {"Netflix"}),
    # "earnings" is used only in the plural: the lemmatizer's "earning" is no trigger of its own
    ("earnings_report", "Netflix reported earnings of $2 billion on Monday.", {"Netflix"}),
    # a company's results are its net income, sales or turnover as much as its profit
    ("earnings_report", "Halberd Stores posted a 14 percent rise in first-half sales on Thursday.",
     {"Halberd Stores"}),
    ("earnings_report", "Ferrovia Industries reported a fourfold jump in second-quarter net income.",
     {"Ferrovia Industries"}),
    ("layoff", "Intel will cut 15,000 jobs by the end of the year.", {"Intel"}),
    ("rate_cut", "The European Central Bank cut its deposit rate to 3.5 percent.", {"European Central Bank"}),
    ("rate_hike", "The Federal Reserve raised interest rates by half a point.", {"Federal Reserve"}),
    ("power_shutoff", "Southern California Edison cut power to 50,000 homes during the windstorm.",
     {"Southern California Edison"}),
]


def test_every_type_of_the_taxonomy_has_a_case():
    assert {t for t, _, _ in TYPE_CASES} == set(load_taxonomy().descriptions)


@pytest.mark.parametrize(("etype", "sentence", "named"), TYPE_CASES, ids=[c[0] for c in TYPE_CASES])
def test_each_type_on_a_sentence_of_our_own(nlp, etype, sentence, named):
    rows = events_of(nlp, sentence)
    assert any(r["type"] == etype and named <= parties(r) for r in rows), rows


def test_hiring_an_organization_is_a_contract_and_hiring_a_person_an_appointment(nlp):
    rows = events_of(nlp, "The Dane County Board of Supervisors hired Badger Paving LLC, a Madison road builder, "
                          "to repave the highway.")
    assert any(r["type"] == "contract_award" and r["actor"] == "Dane County Board of Supervisors"
               and r["target"] == "Badger Paving LLC" for r in rows), rows
    rows = events_of(nlp, "Halvorsen Foods hired Jane Roe as its chief financial officer.")
    assert "contract_award" not in _types(rows) and "appointment" in _types(rows), rows


def test_a_party_that_must_be_a_person_is_one_by_the_document_model_whatever_the_tagger_read(nlp):
    # the tagger reads "Themba Mahlangu" as a product; the document model knows a person by his name and post
    rows = events_by_the_document_model(nlp, "Eskom's board suspended Themba Mahlangu, group executive for "
                                             "generation, with immediate effect.")
    assert any(r["type"] == "suspension" and r["target"] == "Themba Mahlangu" for r in rows), rows


@pytest.mark.parametrize("verb", ["picked", "selected"])
def test_picking_a_company_to_do_the_work_is_awarding_it_the_contract(nlp, verb):
    # a buyer that picks or selects a supplier awards it the work; picking a person is no contract
    rows = events_of(nlp, f"Satellite operator Sadeem Telecom has {verb} Halden Aerospace to build two satellites.")
    assert any(r["type"] == "contract_award" and r["target"] == "Halden Aerospace" for r in rows), rows
    rows = events_of(nlp, f"Senator Jane Roe {verb} Tom Hale as her running mate.")
    assert "contract_award" not in _types(rows), rows


def test_members_of_a_kind_of_body_act_for_the_one_body_of_that_kind_named(nlp):
    rows = events_of(nlp, "The Transport Workers Union of Ireland represents 2,000 drivers at the bus company. "
                          "Union members voted on Friday in favour of a strike.")
    assert any(r["type"] == "vote" and r["actor"] == "Transport Workers Union of Ireland" for r in rows), rows


def test_a_ledes_group_of_people_acts_for_the_body_the_next_sentence_names(nlp):
    rows = events_by_the_document_model(nlp, "BOISE, Idaho (AP) — Idaho utility regulators on Tuesday approved a $40 "
                                             "million rate increase for Snake River Power Co.\n\nThe Idaho Public "
                                             "Utilities Commission voted 2-1 to grant the increase.")
    assert any(r["type"] == "approval" and r["actor"] == "Idaho Public Utilities Commission"
               and r["target"] == "Snake River Power Co." for r in rows), rows


def test_the_leader_of_a_funding_round_is_the_investor(nlp):
    rows = events_by_the_document_model(nlp, "Orbitra Labs has raised $90 million from investors, including a $40 "
                                             "million round led by Granite Peak Ventures in March.")
    assert any(r["type"] == "investment" and r["actor"] == "Granite Peak Ventures" and r["target"] == "Orbitra Labs"
               for r in rows), rows


def test_rows_keep_their_sentence_span_and_entity_ids(nlp):
    text = "Shares fell in early trading. Amazon bought Whole Foods for $13.7 billion."
    doc = nlp(text)
    index = index_of(doc)
    [row] = extract_events(doc, entities=index, quantities=[], dates=[], published=None)
    assert text[row["start"]:row["end"]] == "Amazon bought Whole Foods for $13.7 billion."
    assert index.get(row["actor_id"]).name == row["actor"] == "Amazon"
    assert index.get(row["target_id"]).name == row["target"] == "Whole Foods"


def test_passive_voice_puts_the_by_phrase_first(nlp):
    rows = events_of(nlp, "Boeing was awarded $2 billion by the Navy for missile defense.")
    award = next(r for r in rows if r["type"] == "contract_award")
    assert (award["actor"], award["target"]) == ("Navy", "Boeing")


def test_a_members_vote_is_part_of_the_vote_of_the_body_they_sit_on(nlp):
    # a vote is a body's act; "Council member X, who voted against the plan" takes part in the council's vote
    rows = events_by_the_document_model(
        nlp, "The Marston City Council voted 5-2 on Tuesday to rezone the farm. Council member Ada Pike, who "
             "voted against the rezoning, said traffic would suffer.")
    votes = [r for r in rows if r["type"] == "vote"]
    assert votes and all(r["actor"] == "Marston City Council" for r in votes), votes
    assert any("Ada Pike" in r["participants"] for r in votes), votes


def test_what_is_approved_for_a_named_party_makes_it_the_target(nlp):
    rows = events_by_the_document_model(
        nlp, "On Monday the Dane County Board of Supervisors approved a five-year tax break for Orchard Ridge "
             "Foods, a cheese maker planning a new plant.")
    approval = next(r for r in rows if r["type"] == "approval")
    assert (approval["actor"], approval["target"]) == ("Dane County Board of Supervisors", "Orchard Ridge Foods")


def test_nominalization_with_of_and_by(nlp):
    rows = events_of(nlp, "Investors cheered the $1 billion acquisition of Instagram by Microsoft.")
    acq = next(r for r in rows if r["type"] == "acquisition")
    assert (acq["actor"], acq["target"]) == ("Microsoft", "Instagram")


def test_comparison_gives_a_second_event_with_its_own_amount(nlp):
    text = "The Army awarded Boeing $3 billion compared to Airbus's $1 billion share."
    money = [{"kind": "money", "value": 3e9, "currency": "USD", "start": text.index("$3"),
              "end": text.index("$3") + 10},
             {"kind": "money", "value": 1e9, "currency": "USD", "start": text.index("$1"),
              "end": text.index("$1") + 10}]
    rows = events_of(nlp, text, quantities=money)
    awards = {r["target"]: r for r in rows if r["type"] == "contract_award"}
    assert set(awards) == {"Boeing", "Airbus"}
    assert {r["actor"] for r in awards.values()} == {"Army"}
    assert (awards["Boeing"]["amount"], awards["Airbus"]["amount"]) == (3e9, 1e9)
    assert awards["Boeing"]["currency"] == "USD"


def test_coordinated_targets_make_one_event_each(nlp):
    rows = events_of(nlp, "Alphabet acquired Fitbit, Looker and Mandiant over three years.")
    acquired = {r["target"] for r in rows if r["type"] == "acquisition" and r["actor"] == "Alphabet"}
    assert {"Fitbit", "Looker", "Mandiant"} <= acquired


def test_peers_of_a_meeting_stay_in_one_event(nlp):
    rows = events_of(nlp, "Olaf Scholz met with Rishi Sunak and Giorgia Meloni in Rome.")
    [meeting] = [r for r in rows if r["type"] == "meeting"]
    assert {"Olaf Scholz", "Rishi Sunak", "Giorgia Meloni"} <= set(meeting["participants"])
    assert meeting["location"] == "Rome"


def test_travel_to_meet_is_a_meeting_at_the_destination(nlp):
    rows = events_of(nlp, "Antony Blinken flew to Riyadh to meet with Mohammed bin Salman.")
    assert [r["type"] for r in rows] == ["meeting"]
    assert rows[0]["location"] == "Riyadh"
    assert {"Antony Blinken", "Mohammed bin Salman"} <= set(rows[0]["participants"])


def test_date_of_the_clause_is_its_resolved_time_expression(nlp):
    text = "In March, Siemens hired Roland Busch to run its rail unit."
    dates = [{"text": "March", "start": text.index("March"), "end": text.index("March") + 5,
              "resolved": "2024-03"}]
    [row] = [r for r in events_of(nlp, text, dates=dates) if r["type"] == "appointment"]
    assert row["date"] == "2024-03"


def test_subject_is_inherited_through_control_and_relative_clauses(nlp):
    rows = events_of(nlp, "Ford, which is expected to lay off thousands of workers, declined to comment.")
    assert any(r["type"] == "layoff" and r["actor"] == "Ford" for r in rows), rows
    rows = events_of(nlp, "The Bank of England's decision to cut interest rates surprised traders.")
    assert any(r["type"] == "rate_cut" and r["actor"] == "Bank of England" for r in rows), rows


def test_support_verb_lends_its_subject_to_the_noun(nlp):
    rows = events_of(nlp, "Chevron faces an investigation from the Environmental Protection Agency.")
    inv = next(r for r in rows if r["type"] == "investigation")
    assert (inv["actor"], inv["target"]) == ("Environmental Protection Agency", "Chevron")


def test_agreeing_a_deal_is_one_agreement_by_the_subject(nlp):
    # "agreed a wage deal with X": the verb only supports the noun; one event, the subject's, X taking part
    rows = [r for r in events_of(nlp, "Hansa Paket Logistik AG agreed a two-year wage deal with the Verdi trade "
                                      "union on Thursday.") if r["type"] == "agreement"]
    assert len(rows) == 1 and rows[0]["actor"] == "Hansa Paket Logistik AG" and "Verdi" in rows[0]["participants"]


def test_peers_named_together_as_the_subject_of_an_agreement_are_its_two_parties(nlp):
    # "A and B agreed ...": the first acts, the other is the party it agrees with
    rows = [r for r in events_of(nlp, "Northwind Traders Inc. and Contoso Ltd. agreed on Wednesday to merge their "
                                      "units.") if r["type"] == "agreement"]
    assert [(r["actor"], r["target"]) for r in rows] == [("Northwind Traders Inc.", "Contoso Ltd.")]


def test_no_event_without_a_named_party(nlp):
    assert events_of(nlp, "During recent meetings, officials discussed new contracts.") == []


def test_generic_verbs_need_their_object(nlp):
    # "cut" is a layoff only with jobs, a rate cut only with a rate
    assert events_of(nlp, "Intel cut prices on chips before the holidays.") == []
    rows = events_of(nlp, "Intel cut 2,000 jobs at its factories.")
    assert [r["type"] for r in rows] == ["layoff"]


def test_roles_give_the_employer_of_a_resigning_person(nlp):
    roles = [{"person": "Jack Dorsey", "person_id": None, "title": "CEO", "org": "Twitter", "org_id": None}]
    text = "Twitter has grown fast. Jack Dorsey resigned as CEO last year."
    rows = events_of(nlp, text, roles=roles)
    res = next(r for r in rows if r["type"] == "resignation")
    assert (res["actor"], res["target"]) == ("Jack Dorsey", "Twitter")


def test_a_user_can_extend_the_taxonomy(nlp, tmp_path):
    data = {"support_verbs": ["hold"], "types": {"strike": {"description": "Workers strike against an employer.",
                                 "verbs": [{"lemma": "strike", "with": ["employer"]}], "nouns": ["walkout"]}}}
    path = tmp_path / "triggers.json"
    path.write_text(json.dumps(data))
    tax = load_taxonomy(str(path))
    assert tax == parse_taxonomy(data)
    doc = nlp("Nurses held a walkout against Kaiser Permanente in Oakland.")
    rows = extract_events(doc, entities=index_of(doc), quantities=[], dates=[], published=None, taxonomy=tax)
    assert [r["type"] for r in rows] == ["strike"]


def test_an_executive_leading_a_deal_acts_for_the_employer(nlp):
    roles = [{"person": "Satya Nadella", "person_id": None, "title": "CEO", "org": "Microsoft", "org_id": None}]
    text = "Microsoft grew fast. Satya Nadella led the acquisition of GitHub."
    acq = next(r for r in events_of(nlp, text, roles=roles) if r["type"] == "acquisition")
    assert (acq["actor"], acq["target"]) == ("Microsoft", "GitHub")
    assert "Satya Nadella" in acq["participants"]
    # buying something himself stays his own act
    text = "Microsoft grew fast. Satya Nadella bought Intel in a surprise move."
    acq = next(r for r in events_of(nlp, text, roles=roles) if r["type"] == "acquisition")
    assert acq["actor"] == "Satya Nadella"


def test_a_subject_pronoun_stands_for_the_last_person_named(nlp):
    text = "Tim Cook spoke at the conference. He announced a new chip on Monday."
    rows = events_of(nlp, text)
    assert any(r["type"] == "announcement" and r["actor"] == "Tim Cook" for r in rows), rows


def test_a_compound_before_a_role_noun_is_not_the_agent(nlp):
    # "the Toyota chairman" is a person of Toyota, not Toyota itself
    rows = events_of(nlp, "The Toyota chairman warned Joe Biden about tariffs.")
    warning = next(r for r in rows if r["type"] == "warning")
    assert warning["actor"] is None and warning["target"] == "Joe Biden"


def test_a_name_the_ner_missed_is_looked_up_and_a_nominal_agent_takes_part(nlp):
    text = "Stripe grew fast. Stripe agreed to a rescue by Visa last month."
    doc = nlp(text)
    stripe = Entity("E1", "Stripe", "ORG", [], [Mention("E1", "Stripe", 0, 6, "name")])  # 2nd mention missed
    visa_at = text.index("Visa")
    visa = Entity("E2", "Visa", "ORG", [], [Mention("E2", "Visa", visa_at, visa_at + 4, "name")])
    rows = extract_events(doc, entities=EntityIndex([stripe, visa]), quantities=[], dates=[], published=None)
    agreement = next(r for r in rows if r["type"] == "agreement")
    assert agreement["actor"] == "Stripe" and "Visa" in agreement["participants"]


def test_a_visit_to_a_place_has_that_location_and_a_resignation_its_employer(nlp):
    [visit] = [r for r in events_of(nlp, "Narendra Modi visited Washington last week.") if r["type"] == "visit"]
    assert visit["location"] == "Washington"
    rows = events_of(nlp, "Jack Ma stepped down from Alibaba in 2019.")
    res = next(r for r in rows if r["type"] == "resignation")
    assert (res["actor"], res["target"]) == ("Jack Ma", "Alibaba")


def test_roles_give_the_appointing_employer(nlp):
    roles = [{"person": "Mary Barra", "person_id": None, "title": "CEO", "org": "General Motors", "org_id": None}]
    rows = events_of(nlp, "General Motors builds cars. Mary Barra was named chief executive in 2014.", roles=roles)
    app = next(r for r in rows if r["type"] == "appointment")
    assert (app["actor"], app["target"]) == ("General Motors", "Mary Barra")


def test_verbs_the_lemmatizer_gets_wrong_still_trigger(nlp):
    from factwire.extract.triggers import lemma_forms

    doc = nlp("The regulator fined the bank and the union staged a walkout.")
    fined = next(t for t in doc if t.lower_ == "fined")
    assert "fine" in lemma_forms(fined)
    staged = next(t for t in doc if t.lower_ == "staged")
    assert "stage" in lemma_forms(staged)


def test_inspecting_and_examining_are_investigations(nlp):
    rows = events_of(nlp, "The Food Standards Agency inspected Kalinda Foods in March. The Central Bank's "
                          "examination of Tarn Bank found gaps.")
    assert {(r["type"], r["actor"], r["target"]) for r in rows} >= {
        ("investigation", "Food Standards Agency", "Kalinda Foods"), ("investigation", "Central Bank", "Tarn Bank")}


def test_who_orders_a_suspension_suspends_the_party_ordered(nlp):
    rows = events_of(nlp, "The Environment Ministry ordered Pembroke Copper Corp to suspend construction. The "
                          "Broadcasting Council ordered Ufuk TV to halt all programming for five days.")
    found = {(r["type"], r["actor"], r["target"]) for r in rows}
    assert {("suspension", "Environment Ministry", "Pembroke Copper Corp"),
            ("suspension", "Broadcasting Council", "Ufuk TV")} <= found
    # halting anything of one's own, unordered, is no suspension
    assert events_of(nlp, "Ufuk TV halted all programming for five days.") == []


def test_a_proposed_penalty_is_the_proposers_fine(nlp):
    rows = events_of(nlp, "The Federal Aviation Administration proposed a $1.3 million civil penalty against "
                          "Bluestem Air in August.")
    assert ("fine", "Federal Aviation Administration", "Bluestem Air") in {
        (r["type"], r["actor"], r["target"]) for r in rows}


def test_an_event_retold_without_its_doer_is_done_by_the_one_doer_named_for_its_type(nlp):
    # news names who acted once, then tells the rest in the passive: the later fines are the authority's
    rows = events_by_the_document_model(
        nlp, "The Harbor Transit Authority on Wednesday fined Zoomly Mobility and Glidex Rides Inc. for blocking "
             "sidewalks. Zoomly, which runs 1,200 scooters, was fined $48,000. Separately, Brisk Cabs Ltd. was "
             "fined $15,500 in March.")
    found = {(r["type"], r["actor"], r["target"]) for r in rows}
    assert ("fine", "Harbor Transit Authority", "Brisk Cabs Ltd.") in found
    # where the article named two doers of that type, a later one told without its doer keeps none
    rows = events_by_the_document_model(
        nlp, "The Harbor Transit Authority fined Zoomly Mobility. The Coastal Ports Board fined Glidex Rides Inc. "
             "Separately, Brisk Cabs Ltd. was fined $15,500 in March.")
    assert ("fine", None, "Brisk Cabs Ltd.") in {(r["type"], r["actor"], r["target"]) for r in rows}


def test_buying_a_stake_in_a_company_acquires_part_of_it(nlp):
    # "a 70% stake in X" is a piece of X: buying it (or approving its acquisition) is an acquisition of X
    rows = events_by_the_document_model(
        nlp, "Brazilian brewer Grupo Serra Azul has agreed to buy a controlling stake in craft beer maker "
             "Cervejaria Tucano.")
    assert ("acquisition", "Grupo Serra Azul", "Cervejaria Tucano") in {(r["type"], r["actor"], r["target"])
                                                                      for r in rows}
    rows = events_by_the_document_model(
        nlp, "The board approved the acquisition of a 76 per cent stake in Vadodara-based GreenLoop Recyclers.")
    assert any(r["type"] == "acquisition" and r["target"] == "GreenLoop Recyclers" for r in rows)


def test_british_spellings_of_ize_verbs_trigger(nlp):
    rows = events_of(nlp, "The Competition Commission penalised Morbi Ceramica on Friday. The Senate scrutinised "
                          "Kalinda Bank's lending.")
    assert {(r["type"], r["actor"], r["target"]) for r in rows} >= {
        ("fine", "Competition Commission", "Morbi Ceramica"), ("investigation", "Senate", "Kalinda Bank")}


def test_some_types_need_a_second_named_party(nlp):
    # buying "properties" or charging "fees" is not an acquisition or a criminal charge
    assert events_of(nlp, "Elon Musk bought several properties in Texas.") == []
    assert events_of(nlp, "Netflix will charge subscribers more from January.") == []
    rows = events_of(nlp, "Prosecutors charged Elizabeth Holmes with fraud.")
    assert [(r["type"], r["target"]) for r in rows] == [("charge", "Elizabeth Holmes")]


def test_rows_pass_the_events_schema(nlp):
    from factwire.validate import validate_rows

    text = ("In May, the Navy awarded Boeing $2 billion compared to Airbus's $1 billion share. "
            "Olaf Scholz met with Rishi Sunak in Rome.")
    at = text.index("$2")
    money = [{"kind": "money", "value": 2e9, "currency": "USD", "start": at, "end": at + 10}]
    dates = [{"text": "May", "start": 3, "end": 6, "resolved": "2024-05"}]
    rows = events_of(nlp, text, quantities=money, dates=dates)
    assert len(rows) >= 3
    good, quarantined = validate_rows("events", [{"article_id": "a1", **r} for r in rows],
                                      clean_texts={"a1": text})
    assert quarantined == [] and len(good) == len(rows)
    assert set(good["date"].dropna()) == {"2024-05"}


def test_a_denied_event_is_not_an_event(nlp):
    assert events_of(nlp, "Joe Biden did not meet with Xi Jinping during the summit.") == []
    assert events_of(nlp, "The European Central Bank will not rush to cut its deposit rate.") == []


def test_calling_someone_is_a_communication_calling_something_a_name_is_not(nlp):
    rows = events_of(nlp, "Emmanuel Macron called Joe Biden on Monday to discuss Ukraine.")
    assert [(r["type"], r["actor"], r["target"]) for r in rows] == [("communication", "Emmanuel Macron", "Joe Biden")]
    assert events_of(nlp, "Emmanuel Macron called the plan a mistake.") == []


def test_the_agent_of_a_participle_on_a_noun_trigger_is_its_actor(nlp):
    rows = events_of(nlp, "A lawsuit filed by Epic Games against Apple went to trial.")
    suit = next(r for r in rows if r["type"] == "lawsuit")
    assert suit["actor"] == "Epic Games" and "Apple" in suit["participants"]


def test_speaking_without_a_named_listener_is_no_communication(nlp):
    assert events_of(nlp, "Jerome Powell spoke at a news conference on Wednesday.") == []
    assert events_of(nlp, "Jerome Powell told reporters that inflation was falling.") == []
    # telling an outlet is sourcing (the attributions table), not an event between two parties
    assert events_of(nlp, "Jerome Powell told Reuters that inflation was falling.") == []
    rows = events_of(nlp, "Jerome Powell told Janet Yellen that inflation was falling.")
    assert [(r["type"], r["target"]) for r in rows] == [("communication", "Janet Yellen")]


def test_the_resignation_of_x_names_who_resigns_and_talks_take_their_subject(nlp):
    rows = events_of(nlp, "Ford announced the resignation of Jim Farley on Monday.")
    res = next(r for r in rows if r["type"] == "resignation")
    assert res["actor"] == "Jim Farley" and "Ford" in res["participants"]
    rows = events_of(nlp, "Microsoft is in talks with Activision Blizzard about a deal.")
    talks = next(r for r in rows if r["type"] == "meeting")
    assert {"Microsoft", "Activision Blizzard"} <= set(talks["participants"])


def test_a_restated_event_is_one_row_with_the_details_of_both():
    from factwire.extract.events import merge_repeats

    base = {"type": "acquisition", "trigger": "bought", "actor": "Amazon", "actor_id": "E1", "target": "Whole Foods",
            "target_id": "E2", "participants": ["Amazon", "Whole Foods"], "amount": None, "currency": None,
            "date": "2017-06", "location": None, "start": 0, "end": 40}
    again = dict(base, trigger="acquisition", participants=["Amazon", "Whole Foods", "John Mackey"], amount=13.7e9,
                 currency="USD", start=41, end=90)
    other = dict(base, date="2023-01", start=91, end=120)  # a different date: another event
    [first, second] = merge_repeats([base, again, other])
    assert (first["start"], first["amount"], first["date"]) == (0, 13.7e9, "2017-06")
    assert first["participants"] == ["Amazon", "Whole Foods", "John Mackey"]
    assert second["date"] == "2023-01"


def test_a_deal_to_buy_names_the_seller_and_an_apposition_names_the_buyer(nlp):
    text = "Australia's national carrier Qantas signed a deal to buy 12 of Airbus's A350 jets."
    rows = events_of(nlp, text)
    deal = next(r for r in rows if r["type"] == "agreement")
    assert deal["actor"] == "Qantas" and "Airbus" in deal["participants"]
    buy = next(r for r in rows if r["type"] == "acquisition")
    assert (buy["actor"], buy["target"]) == ("Qantas", "Airbus")


def test_a_subject_pronoun_continues_the_last_subject(nlp):
    text = "Toyota sold ten million cars last year. Besides its deal with Ford, it announced a new plant."
    rows = events_of(nlp, text)
    ann = next(r for r in rows if r["type"] == "announcement")
    assert ann["actor"] == "Toyota"


def test_pep_talks_and_first_person_speech_are_no_events(nlp):
    assert events_of(nlp, "Bruce Springsteen gave his band a pep talk before the show.") == []
    assert events_of(nlp, '"We bought Instagram because it was growing," Mark Zuckerberg said.') == []
    rows = events_of(nlp, "Joe Biden held a news conference with Justin Trudeau in Ottawa.")
    assert any(r["type"] == "meeting" and {"Joe Biden", "Justin Trudeau"} <= set(r["participants"]) for r in rows)


def test_a_verb_that_supports_a_noun_trigger_is_not_an_event_of_its_own(nlp):
    rows = events_of(nlp, "The Securities and Exchange Commission launched an investigation into Tesla.")
    assert [(r["type"], r["actor"], r["target"]) for r in rows] == [
        ("investigation", "Securities and Exchange Commission", "Tesla")]


def test_a_definite_description_names_the_one_entity_whose_name_ends_so(nlp):
    text = ("The Federal Trade Commission sued Meta in 2020. "
            "Meta reached a settlement with the commission on Monday.")
    rows = events_by_the_document_model(nlp, text)  # it resolves "the commission" (a description mention)
    settlement = next(r for r in rows if r["type"] == "settlement")
    assert {"Meta", "Federal Trade Commission"} <= set(settlement["participants"])


def test_a_body_appointed_in_a_relative_clause_names_its_subject_and_date(nlp):
    text = ("Mayor Jane Ortiz spoke on Monday. "
            "The mayor said she was waiting for a task force she appointed in March.")
    march = text.index("March")
    dates = [{"text": "March", "start": march, "end": march + 5, "resolved": "2025-03"}]
    rows = events_of(nlp, text, {"The mayor": "Jane Ortiz"}, dates=dates)
    assert [(r["type"], r["actor"], r["date"]) for r in rows] == [("appointment", "Jane Ortiz", "2025-03")]
    rows = events_of(nlp, "Governor Paul Brandt praised the panel he appointed last year.")
    assert [(r["type"], r["actor"]) for r in rows] == [("appointment", "Paul Brandt")]


@pytest.mark.parametrize("sentence, org", [
    ("Sarah Collins has agreed a deal to replace Tom Hale as Rovers' manager.", "Rovers"),
    ("Sarah Collins will replace Tom Hale as chief executive of Acme Corp.", "Acme Corp."),
    ("Acme Corp named Sarah Collins to replace Tom Hale.", "Acme Corp"),
    ("Sarah Collins succeeds Tom Hale as chief executive of Acme Corp.", "Acme Corp."),
    ("Sarah Collins takes over from Tom Hale at Acme Corp.", "Acme Corp."),
    ("Tom Hale will be replaced by Sarah Collins as coach of the Rovers.", "Rovers"),
])
def test_replacing_a_person_is_an_appointment_of_the_newcomer(nlp, sentence, org):
    rows = [r for r in events_of(nlp, sentence) if r["type"] == "appointment"]
    assert [(r["actor"], r["target"]) for r in rows] == [(org, "Sarah Collins")]
    assert {"Sarah Collins", "Tom Hale"} <= set(rows[0]["participants"])


def test_replacing_a_thing_is_no_appointment(nlp):
    assert events_of(nlp, "Acme Corp will replace the roof of its headquarters in Boston.") == []
    assert events_of(nlp, "Tom Hale said Acme Corp would replace the old computers.") == []
    assert events_of(nlp, "The new engine from Acme Corp succeeded in its first test.") == []
    rows = events_of(nlp, "Oracle took over Cerner last year.")  # the stricter "take over from" rule does not steal it
    assert [(r["type"], r["actor"], r["target"]) for r in rows] == [("acquisition", "Oracle", "Cerner")]


def test_a_successor_takes_the_post_at_the_predecessors_employer(nlp):
    roles = [{"person": "Tom Hale", "person_id": None, "org": "Acme Corp", "org_id": None}]
    text = "Acme Corp said that Mr. Hale would retire. Ms. Sarah Collins will succeed him, the company said."
    rows = [r for r in events_of(nlp, text, {"Hale": "Tom Hale"}, roles=roles) if r["type"] == "appointment"]
    assert [(r["actor"], r["target"]) for r in rows] == [("Acme Corp", "Sarah Collins")]
    assert "Tom Hale" in rows[0]["participants"]


def test_the_object_of_a_relative_clause_is_the_noun_it_modifies_or_that_nouns_head(nlp):
    rows = events_of(nlp, "Analysts praised DeepMind, which Google acquired in 2014.")
    assert [(r["type"], r["actor"], r["target"]) for r in rows] == [("acquisition", "Google", "DeepMind")]
    rows = events_of(nlp, "Sony, the company that Disney sued last year, settled.")
    assert [(r["type"], r["actor"], r["target"]) for r in rows] == [("lawsuit", "Disney", "Sony")]


# Wordings and conventions added for issue 14 (each on a sentence of our own).

def _types(rows) -> set[str]:
    return {r["type"] for r in rows}


def test_a_witness_testifying_is_a_hearing_with_the_body_before_which(nlp):
    rows = events_of(nlp, "Christopher Wray testified before the Senate Judiciary Committee on Tuesday.")
    hearing = next(r for r in rows if r["type"] == "hearing")
    assert hearing["target"] == "Christopher Wray" and hearing["actor"] == "Senate Judiciary Committee"


def test_coordinated_witnesses_share_one_hearing(nlp):
    rows = events_of(nlp, "Janet Yellen and Jerome Powell testified before the Senate Banking Committee.")
    hearings = [r for r in rows if r["type"] == "hearing"]
    assert len(hearings) == 1 and {"Janet Yellen", "Jerome Powell"} <= parties(hearings[0])


def test_a_group_acts_for_the_organization_it_belongs_to(nlp):
    rows = events_of(nlp, "Agents from the Federal Bureau of Investigation arrested Ross Ulbricht in San Francisco.")
    arrest = next(r for r in rows if r["type"] == "arrest")
    assert arrest["actor"] == "the Federal Bureau of Investigation" or \
        arrest["actor"] == "Federal Bureau of Investigation"
    assert arrest["target"] == "Ross Ulbricht"


def test_members_of_a_unit_act_for_the_organization_it_belongs_to(nlp):
    rows = events_of(nlp, "Members of a U.S. Marshals Service task force arrested Dana Whitlock at a motel in Dayton.")
    arrest = next(r for r in rows if r["type"] == "arrest")
    assert arrest["actor"] == "U.S. Marshals Service" and arrest["target"] == "Dana Whitlock"


def test_who_acts_along_with_the_subject_takes_part(nlp):
    rows = events_of(nlp, "The FAA said it would investigate the engine failure along with the National "
                          "Transportation Safety Board.")
    probe = next(r for r in rows if r["type"] == "investigation")
    assert probe["actor"] == "FAA" and "National Transportation Safety Board" in probe["participants"]
    suit = events_of(nlp, "The Justice Department sued Acme Corp. alongside the Federal Trade Commission.")[0]
    assert suit["target"] == "Acme Corp." and "Federal Trade Commission" in suit["participants"]


def test_the_buyer_of_a_contract_won_is_named_on_the_contract(nlp):
    # "won a contract from NASA", "won a NASA task order": the buyer awards, the winner is the target
    for text in ("Orca Freight Inc. won a $118 million NASA task order in 2023.",
                 "Orca Freight Inc. won a contract from NASA in 2023."):
        rows = events_of(nlp, text)
        assert [(r["type"], r["actor"], r["target"]) for r in rows] == [
            ("contract_award", "NASA", "Orca Freight Inc.")], (text, rows)


def test_pronounced_dead_is_a_death_and_pronounced_the_winner_none(nlp):
    rows = events_of(nlp, "Dana Whitlock was pronounced dead at a hospital in Dayton.")
    assert [(r["type"], r["target"]) for r in rows] == [("death", "Dana Whitlock")], rows
    assert events_of(nlp, "The mayor pronounced Dana Whitlock the winner of the contest.") == []


def test_who_is_said_of_people_not_of_the_place_the_parser_hangs_it_on(nlp):
    rows = events_by_the_document_model(nlp, '"It hurt," said Dana Whitlock, a former warehouse worker from '
                                             "Baytown who testified at the trial.")
    assert [(r["type"], r["target"]) for r in rows] == [("hearing", "Dana Whitlock")], rows


def test_a_group_in_a_place_is_not_the_place(nlp):
    rows = events_of(nlp, "Police in Ohio arrested Dylan Roof after a chase.")
    assert all(r["actor"] != "Ohio" for r in rows)


def test_a_possessive_pronoun_on_a_noun_trigger_is_the_subject_of_its_clause(nlp):
    rows = events_of(nlp, "Sam Bankman-Fried will stay in jail until his sentencing hearing in March.")
    assert any(r["type"] == "hearing" and "Sam Bankman-Fried" in parties(r) for r in rows), rows


def test_a_past_participle_on_a_noun_is_a_passive(nlp):
    rows = events_of(nlp, "The budget approved by the Oregon Legislature in June raised school spending.")
    assert any(r["type"] == "vote" and r["actor"] == "Oregon Legislature" for r in rows), rows


def test_modal_and_conditional_clauses_are_not_events(nlp):
    assert "acquisition" not in _types(events_of(nlp, "Microsoft could buy Activision Blizzard next year."))
    assert "conviction" not in _types(events_of(nlp, "If a jury convicts Hunter Biden, he faces prison."))
    assert "acquisition" in _types(events_of(nlp, "Microsoft will buy Activision Blizzard next year."))
    # a modal scopes over verbs that share its subject, not over a second clause with a subject of its own
    assert "acquisition" not in _types(events_of(nlp, "Orca Freight Inc. would buy Kestrel Labs and sell its plant."))
    text = ("Orca Freight Inc. laid off 60 employees (the company would not disclose the actual number but "
            "called it small) and Kestrel Labs Inc. laid off several hundred.")
    assert {(r["type"], r["actor"]) for r in events_of(nlp, text)} >= {("layoff", "Kestrel Labs Inc.")}


def test_a_wished_for_event_is_not_an_event(nlp):
    assert "acquisition" not in _types(events_of(nlp, "Elon Musk tried to buy Twitter in April."))
    rows = events_of(nlp, "Donald Trump made a request to Ukraine to investigate Joe Biden.")
    assert "investigation" not in _types(rows)


def test_a_planned_event_is_not_an_event_yet(nlp):
    # an intention is no event ("plans to buy"); what others expect to happen is news ("is expected to lay off")
    assert "acquisition" not in _types(events_of(nlp, "Orca Freight Inc. plans to buy Kestrel Labs next year."))
    assert "layoff" not in _types(events_of(nlp, "Orca Freight Inc. intends to lay off 200 workers in May."))


def test_a_topic_of_speech_is_not_an_event_of_the_speaker(nlp):
    rows = events_of(nlp, "Carl Sagan spoke of the discovery at Cornell University.")
    assert all(r["actor"] != "Carl Sagan" for r in rows if r["type"] == "discovery")


def test_a_place_is_enough_for_a_protest_or_a_death(nlp):
    rows = events_of(nlp, "Thousands of students protested in Santiago on Friday.")
    protest = next(r for r in rows if r["type"] == "protest")
    assert protest["location"] == "Santiago" and protest["participants"] == []
    rows = events_of(nlp, "Thousands of people protested against higher fares on Friday.")
    assert "protest" not in _types(rows)  # no named party and no named place


def test_members_of_the_one_body_their_title_names_act_for_it(nlp):
    # "Senators voted": the members of the article's one senate vote as that senate
    rows = events_by_the_document_model(nlp, "The Delmarva State Senate took up the nomination on Monday. "
                                        "Senators voted 27-11 to confirm Judge Renata Okonkwo-Bell.")
    assert any(r["type"] == "vote" and r["actor"] == "Delmarva State Senate" for r in rows), rows


def test_a_judge_dismissing_a_case_rules_an_employer_dismissing_a_person_fires(nlp):
    # "dismissed a challenge", "dismissed the lawsuit": a court's decision; "dismissed its chief executive": a firing
    rows = events_by_the_document_model(nlp, "In the Supreme Court of Tasmania on Tuesday, Justice Miriam Coad "
                                             "dismissed a challenge by Leonard Mowbray. Acme Corp dismissed its chief "
                                             "executive, Jo Park, on Monday.")
    assert [(r["type"], r["actor"]) for r in rows if r["trigger"] == "dismissed"] == [
        ("ruling", "Miriam Coad"), ("dismissal", "Acme Corp")], rows


def test_placing_a_person_on_leave_is_a_suspension(nlp):
    # an employer that places a person on (administrative) leave suspends them; placing a thing on a table is none
    rows = events_by_the_document_model(nlp, "The Halden School District placed Principal Jo Park on paid "
                                             "administrative leave on Monday. Jo Park placed a book on the table.")
    assert [(r["type"], r["actor"], r["target"]) for r in rows if r["trigger"] == "placed"] == [
        ("suspension", "Halden School District", "Jo Park")]


def test_a_strike_is_a_workers_protest(nlp):
    # workers who walk off the job or go on strike protest against their employer; an air strike is no protest
    rows = events_of(nlp, "Members of the Harbour Transit Workers Union walked off the job on Tuesday.")
    assert any(r["type"] == "protest" and r["actor"] == "Harbour Transit Workers Union" for r in rows), rows
    rows = events_of(nlp, "The Kestrel Brewery Workers Union went on strike on Monday over pay.")
    assert any(r["type"] == "protest" and r["actor"] == "Kestrel Brewery Workers Union" for r in rows), rows
    rows = events_of(nlp, "The walkout by the Ondo Teachers Union closed 300 schools.")
    assert any(r["type"] == "protest" and r["actor"] == "Ondo Teachers Union" for r in rows), rows
    assert "protest" not in _types(events_of(nlp, "The Ruritanian army carried out an air strike on Vell on Monday."))
    assert "protest" not in _types(events_of(nlp, "Jo Park walked off the stage in Vell after the speech."))


def test_a_place_inside_a_place_phrase_is_where(nlp):
    rows = events_of(nlp, "Farmers protested in dozens of towns across France on Monday.")
    assert any(r["type"] == "protest" and r["location"] == "France" for r in rows), rows


def test_killing_needs_people_killed(nlp):
    assert "death" in _types(events_of(nlp, "In Khartoum, soldiers killed 12 protesters on Sunday."))
    assert "death" not in _types(events_of(nlp, "Jane Goodall killed a snake near the camp in Tanzania."))


def test_people_named_with_their_ages_and_jobs_are_each_killed(nlp):
    # a name set before an age is a person's, whatever the tagger read it as; names listed each with an age and
    # a job are coordinated, though the parser joins the second to the first one's job
    rows = events_by_the_document_model(nlp, "The blast killed Ruben Castillo, 46, a shift supervisor, and Kendrick "
                                             "Moss, 29, a contract pipefitter, and sent smoke over Pasadena.")
    assert sorted(r["target"] for r in rows if r["type"] == "death") == ["Kendrick Moss", "Ruben Castillo"], rows


def test_killing_a_person_named_beside_a_noun_is_a_death(nlp):
    # "killed the owner, Ray Dunn": the noun a person's name is set beside is that person
    rows = events_of(nlp, "The blast killed the owner, Ray Dunn, on Monday.")
    assert any(r["type"] == "death" and r["target"] == "Ray Dunn" for r in rows)


def test_a_suspension_is_of_a_person(nlp):
    assert "suspension" not in _types(events_of(nlp, "The Honda Civic gets a new rear suspension this year."))


def test_an_authority_suspends_an_organization_it_licenses(nlp):
    # a standard body suspends an auditor, a regulator a broker or a channel: the organization is suspended;
    # suspending a dividend suspends no party
    rows = events_by_the_document_model(nlp, "The Verra Carbon Council suspended Brightline Assurance Ltd, an "
                                             "auditor of cookstove projects, on Monday.")
    assert [(r["type"], r["target"]) for r in rows if r["trigger"] == "suspended"] == [
        ("suspension", "Brightline Assurance Ltd")], rows
    assert "suspension" not in _types(events_of(nlp, "Halden Foods Inc suspended its dividend in May."))


def test_signing_a_contract_is_an_agreement_and_winning_one_an_award(nlp):
    rows = events_of(nlp, "Pat Riley signed a three-year contract with the Miami Heat in July.")
    assert any(r["type"] == "agreement" and "Miami Heat" in parties(r) for r in rows), rows
    rows = events_of(nlp, "Lockheed Martin won a contract from the Navy to build radars.")
    assert "agreement" not in _types(rows) and "contract_award" in _types(rows)


def test_news_wordings_of_existing_types(nlp):
    cases = [
        ("resignation", "Jack Dorsey left the company in November.", "Jack Dorsey"),
        # retiring as a post's holder is leaving it ("retired to Florida", "retired from anesthesiology" are not)
        ("resignation", "Ruth Penhaligon said she would retire as a director next year.", "Ruth Penhaligon"),
        ("launch", "Toyota is rolling out a new hybrid in Europe.", "Toyota"),
        ("appointment", "The board of Boeing installed Kelly Ortberg as chief executive.", "Kelly Ortberg"),
        ("election", "Javier Milei won the election in Argentina last year.", "Javier Milei"),
        ("rate_cut", "The Bank of England slashed interest rates to 0.1 percent.", "Bank of England"),
        ("charge", "Sam Bankman-Fried faces federal charges in New York.", "Sam Bankman-Fried"),
    ]
    for etype, sentence, name in cases:
        rows = events_of(nlp, sentence)
        assert any(r["type"] == etype and name in parties(r) for r in rows), (sentence, rows)


def test_retiring_to_a_place_is_no_resignation(nlp):
    assert "resignation" not in _types(events_of(nlp, "Jo Park retired to Florida in 2010 and took up golf."))
    assert "resignation" not in _types(events_of(nlp, "Leif Dahl, a blogger, retired from anesthesiology at 43."))


def test_charges_of_a_battery_are_not_criminal_charges(nlp):
    rows = events_of(nlp, "Tesla owners complained about slow charges at Supercharger stations.")
    assert "charge" not in _types(rows)


def test_a_statement_issued_or_said_in_is_an_announcement(nlp):
    rows = events_of(nlp, "The Federal Aviation Administration issued a statement on Friday about the grounding.")
    assert any(r["type"] == "announcement" and r["actor"] == "Federal Aviation Administration" for r in rows), rows
    rows = events_of(nlp, "The Federal Aviation Administration said in a statement that the jets were safe.")
    assert any(r["type"] == "announcement" and r["actor"] == "Federal Aviation Administration" for r in rows), rows
    assert "communication" not in _types(rows)


def test_the_verb_over_a_noun_trigger_can_deny_or_wish_it(nlp):
    assert "agreement" not in _types(events_of(nlp, "Google did not reach an agreement with Yahoo."))
    rows = events_of(nlp, "Amnesty International asked the International Criminal Court to open an investigation.")
    assert "investigation" not in _types(rows) and "regulatory_request" in _types(rows)


def test_a_topic_keeps_its_own_date(nlp):
    text = "Christopher Wray testified about a June 5 meeting with James Comey."
    start = text.index("June 5")
    rows = events_of(nlp, text, dates=[{"start": start, "end": start + 6, "resolved": "2017-06-05"}])
    hearing = next(r for r in rows if r["type"] == "hearing")
    assert hearing["date"] is None  # the date is the meeting's
    meeting = next(r for r in rows if r["type"] == "meeting")
    assert meeting["date"] == "2017-06-05"


def test_rounds_of_an_event_keep_their_support_verb(nlp):
    rows = events_of(nlp, "PG&E initiated four rounds of planned outages in October.")
    assert any(r["type"] == "power_shutoff" and r["actor"] == "PG&E" for r in rows), rows


def test_a_denied_predicate_about_an_event_does_not_deny_it(nlp):
    rows = events_of(nlp, "Mike Pence said the call with Volodymyr Zelensky was not improper.")
    assert "communication" in _types(rows)


def test_an_object_pronoun_is_the_last_person_named_but_not_the_subject(nlp):
    text = "Rudy Giuliani flew to Madrid. Kurt Volker said he had one meeting with him in August."
    rows = events_of(nlp, text, aliases={"Volker": "Kurt Volker"})
    meeting = next(r for r in rows if r["type"] == "meeting")
    assert {"Kurt Volker", "Rudy Giuliani"} <= parties(meeting), rows
    rows = events_of(nlp, "Kurt Volker met with him in Kyiv.")
    assert not any(r["type"] == "meeting" and r["target"] == "Kurt Volker" for r in rows)


def test_a_gerund_object_is_done_by_the_subject_of_its_verb(nlp):
    rows = events_of(nlp, "Angela Merkel had a long meeting with Emmanuel Macron in Paris.")
    assert any(r["type"] == "meeting" and {"Angela Merkel", "Emmanuel Macron"} <= parties(r) for r in rows), rows


def test_finding_guilty_is_a_conviction_and_not_guilty_is_none(nlp):
    rows = events_of(nlp, "A jury found Derek Chauvin guilty of murder in April.")
    assert any(r["type"] == "conviction" and r["target"] == "Derek Chauvin" for r in rows), rows
    assert "conviction" not in _types(events_of(nlp, "A jury found Derek Chauvin not guilty of murder in April."))


def test_a_name_parsed_inside_the_post_is_the_appointee(nlp):
    rows = events_of(nlp, "Apple named Jeff Williams chief operating officer.")
    assert any(r["type"] == "appointment" and r["target"] == "Jeff Williams" for r in rows), rows


def test_a_visit_names_where_or_whom(nlp):
    assert "visit" not in _types(events_of(nlp, "Gordon Sondland told visiting Ukrainian officials to wait."))
    rows = events_of(nlp, "In October, Joe Manchin visited the border near McAllen, Texas.")
    assert any(r["type"] == "visit" and r["location"] == "McAllen" for r in rows), rows
    # one who is flown somewhere is carried, not visiting; one who flies there travels
    assert "visit" not in _types(events_of(nlp, "After his release, Reza Ghorbani was flown to Tehran."))
    assert "visit" in _types(events_of(nlp, "Foreign Minister Ana Ruiz flew to Tehran on Monday."))


def test_a_sentence_of_years_and_a_second_term(nlp):
    rows = events_of(nlp, "Ghislaine Maxwell received a 20-year sentence.")
    assert any(r["type"] == "sentencing" and r["target"] == "Ghislaine Maxwell" for r in rows), rows
    rows = events_of(nlp, "Emmanuel Macron won a second term in April.")
    assert any(r["type"] == "election" and r["actor"] == "Emmanuel Macron" for r in rows), rows


def test_a_plea_is_guilty_or_not_guilty_but_pleading_with_someone_is_none(nlp):
    assert "plea" in _types(events_of(nlp, "Ghislaine Maxwell pleaded not guilty on Monday."))
    assert "plea" not in _types(events_of(nlp, "Mary Smith pleaded with Hamas to free her son."))


def test_a_security_clearance_is_no_approval(nlp):
    assert "approval" not in _types(events_of(nlp, "Michael Flynn lost his security clearance in 2017."))


def test_a_group_named_again_on_its_own_acts_for_the_organization_it_was_said_to_belong_to(nlp):
    text = ("Officers from the Marlow County Sheriff's Office stopped a car on Main Street and arrested "
            "Dana Reyes. Officers also arrested Cole Hart at his home on Tuesday.")
    rows = [r for r in events_of(nlp, text) if r["type"] == "arrest"]
    assert {(r["actor"], r["target"]) for r in rows} == {
        ("Marlow County Sheriff's Office", "Dana Reyes"), ("Marlow County Sheriff's Office", "Cole Hart")}, rows


def test_a_title_whose_phrase_ends_in_a_name_is_that_person(nlp):
    text = ("On Friday, former U.S. ambassador to the Ukraine Dana Velkov testified before the Senate "
            "Foreign Relations Committee.")
    rows = [r for r in events_of(nlp, text) if r["type"] == "hearing"]
    assert rows and "Dana Velkov" in parties(rows[0]), rows


def test_a_product_is_launched_by_the_maker_it_is_named_after(nlp):
    text = "Orvel Inc. makes game consoles. The Orvel Vista made its debut in Tokyo on Monday."
    rows = [r for r in events_by_the_document_model(nlp, text) if r["type"] == "launch"]  # it types the product
    assert [(r["actor"], r["target"]) for r in rows] == [("Orvel Inc.", "Orvel Vista")], rows


def test_a_product_unveiled_is_launched(nlp):
    """'unveiled'/'revealed' with a product as target is the product's launch by its maker."""
    rows = events_of(nlp, "Nissan unveiled the all-new Nissan Sentra at the Los Angeles Auto Show on Tuesday.")
    assert any(r["type"] == "launch" and r["actor"] == "Nissan" and r["target"] == "Nissan Sentra" for r in rows)
    rows = events_of(nlp, "The Justice Department unveiled its case against the bank on Tuesday.")
    assert [r["type"] for r in rows] == ["announcement"]


def test_a_phrasal_verb_is_another_verb(nlp):
    """'ruled out Taliban involvement' is no ruling; 'the court ruled' is."""
    assert events_of(nlp, "The Afghan government has ruled out Taliban involvement in the crash.") == []
    assert [r["type"] for r in events_of(nlp, "The Supreme Court ruled against Google on Monday.")] == ["ruling"]


def test_taking_the_wraps_off_a_product_is_its_launch(nlp):
    rows = events_of(nlp, "Kestrel Motors has taken the covers off the eighth-generation Kestrel Vista.")
    assert [(r["type"], r["actor"]) for r in rows] == [("launch", "Kestrel Motors")]
    assert "Kestrel Vista" in rows[0]["participants"]
    assert events_of(nlp, "Police took the cover off the car.") == []


def test_a_product_that_goes_on_sale_is_launched_by_its_maker(nlp):
    text = "Orvel Inc. showed the Orvel Vista in Tokyo. The Orvel Vista goes on sale in the summer."
    rows = [r for r in events_by_the_document_model(nlp, text) if r["type"] == "launch"]
    assert [(r["actor"], r["target"]) for r in rows] == [("Orvel Inc.", "Orvel Vista")], rows


def test_going_on_strike_is_no_launch(nlp):
    rows = events_of(nlp, "Nurses at Riverton General Hospital went on strike on Monday over pay.")
    assert not any(r["type"] == "launch" for r in rows), rows


def test_the_state_of_a_place_acts_as_the_place(nlp):
    rows = events_of(nlp, "The state of Ohio sued Acme Corp. over the chemical spill on Monday.")
    assert any(r["type"] == "lawsuit" and r["actor"] == "Ohio" and r["target"] == "Acme Corp." for r in rows), rows


def test_a_tweet_is_a_communication(nlp):
    rows = events_of(nlp, '"The tour is over," Ann Lee tweeted on Monday.')
    assert any(r["type"] == "communication" and r["actor"] == "Ann Lee" for r in rows), rows


def test_posting_a_loss_is_no_communication(nlp):
    assert not any(r["type"] == "communication" for r in events_of(nlp, "Acme Corp. posted a loss of $4 million."))


@pytest.mark.parametrize("text", ["Police Chief Ann Lee told reporters at a news conference that two men were held.",
                                  "Ann Lee said at a press conference on Monday that she would run."])
def test_speaking_at_a_news_conference_is_an_announcement(nlp, text):
    rows = events_of(nlp, text)
    assert any(r["type"] == "announcement" and r["actor"] == "Ann Lee" for r in rows), rows


def test_a_news_conference_between_two_leaders_is_a_meeting(nlp):
    rows = events_of(nlp, "The deal was due weeks after an October news conference between Donald Trump and Liu He.")
    assert not any(r["type"] == "announcement" for r in rows), rows


@pytest.mark.parametrize("text", ["Jane Roe posted bail on Monday and left the jail.",
                                  "The Yankees posted a 5-3 win over the Red Sox on Sunday."])
def test_posting_bail_or_a_result_is_no_communication(nlp, text):
    assert not any(r["type"] == "communication" for r in events_of(nlp, text))


def test_telling_the_police_after_an_arrest_makes_no_arrester(nlp):
    rows = events_of(nlp, "Jane Roe told police after the arrest of John Doe that she was afraid.")
    assert all(r["actor"] != "Jane Roe" for r in rows if r["type"] == "arrest"), rows


def test_a_news_conference_with_another_leader_is_no_announcement(nlp):
    rows = events_of(nlp, "Joe Biden told reporters at a joint news conference with Emmanuel Macron that it went well.")
    assert not any(r["type"] == "announcement" for r in rows), rows


def test_a_participle_joined_to_a_passive_verb_is_passive_too(nlp):
    # "was arrested and charged": the second participle shares the auxiliary, and its subject undergoes it
    rows = events_of(nlp, "Dana Cole was arrested on Friday and charged with murder.")
    assert {(r["type"], r["actor"], r["target"]) for r in rows} == {
        ("arrest", None, "Dana Cole"), ("charge", None, "Dana Cole")}, rows


def test_a_denied_clause_reports_no_event(nlp):
    # "denied that it had agreed to buy X": neither the agreement nor the purchase happened, as the
    # sentence tells it; "confirmed that ..." reports both
    assert events_of(nlp, "Tessel Group denied that it had agreed to buy Globex Inc.") == []
    assert events_of(nlp, "Dana Cole denied meeting Tom Reyes.") == []
    assert {"agreement", "acquisition"} <= _types(events_of(nlp, "Tessel Group confirmed that it had agreed "
                                                                "to buy Globex Inc."))


def test_selling_to_a_buyer_is_the_buyers_acquisition(nlp):
    # "sold X to Y", "the sale of X to Y": Y buys X; the seller takes part
    rows = events_of(nlp, "Tessel Group sold Globex Inc. to Acme Corp. for $2 billion.")
    assert [(r["type"], r["actor"], r["target"]) for r in rows] == [("acquisition", "Acme Corp.", "Globex Inc.")]
    assert "Tessel Group" in rows[0]["participants"]
    rows = events_of(nlp, "The sale of Globex Inc. to Acme Corp. closed on Monday.")
    assert [(r["type"], r["actor"], r["target"]) for r in rows] == [("acquisition", "Acme Corp.", "Globex Inc.")]
    # selling things to no named buyer, or tickets to fans, is no acquisition
    assert events_of(nlp, "Acme Corp. sold 5 million phones last year.") == []
    assert events_of(nlp, "The sale of tickets to fans began on Monday.") == []
    # nor is a business's trade, in the present simple ("which sells steel to builders")
    assert events_of(nlp, "Ferro Norte, which sells structural steel to builders in Monterrey, said prices "
                          "rose.") == []


def test_no_one_acts_on_itself(nlp):
    # "its phones" are the buyer's own: the acquisition has no target
    rows = events_of(nlp, "Acme Corp. bought its phones from Walmart.")
    assert all(r["target"] != r["actor"] for r in rows), rows


def test_found_guilty_when_the_parser_hangs_the_adjective_on_the_name(nlp):
    # "found Tom Reyes guilty": the adjective after the object is what the verb says of it
    rows = events_of(nlp, "A jury found Tom Reyes guilty of murder.")
    assert [(r["type"], r["target"]) for r in rows] == [("conviction", "Tom Reyes")], rows
    assert events_of(nlp, "A jury found Tom Reyes not guilty of murder.") == []


def test_a_wire_credit_is_no_party_and_being_met_with_laughter_no_meeting(nlp):
    rows = events_of(nlp, "(CNN) President Donald Trump made an unscheduled trip to Walter Reed hospital on Saturday.")
    assert [(r["type"], r["actor"]) for r in rows] == [("visit", "Donald Trump")], rows
    assert events_of(nlp, "The plan Jeremy Corbyn offered was met with hoots of laughter.") == []


def test_the_would_of_reported_speech_is_a_plan_not_a_supposition(nlp):
    # "said it would cut jobs" reports "will cut": a layoff; "would cut jobs if" and "could" suppose
    rows = events_by_the_document_model(nlp, "Tessel Group said on Thursday it would cut about 1,200 jobs.")
    assert [(r["type"], r["actor"]) for r in rows] == [("layoff", "Tessel Group")], rows
    assert events_by_the_document_model(nlp, "Tessel Group would cut jobs if demand fell.") == []
    assert events_by_the_document_model(nlp, "Analysts said Tessel Group could cut jobs.") == []


def test_no_peer_event_with_oneself(nlp):
    rows = events_by_the_document_model(nlp, "Tessel Group agreed to sell its medical unit to Orbis Health.")
    assert all(r["actor"] != r["target"] for r in rows), rows


def test_imposing_a_sanction_or_fine_on_someone(nlp):
    # "impose" lends its subject; the "on" object the parser hangs on the verb is the target
    rows = events_by_the_document_model(nlp, "European Union leaders agreed on Thursday to impose a new package "
                                             "of sanctions on Russia.")
    assert [(r["type"], r["actor"], r["target"]) for r in rows] == [("sanction", "European Union", "Russia")], rows
    rows = events_by_the_document_model(nlp, "Regulators imposed a $5 million fine on Acme Corp.")
    assert [(r["type"], r["target"]) for r in rows] == [("fine", "Acme Corp.")], rows


def test_a_part_of_an_organization_stands_for_it_as_a_party(nlp):
    # "the Singapore branch of X", "the US unit of X": the organization whose branch or unit it is
    rows = events_by_the_document_model(nlp, "The Harbour Authority imposed penalties on the Singapore branch of "
                                             "Tallis Private Bank.")
    assert [(r["type"], r["actor"], r["target"]) for r in rows] == [
        ("fine", "Harbour Authority", "Tallis Private Bank")], rows
    rows = events_by_the_document_model(nlp, "Marlow Capital acquired the European unit of Ostrava Steel.")
    assert [(r["type"], r["actor"], r["target"]) for r in rows] == [
        ("acquisition", "Marlow Capital", "Ostrava Steel")], rows


def test_raising_money_in_a_round_led_by_an_investor(nlp):
    # "raised $400 million in a funding round led by X": X invests in the raiser
    rows = events_by_the_document_model(nlp, "Nimbus Systems raised $400 million in a funding round led by Sequoia "
                                             "Capital in March.")
    assert [(r["type"], r["actor"], r["target"]) for r in rows] == [
        ("investment", "Sequoia Capital", "Nimbus Systems")], rows


def test_deaths_where_a_place_is_named_happen_there_not_to_it(nlp):
    # "St. Lucie County, where four people died": the county is where, not who died
    doc = nlp("Tornadoes destroyed dozens of homes in St. Lucie County, where at least four people died.")
    rows = extract_events(doc, entities=extract_entities(doc), quantities=[], dates=[], published=None)
    assert [(r["type"], r["target"], r["location"]) for r in rows] == [("death", None, "St. Lucie County")], rows


def test_a_dateline_is_no_subject_and_a_board_acts_for_its_body(nlp):
    # "COLUMBUS, Ohio — X's board of trustees voted": the parser makes the dateline the subject
    rows = events_by_the_document_model(nlp, "COLUMBUS, Ohio \u2014 Ohio State University's board of trustees voted "
                                             "Friday to raise tuition by 4% for incoming students.")
    # (the vote carried: the trustees approved the rise too)
    assert [(r["type"], r["actor"]) for r in rows] == [("vote", "Ohio State University"),
                                                        ("approval", "Ohio State University")], rows


def test_a_plural_subject_acts_through_the_ones_it_names(nlp):
    # "Several airlines, including Delta Air Lines and United Airlines, sued": those named act
    rows = events_by_the_document_model(nlp, "Several airlines, including Delta Air Lines and United Airlines, "
                                             "sued the Transportation Department on Friday.")
    assert rows and rows[0]["type"] == "lawsuit" and {"Delta Air Lines", "United Airlines"} <= set(
        rows[0]["participants"]), rows


def test_a_persons_debut_and_a_wanted_or_weighed_act_are_no_events(nlp):
    # "his debut" is a first appearance, no launch; a company's debut is one
    assert [e["type"] for e in events_of(nlp, "Rafael Monteiro will make his debut against Fulham on Saturday.")
            if e["type"] == "launch"] == []
    assert [e["type"] for e in events_of(nlp, "Nintendo debuted the Switch 2 in Tokyo.")] == ["launch"]
    # the chance to do something that is wanted, and an act only weighed, did not happen
    assert events_of(nlp, "Germany and Italy wanted more freedom to purchase equipment from Lockheed Martin.") == []
    assert events_of(nlp, "Marisol Ybarra said she would consider asking the Nevada Supreme Court to rehear the "
                          "case.") == []
    # an election board posts results, no earnings
    assert [e["type"] for e in events_of(nlp, "Turnout was 21%, according to results posted by the Lehigh County "
                                                "Board of Elections.")] == []


def test_an_officials_office_acts_for_the_official_and_a_part_of_the_workforce_is_cut(nlp):
    rows = events_by_the_document_model(nlp, "Attorney General Renee Castellano said her office had opened an "
                                             "investigation into Lakeshore Meridian Health.")
    assert [(e["type"], e["actor"]) for e in rows if e["type"] == "investigation"] == [
        ("investigation", "Renee Castellano")]
    rows = events_by_the_document_model(nlp, "Acme Corp cut 20% of its workforce earlier this month.")
    assert [(e["type"], e["actor"]) for e in rows] == [("layoff", "Acme Corp")]


def test_a_change_in_the_object_the_trigger_needs_counts(nlp):
    rows = events_by_the_document_model(nlp, "Acme Corp reported a sharp rise in quarterly profit on Tuesday.")
    assert [(e["type"], e["actor"]) for e in rows] == [("earnings_report", "Acme Corp")]
    assert events_by_the_document_model(nlp, "Acme Corp reported a rise in customer complaints.") == []


def test_a_series_or_seed_round_led_by_an_investor_is_its_investment(nlp):
    rows = events_by_the_document_model(nlp, "Ledgerline Inc raised an $85 million Series C round in 2022 led by "
                                             "Northgate Ventures.")
    assert [(e["type"], e["actor"], e["target"]) for e in rows] == [
        ("investment", "Northgate Ventures", "Ledgerline Inc")]


def test_a_resignation_to_take_another_post_leaves_no_employer_of_that_post(nlp):
    rows = events_by_the_document_model(nlp, "Dale Hostetler stepped down midway through his eighth term to become "
                                             "president of the Keystone Rural Water Association, a Harrisburg-based "
                                             "trade group.")
    res = next(r for r in rows if r["type"] == "resignation")
    assert res["actor"] == "Dale Hostetler" and res["target"] is None


def test_a_counted_group_is_party_enough_for_a_sanction_or_an_arrest_not_for_a_purchase(nlp):
    rows = events_by_the_document_model(nlp, "The Treasury Department imposed sanctions on six people and 11 "
                                             "companies in Iran on Thursday.")
    assert [(r["type"], r["actor"], r["target"]) for r in rows if r["type"] == "sanction"] == [
        ("sanction", "Treasury Department", None)]
    rows = events_by_the_document_model(nlp, "The Columbus Police Department arrested five men on Friday.")
    assert any(r["type"] == "arrest" and r["actor"] == "Columbus Police Department" for r in rows)
    rows = events_by_the_document_model(nlp, "Orca Freight Inc. bought three companies last year.")
    assert not any(r["type"] == "acquisition" for r in rows)  # what was bought is news only when named
    rows = events_by_the_document_model(nlp, "The Treasury Department blacklisted Kestrel Shipping Ltd. on Monday.")
    assert any(r["type"] == "sanction" and r["target"] == "Kestrel Shipping Ltd." for r in rows), rows


def test_captors_freeing_a_counted_group_is_a_release(nlp):
    rows = events_by_the_document_model(nlp, "The Taliban released two hostages on Tuesday.")
    assert [(r["type"], r["actor"]) for r in rows] == [("release", "Taliban")], rows


def test_people_named_in_apposition_to_a_plural_subject_each_act(nlp):
    rows = events_of(nlp, "The two managers, Terrence Boudreaux and Anjali Mehta, pleaded guilty last year.")
    assert sorted(r["actor"] for r in rows if r["type"] == "plea") == ["Anjali Mehta", "Terrence Boudreaux"], rows
    # peers who act together keep one event
    rows = events_of(nlp, "Acme Corp. and Beta Inc. agreed to merge.")
    assert [r["type"] for r in rows].count("merger") == 1, rows


def test_releasing_a_named_person_is_a_release_but_release_from_prison_is_not(nlp):
    rows = events_of(nlp, "In return, Belgium released Reza Ghorbani, an Iranian engineer.")
    assert any(r["type"] == "release" and r["actor"] == "Belgium" and r["target"] == "Reza Ghorbani"
               for r in rows), rows
    assert "release" not in _types(events_of(nlp, "Jo Pickens was released from state prison in 2023."))
    assert "release" not in _types(events_of(nlp, "Universal released Taylor Swift's new album on Friday."))


def test_swapping_or_exchanging_prisoners_releases_them(nlp):
    rows = events_by_the_document_model(nlp, "The Taliban swapped two Western hostages for three of its commanders.")
    assert [(r["type"], r["actor"]) for r in rows] == [("release", "Taliban")], rows
    assert events_by_the_document_model(nlp, "Orca Freight Inc. exchanged views with Kestrel Labs.") == []


def test_a_name_set_off_before_a_modal_verb_the_parser_left_without_a_subject_is_its_subject(nlp):
    # the parser hangs "the Northern Liberation Front" on the place before it; the name, with its own
    # appositive phrase, still stands right before "will free"
    text = ("Under the deal, signed at a ceremony in Havana, the Northern Liberation Front, known by its "
            "initials NLF, will free 23 captives.")
    rows = events_by_the_document_model(nlp, text)
    assert [(r["type"], r["actor"]) for r in rows] == [("release", "Northern Liberation Front")], rows


def test_a_passive_punishment_reported_by_an_organization_is_its_and_a_restatement_joins_it(nlp):
    text = ("Sprinter Ana Ruiz has been banned for four years after a failed test, the Coastal Athletics Board "
            "said on Wednesday. Her ban is backdated to March, when she was provisionally suspended.")
    rows = [r for r in events_by_the_document_model(nlp, text) if r["type"] == "suspension"]
    assert [(r["actor"], r["target"]) for r in rows] == [("Coastal Athletics Board", "Ana Ruiz")], rows


def test_a_relative_pronoun_object_stands_for_the_noun_its_clause_modifies(nlp):
    from factwire.extract import clauses as cl

    # the parser labels this relative clause "acl", not "relcl"
    doc = nlp("Orca Freight will offer NASA its Silver Moon lander that the company unveiled in May, capable of "
              "carrying several tons of cargo to the lunar surface.")
    verb = next(t for t in doc if t.text == "unveiled")
    assert verb.dep_ == "acl" and [t.text for t in cl.patients(verb)] == ["lander"]


def test_a_past_form_joined_to_a_passive_shares_it_and_a_nationality_epithet_is_the_person(nlp):
    # the tagger calls "sentenced" a past tense; "The 48-year-old Australian" is the man named before
    rows = events_by_the_document_model(nlp, "Mateo Rios was arrested in London on Thursday. The 48-year-old "
                                             "Australian was evicted in April and sentenced to 50 weeks in jail for "
                                             "breaching his bail conditions.")
    assert any(r["type"] == "sentencing" and r["target"] == "Mateo Rios" for r in rows), rows


def test_an_appointment_is_of_a_person_not_of_whatever_a_phrase_for_one_names(nlp):
    text = ("COLUMBUS, Ohio (AP) \u2014 Ohio Gov. Dana Kessler on Monday named a veteran Franklin County public "
            "health official to lead the state's health agency, weeks after the previous director quit.")
    rows = events_by_the_document_model(nlp, text)
    assert not any(r["type"] == "appointment" and r["target"] is not None for r in rows), rows  # no one named
    rows = events_by_the_document_model(nlp, "Gov. Dana Kessler on Monday named Mira Solberg to lead the state's "
                                             "health agency.")
    assert any(r["type"] == "appointment" and r["target"] == "Mira Solberg" for r in rows), rows


def test_a_newcomers_own_employer_does_not_fill_the_post_of_the_one_replaced(nlp):
    rows = events_by_the_document_model(nlp, "Gov. Dana Kessler appointed Mira Solberg, a director at Kestrel Labs. "
                                             "Solberg replaces Tom Hale, who retired.")
    assert not any(r["type"] == "appointment" and r["actor"] == "Kestrel Labs" for r in rows), rows


def test_a_name_a_naming_verb_gives_something_is_no_event(nlp):
    rows = events_by_the_document_model(nlp, "Critics called the deal with Orca Freight an invitation to Kestrel "
                                             "Labs to raise prices.")
    assert not any(r["type"] == "invitation" for r in rows), rows
    rows = events_by_the_document_model(nlp, "Orca Freight sent an invitation to Kestrel Labs on Monday.")
    assert any(r["type"] == "invitation" for r in rows), rows


def test_the_agent_of_the_object_a_verb_acts_on_takes_part(nlp):
    # "settle claims by X": X brought the claims, the other party to the settlement
    rows = events_by_the_document_model(
        nlp, "Quorvia Payments said hackers stole data. Last year the company paid $1.5 million to settle "
             "claims by the California Department of Business Oversight.")
    assert any(r["type"] == "settlement" and {"Quorvia Payments", "California Department of Business Oversight"}
               <= parties(r) for r in rows)


def test_a_class_action_is_a_lawsuit_and_a_threatened_one_is_none(nlp):
    rows = events_by_the_document_model(
        nlp, "Quorvia Payments said hackers stole data. Customers filed a class action against Quorvia on Wednesday.")
    assert any(r["type"] == "lawsuit" and "Quorvia Payments" in parties(r) for r in rows)
    rows = events_by_the_document_model(
        nlp, "Quorvia Payments said hackers stole data. The union threatened legal action against Quorvia.")
    assert not any(r["type"] == "lawsuit" for r in rows)


def test_a_noun_event_only_sought_is_no_event(nlp):
    rows = events_by_the_document_model(
        nlp, "Senator Ada Velez sought an investigation of Quorvia Payments by the Federal Trade Commission.")
    assert not any(r["type"] == "investigation" for r in rows)


def test_money_raised_from_an_investor_is_its_investment(nlp):
    rows = events_by_the_document_model(
        nlp, "In 2021, Tavlon Labs raised $22 million from Pike Range Capital, a Denver venture firm.")
    assert any(r["type"] == "investment" and r["actor"] == "Pike Range Capital" and r["target"] == "Tavlon Labs"
               for r in rows)
    assert not any(r["type"] == "investment" for r in events_by_the_document_model(
        nlp, "In 2021, Tavlon Labs raised prices from $5 to $7."))


def test_a_company_raising_money_is_an_investment_in_it_and_a_later_round_names_the_investor(nlp):
    rows = events_by_the_document_model(nlp, "Tavlon Labs raised $310 million in a stock offering last year.")
    assert [(r["type"], r["actor"], r["target"]) for r in rows] == [("investment", None, "Tavlon Labs")]
    # (a person's campaign raising money is no investment)
    assert not events_by_the_document_model(nlp, "Senator Ada Velez raised $5 million for her campaign.")


def test_an_investor_committing_money_to_a_company_invests_in_it(nlp):
    rows = events_by_the_document_model(
        nlp, "In 2021, Tavlon Labs hired 40 engineers. Pike Range Capital committed $300 million to Tavlon Labs "
             "in early 2023.")
    assert any(r["type"] == "investment" and {"Pike Range Capital", "Tavlon Labs"} <= parties(r) for r in rows)


def test_a_later_mention_that_names_the_actor_fills_in_an_earlier_one_that_did_not():
    from factwire.extract.events import merge_repeats

    def row(trigger, actor, start):
        return {"type": "acquisition", "trigger": trigger, "actor": actor, "actor_id": actor and "E1",
                "target": "Brightwater", "target_id": "E2", "participants": [p for p in (actor, "Brightwater") if p],
                "amount": None, "currency": None, "date": None, "location": None, "start": start, "end": start + 9}

    merged = merge_repeats([row("sold", None, 0), row("bought", "Crescendo", 10)])
    assert [(r["trigger"], r["actor"], r["participants"]) for r in merged] == [
        ("sold", "Crescendo", ["Crescendo", "Brightwater"])]


def test_a_persons_appointment_is_done_to_them(nlp):
    rows = events_by_the_document_model(nlp, "The report led to Ann Vickery’s appointment as inspector general.")
    assert [(r["type"], r["actor"], r["target"]) for r in rows] == [("appointment", None, "Ann Vickery")]


def test_posting_on_a_platform_is_a_communication_but_posting_a_loss_on_a_day_is_not(nlp):
    rows = events_by_the_document_model(
        nlp, "Last week, singer Maya Torres posted on Instagram accusing the label of bullying.")
    assert any(r["type"] == "communication" and r["actor"] == "Maya Torres" for r in rows)
    assert not any(r["type"] == "communication" for r in events_by_the_document_model(
        nlp, "Brellix Software posted a loss on Monday."))


def test_a_persons_statement_is_no_announcement_but_a_bodys_is(nlp):
    rows = events_by_the_document_model(nlp, "Dana Ruiz said in a statement that she would appeal the ruling.")
    assert not any(r["type"] == "announcement" for r in rows)
    rows = events_by_the_document_model(nlp, "Brellix Software said in a statement that it would appeal the ruling.")
    assert any(r["type"] == "announcement" and r["actor"] == "Brellix Software" for r in rows)


def test_settling_a_lawsuit_is_a_settlement_whoever_brought_it(nlp):
    # a legal claim settled is news with one named party; "settled into a routine" is none
    rows = events_of(nlp, "In 2019, Mercy Ridge Hospital paid $1.2 million to settle a lawsuit brought by a "
                          "patient's family.")
    assert any(r["type"] == "settlement" and r["actor"] == "Mercy Ridge Hospital" for r in rows)
    assert "settlement" not in _types(events_of(nlp, "Mercy Ridge Hospital settled into its new building."))
    # the agent of the claims settled takes part
    rows = events_of(nlp, "Acme Corp agreed to pay $2 million to settle claims by the Federal Trade Commission.")
    assert any(r["type"] == "settlement" and "Federal Trade Commission" in r["participants"] for r in rows)


def test_a_court_or_jury_ordering_a_party_is_a_ruling_against_it(nlp):
    rows = events_of(nlp, "A federal judge on Monday ordered Acme Corp to stop selling the heaters.")
    assert any(r["type"] == "ruling" and r["target"] == "Acme Corp" for r in rows)
    # a court or ombudsman that directs a party to do something rules against it, as one that orders it does
    rows = events_of(nlp, "The Supreme Court on Tuesday directed the Union Ministry of Law and Justice to place "
                          "on record a state-wise account.")
    assert any(r["type"] == "ruling" and r["target"] == "Union Ministry of Law and Justice" for r in rows)
    assert "ruling" not in _types(events_of(nlp, "Acme Corp directed its staff to stay home."))
    # a ruling, or a court's or jury's finding, that a party did something is a ruling about that party
    rows = events_by_the_document_model(nlp, "The Ombudsman ruled that Corrib Home Loans DAC should have returned "
                                             "the loan to a tracker rate.")
    assert any(r["type"] == "ruling" and r["target"] == "Corrib Home Loans DAC" for r in rows)
    rows = events_by_the_document_model(nlp, "Jurors deliberated for six hours before finding that Prairie Line "
                                             "Logistics was negligent.")
    assert any(r["type"] == "ruling" and r["target"] == "Prairie Line Logistics" for r in rows)
    assert "ruling" not in _types(events_of(nlp, "A study by Harbor University found that Acme Corp overcharged "
                                                 "customers."))
    # a company that orders goods rules on nothing
    assert "ruling" not in _types(events_of(nlp, "Acme Corp ordered 30 jets from Boeing on Monday."))


def test_suspending_a_partys_license_suspends_the_party_and_an_order_acts_for_its_issuer(nlp):
    # a license, certificate or permit suspended is its holder's suspension; "issued an order suspending"
    # is the issuer's act (a participle after a noun of decision acts for whoever issued it)
    rows = events_of(nlp, "On Friday, the Federal Aviation Administration issued an emergency order suspending "
                          "Lakeshore Air Charter's operating certificate.")
    assert any(r["type"] == "suspension" and r["actor"] == "Federal Aviation Administration"
               and "Lakeshore Air Charter" in r["participants"] for r in rows)
    assert "suspension" not in _types(events_of(nlp, "Acme Corp suspended its dividend on Friday."))
    # the holder written after "of" ("the operating licence of X") as before it
    rows = events_of(nlp, "The Nigerian Civil Aviation Authority on Thursday suspended the operating licence of "
                          "Crestwing Airlines.")
    assert any(r["type"] == "suspension" and r["actor"] == "Nigerian Civil Aviation Authority"
               and "Crestwing Airlines" in r["participants"] for r in rows)


def test_workers_of_a_named_employer_laid_off_are_its_layoff(nlp):
    # a passive layoff names the employer through its workers: "Acme workers were laid off" is Acme's act,
    # and so is "thousands of Acme employees" (a round number of them is theirs too)
    for text in ("About 300 Acme Corp workers were laid off on Monday.",
                 "Thousands of Acme Corp employees will be laid off this week."):
        rows = events_of(nlp, text)
        assert any(r["type"] == "layoff" and r["actor"] == "Acme Corp" for r in rows), text


def test_becoming_a_post_holder_is_an_appointment_by_the_posts_organization(nlp):
    # "X became chief executive of Y": Y appoints X; becoming anything but a post is no appointment
    rows = events_of(nlp, "Colin Abernethy, who became chief executive of Tamarack Bank in March 2021, said the "
                          "closures reflected a shift.")
    assert ("appointment", "Tamarack Bank", "Colin Abernethy") in {(r["type"], r["actor"], r["target"]) for r in rows}
    assert not any(r["type"] == "appointment" for r in events_of(nlp, "Jane Roe became a mother in 2019."))
    assert not any(r["type"] == "appointment" for r in events_of(nlp, "Acme Corp became the largest employer in "
                                                                      "Ohio."))


def test_joining_a_companys_board_is_an_appointment_by_the_company(nlp):
    rows = events_of(nlp, "Raymond Okafor will join Kestrel Homes Corp's board and run the Southeast division.")
    assert ("appointment", "Kestrel Homes Corp", "Raymond Okafor") in {(r["type"], r["actor"], r["target"])
                                                                      for r in rows}
    # joining anything else is no appointment
    assert not any(r["type"] == "appointment" for r in events_of(nlp, "Acme Corp joined the Harbor Alliance."))


def test_giving_employees_notice_is_a_layoff(nlp):
    # British and European copy: an employer "gives notice to 85 employees" (of redundancy); a notice to anyone
    # else is no layoff
    rows = events_of(nlp, "Hälsingevirke AB will idle one of its five sawmills and give notice to 85 employees.")
    assert any(r["type"] == "layoff" and r["actor"] == "Hälsingevirke AB" for r in rows)
    assert not any(r["type"] == "layoff" for r in events_of(nlp, "Acme Corp gave notice to its landlord."))


def test_the_release_of_a_person_is_a_release(nlp):
    rows = events_of(nlp, "A court on Tuesday ordered the release of activist Selin Karaca after 11 months "
                          "in detention.")
    assert any(r["type"] == "release" and r["target"] == "Selin Karaca" for r in rows)
    assert "release" not in _types(events_of(nlp, "The release of the report was delayed until March."))


def test_people_named_after_a_part_of_a_group_are_its_members(nlp):
    # "freed two of the lawyers, A and B": the parser joins the names to "two"; each named one is freed
    rows = events_of(nlp, "The panel of three judges also freed two of the lawyers, Baris Yalcin and Leyla "
                          "Sahin, under judicial control.")
    assert {r["target"] for r in rows if r["type"] == "release"} == {"Baris Yalcin", "Leyla Sahin"}


def test_an_employers_workers_losing_their_jobs_is_its_layoff(nlp):
    rows = events_of(nlp, "About 45 of Acme Corp's 130 employees will lose their jobs, the company said.")
    assert any(r["type"] == "layoff" and r["actor"] == "Acme Corp" for r in rows)
    assert "layoff" not in _types(events_of(nlp, "Acme Corp lost the contract to Globex in May."))


def test_a_bill_that_passes_a_chamber_is_the_chambers_vote_on_it(nlp):
    # "X passed the House": the measure is the subject, the body that votes the object
    rows = events_by_the_document_model(nlp, "Senate Bill 77 passed the House 61-30 on Wednesday after a long debate.")
    assert any(r["type"] == "vote" and r["actor"] == "House" and r["target"] == "Senate Bill 77" for r in rows)
    assert "vote" not in _types(events_by_the_document_model(nlp, "Jo Park passed the ball to Al Lee on Wednesday."))


def test_a_bodys_vote_to_do_something_is_its_approval_of_it(nlp):
    # "voted 5-2 to close two schools": the vote carried, the board approved the closing; "voted to reject"
    # approves nothing, and neither does a person's vote
    rows = events_by_the_document_model(nlp, "The Harmon County School Board voted 5-2 on Tuesday to close two "
                                             "elementary schools.")
    assert {(r["type"], r["actor"]) for r in rows} >= {("vote", "Harmon County School Board"),
                                                        ("approval", "Harmon County School Board")}
    rows = events_by_the_document_model(nlp, "The Harmon County School Board voted 5-2 on Tuesday to reject the "
                                             "plan.")
    assert "approval" not in _types(rows)


def test_a_body_halting_its_own_operations_is_a_suspension(nlp):
    # "suspended its field work", "halted withdrawals": a body stops its own activity; no other party needed
    rows = events_by_the_document_model(nlp, "The mine's owner, Ridgeback Nickel Corp., halted all underground work "
                                             "on Saturday. Halcyon Digital suspended withdrawals on Aug. 3.")
    assert {(r["type"], r["actor"]) for r in rows} >= {("suspension", "Ridgeback Nickel Corp."),
                                                        ("suspension", "Halcyon Digital")}
    # a person's work halted is no body's suspension of anything named
    assert "suspension" not in _types(events_by_the_document_model(nlp, "Jo Park halted the game for a minute."))


def test_a_warning_letter_sent_to_a_company_warns_it(nlp):
    # "sent Halbrook a warning letter": a letter of warning, whose recipient is the one warned; "extended a red
    # flag warning": the one who extends a warning issues it
    rows = events_by_the_document_model(nlp, "In March, the Food and Drug Administration sent Halbrook "
                                             "Pharmaceuticals a warning letter after inspectors found problems.")
    assert any(r["type"] == "warning" and r["actor"] == "Food and Drug Administration"
               and r["target"] == "Halbrook Pharmaceuticals" for r in rows)
    rows = events_by_the_document_model(nlp, "The National Weather Service extended a red flag warning for the "
                                             "northern Sacramento Valley through 8 p.m.")
    assert any(r["type"] == "warning" and r["actor"] == "National Weather Service" for r in rows)


def test_signing_a_player_or_a_contract_extension_is_an_agreement(nlp):
    # a club signs a player: the two agree on a contract; "a contract extension" given to a coach is one too
    rows = events_by_the_document_model(nlp, "Racing Valderas have signed Brazilian forward Thiago Nascimento from "
                                             "Uniao Vila Nova for 38 million euros.")
    assert any(r["type"] == "agreement" and {r["actor"], r["target"]} == {"Racing Valderas", "Thiago Nascimento"}
               for r in rows)
    rows = events_by_the_document_model(nlp, "Chisholm State University has given women's basketball coach Tamara "
                                             "Whitfield a contract extension that runs through April 2028.")
    assert any(r["type"] == "agreement" and r["target"] == "Tamara Whitfield" for r in rows)
    # signing a document is no agreement with it
    assert "agreement" not in _types(events_by_the_document_model(nlp, "Jo Park signed the letter on Monday."))


def test_an_investigation_into_whether_is_into_the_questions_subject(nlp):
    # "an investigation into whether Halcyon misled customers": what is looked into is the question's subject
    rows = events_by_the_document_model(nlp, "The Texas State Securities Board said it had opened an investigation "
                                             "into whether Halcyon Digital misled customers about its product.")
    assert any(r["type"] == "investigation" and r["actor"] == "Texas State Securities Board"
               and r["target"] == "Halcyon Digital" for r in rows)


def test_an_investigation_into_things_done_by_a_party_is_into_that_party(nlp):
    # "a probe into 1.4 billion rand of purchases by the department": the one who did what is looked into
    rows = events_by_the_document_model(nlp, "The case is the first from a Special Investigating Unit probe into "
                                             "1.4 billion rand of emergency purchases by the Gauteng Department of "
                                             "Health.")
    assert any(r["type"] == "investigation" and r["target"] == "Gauteng Department of Health" for r in rows)


def test_an_act_on_a_thing_of_a_partys_concerns_that_party(nlp):
    # "approved the renewal of Keystone Ridge's license", "agreed to buy the film library of Harbor Light": the
    # owner of the thing acted on is the other party of an event of two parties
    rows = events_by_the_document_model(nlp, "The Pennsylvania Gaming Control Board approved the renewal of Keystone "
                                             "Ridge Casino Resort's operating license for three years.")
    assert any(r["type"] == "approval" and r["target"] == "Keystone Ridge Casino Resort" for r in rows)
    # a vote to approve a named party's request is one approval, the infinitive's, with its party
    rows = events_by_the_document_model(nlp, "The Arizona Corporation Commission voted 3-2 to approve Copperline "
                                             "Electric Co.'s request for a rate increase.")
    assert [r["target"] for r in rows if r["type"] == "approval"] == ["Copperline Electric Co."]


def test_a_bodys_approval_of_a_thing_is_kept_without_a_second_party(nlp):
    rows = events_by_the_document_model(nlp, "The Larimer County Board of Health approved a $2 million grant for "
                                             "rural clinics on Monday.")
    assert [(r["type"], r["actor"], r["target"]) for r in rows] == [
        ("approval", "Larimer County Board of Health", None)]


def test_a_bodys_suspension_of_a_thing_is_kept_without_a_second_party(nlp):
    rows = events_by_the_document_model(nlp, "The Nordic Seafood Council suspended the export licence of all "
                                             "herring fisheries in 2021.")
    assert [(r["type"], r["actor"], r["target"]) for r in rows] == [("suspension", "Nordic Seafood Council", None)]


def test_an_investigation_into_a_partys_deal_is_of_that_party(nlp):
    # "opened an investigation ... into X's takeover": the parser hangs "into" on the verb or on the noun of the
    # trigger's own "under" phrase; the deal investigated is X's
    for act in ("the Investment Act", "the Investment Canada Act (ICA)"):
        rows = events_by_the_document_model(nlp, f"The Competition Bureau on Monday opened an in-depth investigation "
                                                 f"under {act} into Marlow Foods Inc.'s planned takeover of "
                                                 f"Brightwater Dairy Ltd.")
        probe = next(r for r in rows if r["type"] == "investigation")
        assert (probe["actor"], probe["target"]) == ("Competition Bureau", "Marlow Foods Inc."), act


ANY = object()  # a party the case does not fix

# (sentence, event type, actor, target): wordings of news the document model reads as events
EVENT_CASES = [
    # "will close its plant and lay off 86 employees": the tagger reads the bare "lay" as the past of "lie"
    ("Harwick Robotics will close its plant and lay off 86 employees.", "layoff", "Harwick Robotics", ANY),
    # a body's members ratifying an agreement vote on it
    ("Members of Teamsters Local 727 ratified the agreement on Sunday night.", "vote", "Teamsters Local 727", ANY),
    # British and Irish copy: "was jailed for three years" is the sentence
    ("Ciaran Doyle was jailed for four years at Cork Circuit Criminal Court in May.", "sentencing", ANY,
     "Ciaran Doyle"),
    # an audit is an authority's examination of a body's books
    ("The Government Accountability Office audited the Marlow School District last year.", "investigation",
     "Government Accountability Office", "Marlow School District"),
    # "X's largest since it bought Y": the owner named in the predicate is in view for "it"
    ("Tessaly Motors agreed to buy Brandt Axle on Monday. The purchase is Tessaly's largest since it bought "
     "Dutch gear maker Van Oord Drives in 2018.", "acquisition", "Tessaly Motors", "Van Oord Drives"),
    # touring a site is visiting it
    ("Premier Dana Corkum will tour a paper mill in Bathurst on Thursday.", "visit", "Dana Corkum", ANY),
    # approving a deal is the approver's approval, not a party's part in the deal
    ("The merger closed after the Reserve Bank of Malawi approved the deal in March.", "approval",
     "Reserve Bank of Malawi", ANY),
    # a relative clause of a support verb names who acts: "an investigation that X opened"
    ("The recall follows an investigation that the Federal Railroad Administration opened last May.",
     "investigation", "Federal Railroad Administration", ANY),
]


@pytest.mark.parametrize(("text", "etype", "actor", "target"), EVENT_CASES)
def test_an_event_in_a_wording_news_uses(nlp, text, etype, actor, target):
    rows = events_by_the_document_model(nlp, text)
    assert any(r["type"] == etype and actor in (ANY, r["actor"]) and target in (ANY, r["target"]) for r in rows), rows


@pytest.mark.parametrize(("text", "etype"), [
    # "jailed on charges" holds a person, no sentence
    ("Ciaran Doyle was jailed on charges of assault.", "sentencing"),
    # a person approving a thing, or a body approving nothing named, is no approval of its own
    ("Jana Kovac approved the menu.", "approval"),
    ("The Larimer County Board of Health approved it on Monday.", "approval"),
])
def test_no_event_in_a_wording_near_one(nlp, text, etype):
    assert etype not in _types(events_by_the_document_model(nlp, text))


def test_the_with_party_of_what_parties_agree_on_is_the_other_party(nlp):
    # "agreed a loan programme with the IMF": the "with" hangs on what is agreed, and names the counterparty
    for text in ("Kenya agreed a $2 billion loan programme with the International Monetary Fund in May.",
                 "Kenya agreed to a loan programme with the International Monetary Fund in May."):
        rows = events_of(nlp, text)
        assert any(r["type"] == "agreement" and {"Kenya", "International Monetary Fund"} <= parties(r)
                   for r in rows), rows


def test_a_hearing_before_a_body_is_the_bodys_and_the_one_heard_its_target(nlp):
    rows = events_by_the_document_model(
        nlp, "Dana Whitlock's confirmation hearing before the Senate Banking Committee lasted four hours on Tuesday.")
    hearing = next(r for r in rows if r["type"] == "hearing")
    assert (hearing["actor"], hearing["target"]) == ("Senate Banking Committee", "Dana Whitlock")


def test_a_places_government_acts_for_the_place(nlp):
    # "Colombia's government and the rebels agreed": Colombia agreed, as news writes the place for its government
    rows = events_by_the_document_model(nlp, "Colombia's government and the National Revolutionary Front agreed "
                                             "Thursday to a six-month ceasefire.")
    assert any(r["type"] == "agreement" and parties(r) == {"Colombia", "National Revolutionary Front"}
               for r in rows), rows
