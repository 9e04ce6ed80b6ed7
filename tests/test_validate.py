"""Schema validation: bad records are quarantined with a reason, good ones pass."""

from __future__ import annotations

import json
import math

from factwire.validate import validate_rows

TEXT = "The city paid $5 million to Acme."


def _q(**over):
    row = {"article_id": "a", "kind": "money", "text": "$5 million", "start": 14, "end": 24, "value": 5e6,
           "currency": "USD", "unit": None, "counted": None, "qualifier": None, "subject": None,
           "subject_id": None, "period": None}
    row.update(over)
    return row


def test_good_rows_pass():
    good, bad = validate_rows("quantities", [_q()], clean_texts={"a": TEXT})
    assert len(good) == 1 and bad == []


def test_money_in_any_iso_4217_currency_passes():
    """Cedis, kwacha and birr are money like dollars: the contract takes every ISO 4217 code."""
    text = "It cost 10.45 cedis, 9.6 trillion kwacha and 57 birr."
    rows = [_q(text="10.45 cedis", start=8, end=19, value=10.45, currency="GHS"),
            _q(text="9.6 trillion kwacha", start=21, end=40, value=9.6e12, currency="MWK"),
            _q(text="57 birr", start=45, end=52, value=57.0, currency="ETB")]
    good, bad = validate_rows("quantities", rows, clean_texts={"a": text})
    assert bad == [] and list(good["currency"]) == ["GHS", "MWK", "ETB"]


def test_contract_breaches_are_quarantined_with_reasons():
    rows = [_q(), _q(start=100, end=110), _q(currency="XYZ"), _q(value=math.nan), _q(text="$6 million"),
            _q(period="last year")]
    good, bad = validate_rows("quantities", rows, clean_texts={"a": TEXT}, source_uris={"a": "in.txt"})
    assert len(good) == 1
    reasons = [b["reason"] for b in bad]
    assert len(bad) == 5
    assert "outside the clean text" in reasons[0]
    assert "currency" in reasons[1]
    assert "value" in reasons[2]
    assert "is not clean_text" in reasons[3]
    assert "period" in reasons[4]
    assert all(b["source_uri"] == "in.txt" and b["table"] == "quantities" for b in bad)
    assert json.loads(bad[1]["record"])["currency"] == "XYZ"


def test_missing_required_field_quarantines_the_rows():
    row = _q()
    del row["kind"]
    good, bad = validate_rows("quantities", [row], clean_texts={"a": TEXT})
    assert len(good) == 0 and len(bad) == 1 and "kind" in bad[0]["reason"]


def test_list_columns_are_checked():
    row = {"article_id": "a", "entity_id": "E1", "name": "Acme", "type": "ORG", "aliases": "Acme Corp",
           "mention_count": 1}
    good, bad = validate_rows("entities", [row])
    assert len(good) == 0 and "aliases" in bad[0]["reason"]


def test_a_row_with_an_unknown_field_is_quarantined_alone():
    rows = [_q(), _q(mood="upbeat"), _q()]
    good, bad = validate_rows("quantities", rows, clean_texts={"a": TEXT})
    assert len(good) == 2 and len(bad) == 1
    assert "unknown field(s) mood" in bad[0]["reason"] and '"mood": "upbeat"' in bad[0]["record"]
