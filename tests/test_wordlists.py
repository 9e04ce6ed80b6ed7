"""The word lists of the rules live in one data file, each read by exactly one assignment in the code."""

from __future__ import annotations

import ast
import tomllib

import pytest

from factwire.version import PACKAGE
from factwire.wordlists import WORDLISTS_FILE, wordlist


def _calls() -> list[tuple[str, str, str]]:
    """(file, section, key) of every ``wordlist("section", "key")`` call in the package."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "wordlist":
                section, key = (a.value for a in node.args)
                found.append((path.relative_to(PACKAGE).as_posix(), section, key))
    return found


def _lists() -> dict[tuple[str, str], list[str]]:
    def walk(table: dict, prefix: str) -> dict[tuple[str, str], list[str]]:
        out = {}
        for name, value in table.items():
            if isinstance(value, dict):
                out |= walk(value, f"{prefix}.{name}" if prefix else name)
            else:
                out[(prefix, name)] = value
        return out

    with WORDLISTS_FILE.open("rb") as f:
        return walk(tomllib.load(f), "")


def test_every_list_in_the_data_file_is_read_once_and_every_read_list_exists():
    calls = _calls()
    lists = _lists()
    read = [(section, key) for _, section, key in calls]
    assert len(calls) > 90
    assert sorted(read) == sorted(set(read)), "a list read in two places: import it from the first instead"
    assert set(read) == set(lists), "lists read but missing, or in the data file but never read"


def test_a_list_is_read_by_the_module_its_section_names():
    for path, section, _ in _calls():
        assert path == section.replace(".", "/") + ".py"


def test_lists_hold_distinct_words_and_no_two_lists_are_copies():
    lists = _lists()
    for name, words in lists.items():
        assert words and all(isinstance(w, str) and w == w.strip() and w for w in words), name
        assert len(words) == len(set(words)), f"{name} repeats a word"
    by_words: dict[frozenset[str], tuple[str, str]] = {}
    for name, words in lists.items():
        assert frozenset(words) not in by_words, f"{name} copies {by_words.get(frozenset(words))}"
        by_words[frozenset(words)] = name


def test_a_list_reads_as_a_frozen_set_of_its_words():
    levels = wordlist("extract.counts", "level_nouns")
    assert isinstance(levels, frozenset) and {"price", "rate"} <= levels


def test_an_unknown_list_is_a_clear_error_naming_the_data_file():
    with pytest.raises(KeyError, match="no word list \\[extract.counts\\] no_such_list in .*wordlists.toml"):
        wordlist("extract.counts", "no_such_list")
    with pytest.raises(KeyError, match="no word list"):
        wordlist("extract.nowhere", "level_nouns")


def test_every_list_sits_under_the_comment_that_states_its_convention():
    lines = WORDLISTS_FILE.read_text().splitlines()
    bare = [line.split(" =")[0] for k, line in enumerate(lines)
            if line[:1].isalpha() and " = [" in line and not lines[k - 1].startswith("#")]
    assert bare == []
