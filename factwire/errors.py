"""Errors of reading inputs, with the reason users see in the quarantine table."""

from __future__ import annotations


class IngestError(Exception):
    """An input that cannot be read, with the reason users will see."""


class TransientError(IngestError):
    """A network failure worth retrying (timeout, reset, 5xx)."""


class FetchRefused(IngestError):
    """A request factwire will not make: where it points (an internal address) or what robots.txt says."""
