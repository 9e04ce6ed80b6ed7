"""Name normalization: keys for matching surface forms, and canonical forms of names."""

from __future__ import annotations

import re
import unicodedata

_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")


def strip_possessive(text: str) -> str:
    """'Blue Origin's' -> 'Blue Origin'."""
    return _POSSESSIVE.sub("", text.strip())


def name_key(text: str) -> str:
    """A key for comparing names: case-folded, no leading 'the', no possessive, single spaces."""
    s = unicodedata.normalize("NFKC", text).replace("\u2019", "'")
    s = strip_possessive(s).casefold()
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"[^\w\s&+.-]", " ", s)
    return re.sub(r"\s+", " ", s).strip()
