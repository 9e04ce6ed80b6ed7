"""Roles as news writes them, on sentences written for these tests (needs the model)."""

from __future__ import annotations

import pytest

from factwire.extract.entities import extract_entities
from factwire.extract.roles import extract_roles

pytestmark = pytest.mark.model


def _roles(nlp, text):
    doc = nlp(text)
    return extract_roles(doc, entities=extract_entities(doc))


def _has(roles, person, title, org=None):
    """A row for the person whose title (as written) or normalized title is `title`."""
    return any(r["person"] == person and title in {r["title"], r["title_normalized"]} and r["org"] == org
               for r in roles)


def test_title_and_organization_before_the_name(nlp):
    roles = _roles(nlp, "Northwind Traders CEO Lena Ortiz announced the deal on Tuesday.")
    assert _has(roles, "Lena Ortiz", "CEO", "Northwind Traders")


def test_formal_title_without_organization(nlp):
    roles = _roles(nlp, "The plan was backed by Secretary of State Paul Hendricks and by others.")
    assert _has(roles, "Paul Hendricks", "Secretary of State")


def test_appositive_after_the_name_normalizes_the_title(nlp):
    roles = _roles(nlp, "Sarah Kim, the chief executive of Globex Corp, said sales rose.")
    row = next(r for r in roles if r["person"] == "Sarah Kim")
    assert row["title_normalized"] == "CEO" and row["org"] == "Globex Corp" and row["title"] == "chief executive"


def test_possessive_organization_in_apposition(nlp):
    roles = _roles(nlp, "Prices will rise, said Omar Haddad, Fabrikam's senior director of sales.")
    assert _has(roles, "Omar Haddad", "senior director", "Fabrikam")


def test_titles_set_off_before_the_name(nlp):
    roles = _roles(nlp, "Investors sued Contoso's founder and former CEO, Rachel Stone, last year.")
    assert _has(roles, "Rachel Stone", "founder", "Contoso")
    assert _has(roles, "Rachel Stone", "CEO", "Contoso")


def test_who_heads_clause(nlp):
    roles = _roles(nlp, "The talks were led by Victor Lang, who heads the Meridian Institute.")
    assert _has(roles, "Victor Lang", "head", "Meridian Institute")


def test_no_role_without_a_title(nlp):
    roles = _roles(nlp, "Anna Berg visited Oslo with her brother Erik Berg in May.")
    assert roles == []


def test_was_named_title_of_organization(nlp):
    roles = _roles(nlp, "Last year Dana Whitfield was named chairman of Orbital Dynamics Corp.")
    assert _has(roles, "Dana Whitfield", "chairman", "Orbital Dynamics Corp.")


def test_who_is_a_title_at_organization(nlp):
    roles = _roles(nlp, "The memo was sent by Hugo Brandt, who is also an executive at Halvorsen Group.")
    assert _has(roles, "Hugo Brandt", "executive", "Halvorsen Group")


def test_shared_plural_title_goes_to_both_people(nlp):
    roles = _roles(nlp, "Ana Ruiz and Ben Cole, both researchers at the Halden Institute, wrote the study.")
    assert _has(roles, "Ben Cole", "researcher", "Halden Institute")
    assert _has(roles, "Ana Ruiz", "researcher", "Halden Institute")


def test_organization_after_a_titled_name(nlp):
    roles = _roles(nlp, "The find is rare, said astronomer Lena Fox of the Vega Research Institute.")
    assert _has(roles, "Lena Fox", "astronomer", "Vega Research Institute")


def test_organization_as_modifier_in_apposition(nlp):
    roles = _roles(nlp, "Rates will fall, said Pia Lund, a Nordhavn Capital analyst, on Friday.")
    assert _has(roles, "Pia Lund", "analyst", "Nordhavn Capital")


def test_description_with_organization_states_a_role(nlp):
    text = ("Tom Hale met Mayor Ann Wu on Monday. The Globex founder said the talks went well. "
            "Globex builds turbines.")
    roles = _roles(nlp, text)
    assert _has(roles, "Tom Hale", "founder", "Globex")
    assert _has(roles, "Ann Wu", "Mayor")
