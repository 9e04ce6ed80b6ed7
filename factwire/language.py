"""Which language an article is in, and which installed spaCy model (if any) can read it.

The language is detected with py3langid (its model ships inside the package: nothing is downloaded)
unless the input states it. Extraction runs only on articles whose language has an installed model:
the configured model (English by default) plus any listed in FACTWIRE_SPACY_MODELS
(comma-separated package names, e.g. `de_core_news_sm`); each model's language is read from its
own metadata. Adding a language is installing its spaCy model and listing it there.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

UNDETERMINED = "und"  # ISO 639-2's code for a language that cannot be told
# A few thousand characters tell the language as well as a whole article, at a fraction of the time.
SAMPLE_CHARS = 4000


def unsupported_reason(language: str) -> str:
    """The quarantine reason of an article that no installed model can read."""
    if language == UNDETERMINED:
        return "language could not be detected; the installed models read only " + \
            ", ".join(sorted(language_models()))
    return f"language {language!r} is not supported by the installed models"


def normalize_code(code: str | None) -> str | None:
    """A stated language as an ISO 639-1 code: 'en-US' -> 'en', 'FR' -> 'fr'; None if unusable."""
    if not code:
        return None
    match = re.match(r"\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$", code)
    return match.group(1).lower() if match else None


# Below this share of the probability the text is not told apart from others (one-word texts, junk).
MIN_CONFIDENCE = 0.5
NO_LANGUAGE = {"zxx"}  # py3langid's "no linguistic content"


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True, min_confidence=MIN_CONFIDENCE)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language, or 'und' when it cannot be told."""
    code, _ = _identifier().classify(text[:SAMPLE_CHARS])
    return UNDETERMINED if code in NO_LANGUAGE else code


def article_language(stated: str | None, text: str) -> str:
    """The language the input states (normalized), else the one detected in its text."""
    return normalize_code(stated) or detect_language(text)


@lru_cache(maxsize=16)
def model_language(model: str) -> str | None:
    """The language of an installed spaCy model package, from its meta.json (None if not installed)."""
    if Path(model).is_dir():  # spaCy also loads a model from a folder
        meta = Path(model) / "meta.json"
    else:
        try:
            spec = find_spec(model)
        except (ImportError, ValueError):
            return None
        if spec is None or not spec.submodule_search_locations:
            return None
        meta = Path(next(iter(spec.submodule_search_locations))) / "meta.json"
    try:
        return json.loads(meta.read_text(encoding="utf-8")).get("lang")
    except (OSError, ValueError):
        return None


def language_models(default_model: str | None = None, extra: str | None = None) -> dict[str, str]:
    """Language code -> installed spaCy model: the default model, then FACTWIRE_SPACY_MODELS' ones."""
    from factwire.settings import get_settings

    default_model = default_model or get_settings().spacy_model
    extra = os.environ.get("FACTWIRE_SPACY_MODELS", "") if extra is None else extra
    out: dict[str, str] = {}
    for model in [default_model, *(m.strip() for m in extra.split(",") if m.strip())]:
        lang = model_language(model)
        if lang and lang not in out:
            out[lang] = model
    return out
