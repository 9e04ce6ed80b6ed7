"""factwire: news articles in, validated and queryable Parquet datasets out."""

__version__ = "0.1.0"


def __getattr__(name: str) -> str:
    """`factwire.EXTRACTOR_VERSION`: the extractor version of the configured spaCy model.

    It is derived from the extraction code, its data files and the model (`factwire.version`), so a
    change to any of them re-extracts stored articles on the next run and replaces their rows.
    """
    if name == "EXTRACTOR_VERSION":
        from factwire.settings import get_settings
        from factwire.version import extractor_version

        return extractor_version(get_settings().spacy_model)
    raise AttributeError(f"module 'factwire' has no attribute {name!r}")
