"""Quote conventions of wire, UK and sports writing, on sentences written for these tests:
quotes carried over paragraphs, doubled closing marks, descriptive subjects, titles before names."""

from __future__ import annotations

import pytest

from factwire.extract.entities import extract_entities
from factwire.extract.quotes import extract_quotes
from factwire.extract.speaker_names import without_title
from factwire.resolve import EntityIndex
from tests.index_builder import build_index, extractor_runner

PEOPLE = {
    "Ines Moreau": ("PERSON", ["Ines Moreau", "Moreau"]),
    "Dan Kowalski": ("PERSON", ["Dan Kowalski", "Kowalski"]),
    "Harbour City": ("ORG", ["Harbour City"]),
    "the Courier": ("ORG", ["the Courier"]),
    "Ruth Ellery": ("PERSON", ["Ruth Ellery"]),
}


@pytest.fixture
def quotes(nlp):
    return extractor_runner(nlp, extract_quotes, PEOPLE)


def direct(rows: list[dict]) -> list[tuple[str, str | None]]:
    return [(r["text"].split()[0], r["speaker"]) for r in rows if r["direct"]]


def test_colon_quote_carried_into_the_next_paragraph(quotes):
    rows = quotes("Dan Kowalski lost his third final in a row.\n\n"
                  "Kowalski said after the match: \u201cWe were slow from the first whistle.\n\n"
                  "\u201cNobody in that dressing room can be happy tonight.\u201d\n\n"
                  "The team flies home on Monday.")
    assert direct(rows) == [("We", "Dan Kowalski"), ("Nobody", "Dan Kowalski")]


def test_statement_carried_over_paragraphs_keeps_an_unnamed_speaker(quotes):
    # Nobody could name "the board" here, yet the second paragraph is the same quote.
    rows = quotes("The board said in a statement: \"The harbour plan has our full support.\n\n"
                  "\"Work on the new quay should start before the summer.\"", spec={})
    assert [(r["text"][:9], r["speaker"], r["speaker_text"]) for r in rows if r["direct"]] == [
        ("The harbo", None, "The board"), ("Work on t", None, "The board")]


def test_quote_after_an_ap_doubled_closing_mark_keeps_the_speaker(quotes):
    rows = quotes("\u201cThe ferry was late every single day,\u2019\u2019 Ruth Ellery told the Courier. "
                  "\u201cAnd nobody at the company ever said sorry.\u201d")
    assert direct(rows) == [("The", "Ruth Ellery"), ("And", "Ruth Ellery")]


def test_a_listener_named_as_a_person_does_not_break_the_run(quotes):
    # Even when the index wrongly types the newspaper as a person, it is who she told, not a speaker.
    spec = {**PEOPLE, "the Courier": ("PERSON", ["the Courier"])}
    rows = quotes("\u201cThe ferry was late every single day,\u201d Ruth Ellery told the Courier. "
                  "\u201cAnd nobody at the company ever said sorry.\u201d", spec=spec)
    assert direct(rows) == [("The", "Ruth Ellery"), ("And", "Ruth Ellery")]


def test_an_organization_named_after_its_state_keeps_the_state_in_its_name_as_speaker(nlp):
    doc = nlp("Gov. Tom Ridenour named Priya Raman on Tuesday, and Missouri welcomed her. The Missouri Rural Health "
              "Alliance said in a statement that the appointment was welcome news, calling Raman \u201ca proven "
              "leader who knows that public health doesn\u2019t stop at the city limits.\u201d")
    rows = extract_quotes(doc, entities=extract_entities(doc))
    assert [r["speaker"] for r in rows if r["direct"]] == ["Missouri Rural Health Alliance"], rows
    # a head noun no list holds: the rest of the name is no person's, so nothing is cut
    doc = nlp("Tatiana Rocha was banned for four years on Monday by a Brazilian court. The Brazilian Athletics "
              "Confederation (CBAt) said it respected the decision and would not comment further while the appeal "
              "process was under way.")
    rows = extract_quotes(doc, entities=extract_entities(doc))
    assert "Brazilian Athletics Confederation" in [r["speaker"] for r in rows], rows


def test_titles_and_a_name_between_a_quote_and_its_verb_are_the_speaker(nlp):
    # the parser hangs "chairman, CEO and president" on a word inside the quote and leaves "said" alone
    doc = nlp("Harlow Home reported results on Tuesday. \"Our third quarter results reflected broad-based growth "
              "across our business, yet sales were below our expectations,\" chairman, CEO and president Craig "
              "Menear said in the earnings release.")
    rows = extract_quotes(doc, entities=extract_entities(doc))
    assert direct(rows) == [("Our", "Craig Menear")], rows


