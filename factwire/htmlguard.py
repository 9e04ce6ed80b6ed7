"""HTML too pathological to read: refused up front with the reason, before it can take minutes or lose text.

Measured on this machine (notes in docs/fetching.md): libxml2 checks attribute names pairwise, so one
tag with 30,000 attributes takes 4 s to parse and 300,000 over 5 minutes; trafilatura spends about
0.3-0.9 ms per element, so a megabyte of `<p>x</p>` takes minutes; and libxml2 stops at 256 levels
of nesting, silently dropping everything below.
"""

from __future__ import annotations

import re

MAX_ELEMENTS = 50_000  # a long real article page has a few thousand; 50,000 take trafilatura ~15-40 s
MAX_TAG_CHARS = 1_000_000  # one tag (its attributes) over a megabyte is not markup but a payload
MAX_ATTRIBUTES = 1_000  # parse time grows with the square of a tag's attributes
MAX_DEPTH = 256  # libxml2's own limit without XML_PARSE_HUGE
_LONG_TAG = 2_000  # tags shorter than this cannot break either tag limit
_QUOTED = re.compile(r'"[^"]*"|\'[^\']*\'')
_ELEMENT = re.compile(r"<[A-Za-z]")


def _tag_problem(html: str) -> str | None:
    # Split on ">" (linear, in C) rather than a regex over tags, which can go quadratic on "<a<a<a...".
    for segment in html.split(">"):
        if len(segment) <= _LONG_TAG:
            continue
        start = segment.rfind("<")
        if start < 0 or len(segment) - start <= _LONG_TAG:
            continue
        tag = segment[start:]
        if len(tag) > MAX_TAG_CHARS:
            return (f"HTML tag of {len(tag):,} characters is over the {MAX_TAG_CHARS:,}-character limit "
                    "(huge attributes)")
        attributes = len(_QUOTED.sub(" ", tag).split()) - 1  # roughly: words outside quoted values
        if attributes > MAX_ATTRIBUTES:
            return f"HTML tag with about {attributes:,} attributes is over the {MAX_ATTRIBUTES:,}-attribute limit"
    return None


def _depth_problem(html: str) -> str | None:
    from lxml import etree

    parser = etree.HTMLParser(recover=True)
    try:
        etree.fromstring(html.encode("utf-8", errors="replace"), parser)
    except (etree.LxmlError, ValueError):
        return None  # unreadable in other ways: the extractor says so itself
    for error in parser.error_log:
        if "Excessive depth" in error.message:
            return (f"HTML nested more than {MAX_DEPTH} levels deep: the parser stops there and the rest of "
                    "the page would be lost")
    return None


def html_problem(html: str) -> str | None:
    """Why a page is too pathological to read (too many elements, huge tags, nesting too deep), or None."""
    if html.count("<") > MAX_ELEMENTS:  # a cheap bound first; then count, stopping at the limit
        for n, _ in enumerate(_ELEMENT.finditer(html)):
            if n >= MAX_ELEMENTS:
                return f"HTML of more than {MAX_ELEMENTS:,} elements is over the limit (it would take minutes to read)"
    return _tag_problem(html) or _depth_problem(html)
