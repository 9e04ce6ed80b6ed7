"""factwire: news articles in, validated and queryable Parquet datasets out."""

__version__ = "0.1.0"

# Bump when an extractor's output changes: stored articles of an older version are re-extracted
# and their rows replaced (see store.py), articles of this version are skipped on re-runs.
EXTRACTOR_VERSION = "1"