def test_an_age_as_subject_is_the_last_person_named(quotes):
    rows = quotes("Ines Moreau was named manager of Harbour City on Tuesday.\n\n"
                  "The 52-year-old said after the game: \u201cThere is a lot of work to do before August.\u201d")
    assert direct(rows) == [("There", "Ines Moreau")]


def test_age_after_the_quote_and_age_before_a_noun(quotes):
    rows = quotes("Dan Kowalski scored twice on Saturday.\n\n"
                  "\u201cIt was hard, but we kept going until the very end,\u201d the 29-year-old said.\n\n"
                  "The 29-year-old striker told reporters: \u201cWe deserved the three points today.\u201d")
    assert direct(rows) == [("It", "Dan Kowalski"), ("We", "Dan Kowalski")]


def test_a_role_noun_with_a_nationality_is_the_last_person_named(quotes):
    text = ("Harbour City hired Ines Moreau in May.\n\n"
            "The French coach said: \u201cI want this team to attack from the first minute.\u201d")
    assert direct(quotes(text)) == [("I", "Ines Moreau")]
    # Even when the index mistypes the nationality as an organization, it owns no one.
    assert direct(quotes(text, spec={**PEOPLE, "French": ("ORG", ["French"])})) == [("I", "Ines Moreau")]


def test_descriptions_that_may_mean_someone_else_stay_unresolved(quotes):
    # Indefinite, owned by an organization, or a spokesperson: not simply the last person named.
    for subject in ("A coach", "The Harbour City coach", "The spokesman", "The old building",
                    "The police chief", "The judge"):
        rows = quotes("Dan Kowalski scored twice on Saturday.\n\n"
                      f"{subject} said: \u201cWe were not good enough on the day.\u201d")
        assert [r["speaker"] for r in rows if r["direct"]] in ([None], [])
    # A quoted name is the speaker's subject, never the described speaker.
    rows = quotes("\u201cDan Kowalski is the best player here,\u201d the 41-year-old coach said.", spec={
        "Dan Kowalski": ("PERSON", ["Dan Kowalski"])})
    assert [r["speaker"] for r in rows] == [None]


def test_a_title_before_the_name_is_not_part_of_the_speaker(quotes):
    # The index still carries the title in the name: the speaker is the person's name alone.
    spec = {"Superintendent Ruth Ellery": ("PERSON", ["Superintendent Ruth Ellery"])}
    rows = quotes("\u201cThe buildings stay shut until the heating works again,\u201d "
                  "Superintendent Ruth Ellery said.", spec=spec)
    assert [(r["speaker"], r["speaker_id"]) for r in rows] == [("Ruth Ellery", "E1")]


def test_words_quoted_in_a_reported_clause_whose_subject_names_nobody_are_the_reporters(quotes):
    # "X said the figures disclosed '...'": figures say nothing; the quoted words are the speaker's
    rows = quotes("Tomas Ekberg, appearing for the foundation, said the figures disclosed \"a systemic failure that "
                  "no amount of letter-writing from the capital will cure\".", spec={})
    assert [r["speaker"] for r in rows] == ["Tomas Ekberg"]


def test_titles_joined_by_and_before_the_name_are_the_persons(quotes):
    # "Chairman and Chief Executive X told": the parse makes the first title the subject, the name its conjunct
    rows = quotes("\u201cThe inventory correction is behind us,\u201d Chairman and Chief Executive Wu Chien-ming "
                  "told analysts on a conference call.", spec={"Wu Chien-ming": ("PERSON", ["Wu Chien-ming"])})
    assert [r["speaker"] for r in rows] == ["Wu Chien-ming"]


@pytest.mark.parametrize("titled", ["Gov. Tomas Ekberg", "Sen. Tomas Ekberg", "Mayor Tomas Ekberg",
                                    "Chancellor Tomas Ekberg", "Dr. Tomas Ekberg", "Coach Tomas Ekberg"])
def test_a_name_the_index_missed_loses_its_title(quotes, titled):
    rows = quotes(f"\u201cThe budget is balanced for the first time in ten years,\u201d {titled} said.", spec={})
    assert [r["speaker"] for r in rows] == ["Tomas Ekberg"]


def test_without_title_keeps_styles_and_organizations():
    assert without_title("Vice President Kamala Harris") == "Kamala Harris"
    assert without_title("U.S. Rep. Jane Roe") == "Jane Roe"
    for name in ("King Charles", "Pope Francis", "General Motors", "Justice Department", "Coach Inc.", "Dean Smith",
                 "Jane Roe"):
        assert without_title(name) == name


@pytest.mark.parametrize("verb", ["insisted", "warned", "pleaded", "joked", "tweeted", "declared", "conceded",
                                  "quipped", "vowed", "countered", "wondered", "muttered", "sighed", "gushed"])
def test_reporting_verbs_beyond_said(quotes, verb):
    before = quotes(f"Ines Moreau spoke in Lyon on Friday. She {verb}: \u201cWe will finish the stadium "
                    "before the first match of the season.\u201d")
    after = quotes(f"\u201cWe will finish the stadium before the first match of the season,\u201d Moreau {verb}.")
    assert [(r["speaker"], r["cue"]) for r in before + after] == [("Ines Moreau", verb)] * 2


def test_urged_with_a_comma_and_an_object(quotes):
    rows = quotes("Dan Kowalski toured the county on Friday. At every stop he urged voters, "
                  "\u201cLook at what we have built together in four years.\u201d")
    assert [(r["speaker"], r["cue"]) for r in rows] == [("Dan Kowalski", "urged")]


def test_a_quote_nobody_can_name_is_kept_with_no_speaker(quotes):
    rows = quotes("The residents warned, \u201cThe river will rise again tonight and the road will go under.\u201d",
                  spec={})
    assert [(r["speaker"], r["speaker_text"], r["cue"]) for r in rows] == [(None, "The residents", "warned")]


def test_a_quoted_object_of_a_manner_verb_is_no_quote(quotes):
    assert quotes("Ines Moreau laughed at the \u201cworst idea of the whole year\u201d and walked off.") == []
    assert quotes("Fans protested the \u201cnew ticket pricing plan for all seats\u201d outside the ground.") == []


def test_a_nationality_noun_is_one_person_but_a_people_is_not(quotes):
    for subject, speaker in (("The Brazilian", "Dan Kowalski"), ("The Chinese", None)):
        rows = quotes(f"Dan Kowalski lost in the final on Sunday.\n\n{subject} told reporters: "
                      "\u201cI gave everything I had today.\u201d")
        assert [r["speaker"] for r in rows if r["direct"]] == [speaker]


def test_a_quoted_sentence_with_no_speaker_in_sight_is_kept_without_one(quotes):
    rows = quotes("Dan Kowalski and Ines Moreau met in Lyon.\n\n"
                  "\u201cWe were unlucky tonight and everybody saw it,\u201d Kowalski said.\n\n"
                  "Moreau disagreed.\n\n"
                  "\u201cThey deserved nothing from this game.\u201d")
    assert [(r["text"][:8], r["speaker"]) for r in rows] == [("We were ", "Dan Kowalski"), ("They des", None)]
    # A short phrase standing alone is no statement.
    assert quotes("Moreau disagreed.\n\n\u201cNo way.\u201d") == []


def test_a_role_noun_goes_to_the_one_person_the_article_gave_that_role(nlp):
    text = ("Harbour City coach Ines Moreau praised Dan Kowalski after the game.\n\n"
            "The coach said: \u201cHe was the best player on the pitch tonight.\u201d")
    doc = nlp(text)
    plain = build_index(doc, PEOPLE)
    roles = [{"person": "Ines Moreau", "person_id": plain.lookup("Ines Moreau").entity_id, "title": "coach"}]
    rows = extract_quotes(doc, entities=EntityIndex(plain.entities, roles=roles))
    assert [r["speaker"] for r in rows] == ["Ines Moreau"]


def test_whom_a_participle_tells_is_no_speaker(quotes):
    rows = quotes('"We miss her," Moreau said, telling Dan Kowalski, "since she left, it is quiet."')
    assert [r["speaker"] for r in rows] == ["Ines Moreau", "Ines Moreau"]


def test_a_reporting_participle_goes_on_with_the_report(quotes):
    rows = quotes("Moreau said that Harbour City had concluded the plan was legal, saying she trusted the courts.")
    saying = [r for r in rows if r["cue"] == "saying"]
    assert [r["speaker"] for r in saying] == ["Ines Moreau"]


def test_a_quotation_opened_by_the_as_of_a_verb_is_its_subjects_words(quotes):
    rows = quotes('Moreau introduced Dan Kowalski to the audience as "someone who has redefined what it means '
                  'to run a harbor."')
    assert [(r["speaker"], r["cue"]) for r in rows] == [("Ines Moreau", "introduced")]
    # a reporting verb of the sentence still comes first: the "as" of a verb inside what it reports is not
    rows = quotes('Moreau described the idea that Harbour City is hiding the ships as "certainly absurd and '
                  'not worth a reply."')
    assert [(r["speaker"], r["cue"]) for r in rows] == [("Ines Moreau", "described")]


def test_a_name_nobody_in_particular_gave_is_no_quote(quotes):
    rows = quotes('The striker Dan Kowalski, known as "the Wall of Harbour City and of the whole league", retired.')
    assert rows == []


def test_a_representative_named_in_apposition_and_a_company_spokesperson(nlp):
    from factwire.extract.entities import extract_entities

    def speakers(text):
        doc = nlp(text)
        return [q["speaker"] for q in extract_quotes(doc, entities=extract_entities(doc)) if q["direct"]]

    # the person named in apposition speaks, not the organization whose executive she is
    assert speakers("Tessel Group lost the case. \u201cWe will appeal this ruling all the way to the top court,"
                    "\u201d said the company's chief executive, Dana Cole.") == ["Dana Cole"]
    # "a company spokesperson": the company just named
    assert speakers("Tessel Group lost the case. \u201cWe will appeal this ruling all the way to the top court,"
                    "\u201d a company spokesperson said.") == ["Tessel Group"]


def test_the_city_state_based_epithet_speaks_for_the_company_not_the_city(nlp):
    # "the Santa Clara, California-based startup": US business news names a company by where it is
    # based; the parser makes the city the subject and hangs the noun on it
    from factwire.extract.entities import extract_entities

    doc = nlp("Nuvola Systems said on Tuesday it would build a factory near Phoenix. \u201cWe expect the plant to "
              "employ about 400 people within two years,\u201d the Santa Clara, California-based startup said.")
    entities = extract_entities(doc)
    assert "the Santa Clara, California-based startup" in entities.lookup("Nuvola Systems").aliases
    assert [q["speaker"] for q in extract_quotes(doc, entities=entities) if q["direct"]] == ["Nuvola Systems"]


def test_a_name_in_capitals_that_opens_a_paragraph_with_a_verb_before_a_dash_is_no_dateline(nlp):
    # "RIVERTON, Ohio —" is a dateline: a place (and a date), no verb; "NASA said ... —" is a sentence
    from factwire.extract.entities import extract_entities

    doc = nlp("NASA said the two companies \u2014 Orbital Forge and Kestrel Space \u2014 had been picked to "
              "build the landers for the next mission.")
    rows = extract_quotes(doc, entities=extract_entities(doc))
    assert [(q["speaker"], q["direct"]) for q in rows] == [("NASA", False)]


def test_the_spokesperson_again_speaks_for_the_organization_named_with_them_before(nlp):
    from factwire.extract.entities import extract_entities

    doc = nlp("Ledgerline laid off 45 employees on Tuesday. A Ledgerline spokesperson said no engineers were let "
              "go. \u201cWe are confident we are keeping the team we need to serve all of our customers,\u201d the "
              "spokesperson said.")
    rows = extract_quotes(doc, entities=extract_entities(doc))
    assert [q["speaker"] for q in rows if q["direct"]] == ["Ledgerline"]


def test_a_naming_participle_after_a_report_goes_on_with_the_reporter(nlp):
    # "X said the appointment was welcome, calling Raman 'a proven leader ...'": X speaks the quote
    from factwire.extract.entities import extract_entities

    doc = nlp("Kestrel Health said in a statement that the appointment was welcome news, calling Raman \u201ca "
              "proven leader who knows that public health does not stop at the city limits.\u201d")
    rows = extract_quotes(doc, entities=extract_entities(doc))
    assert [(q["speaker"], q["cue"]) for q in rows if q["direct"]] == [("Kestrel Health", "calling")]



def test_the_name_before_a_main_verb_the_parser_left_without_subject_is_its_speaker(nlp):
    # the parser sets the last name in apposition to a name of the opening phrase, leaving "called" bare
    from factwire.extract.entities import extract_entities

    doc = nlp("In a dissent joined by Justices Ruth Oyelaran and Mateo Rios, Chief Justice Harold Blaine "
              "called the ruling \"a gift to every future majority that wants to draw its own lines for its "
              "own benefit.\"")
    verb = next(t for t in doc if t.text == "called")
    assert not any(c.dep_ == "nsubj" for c in verb.children)
    assert direct(extract_quotes(doc, entities=extract_entities(doc))) == [("a", "Harold Blaine")]


def test_an_indirect_quote_keeps_the_subject_the_parser_hung_on_the_saying_verb(nlp):
    # "said X ..., led Y": a verb that tells no one takes no object before the clause it reports
    text = ("Detective Ana Cruz said surveillance video from the bank and from a car wash across the street, "
            "along with a tip to Crime Stoppers, led investigators to Pickens.")
    doc = nlp(text)
    rows = [r for r in extract_quotes(doc, entities=extract_entities(doc)) if not r["direct"]]
    assert [r["text"] for r in rows] == [text[len("Detective Ana Cruz said "):-1]], rows
