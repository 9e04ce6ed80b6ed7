"""Build a benchmark corpus: the sample, the dev set (text and HTML), and generated variants of them.

    python bench/corpus.py --articles 2000 [--out bench/out/corpus-2000] [--seed 7]

Article ids are content hashes, so every generated article must differ from every other one:
each variant keeps its base article's lead paragraph, shuffles the others, splices in paragraphs
of a second article, renames the people (consistently within the article, from a pool of made-up
names) and changes the digits of every number. About one in five is written as JSON, the rest as
text with a `.meta.json` sidecar, 500 files to a folder. The same arguments build the same corpus.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PER_FOLDER = 500

FIRST = ["Maria", "James", "Aisha", "Tomas", "Mei", "Oluwaseun", "Elena", "Rahul", "Sofia", "Daniel",
         "Ingrid", "Kwame", "Lucia", "Hiroshi", "Fatima", "Pieter", "Nadia", "Carlos", "Yara", "Owen"]
LAST = ["Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka", "Castellanos", "Brennan", "Novak",
        "Achterberg", "Mensah", "Ferreira", "Kowalczyk", "Iyer", "Delacroix", "Whitfield", "Sato",
        "Rahimi", "Oyelaran", "Bergstrom", "Caruso"]


@dataclass
class Base:
    """One original article: title, paragraphs, metadata and the people named in it."""

    name: str
    title: str
    paragraphs: list[str]
    meta: dict
    people: list[str]


def _split(text: str, meta: dict) -> tuple[str, list[str]]:
    """Title and paragraphs of a text whose first line is its title, or (the sample) of one without."""
    text = text.strip()
    if "\n\n" not in text:  # one paragraph per line, the title only in the metadata
        paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
        return meta.get("title") or " ".join(paragraphs[0].split()[:9]).rstrip(",;:"), paragraphs
    title, _, body = text.partition("\n\n")
    return title.strip(), [p.strip() for p in body.split("\n\n") if p.strip()]


def load_bases(shared: Path = SHARED) -> list[Base]:
    """The sample and the dev texts, with the PERSON names spaCy finds in each."""
    sys.path.insert(0, str(ROOT))
    from factwire.nlp import load_nlp

    nlp = load_nlp()
    paths = [shared / "seed-article.txt", *sorted((shared / "eval" / "dev" / "text").glob("*.txt"))]
    bases = []
    for path in paths:
        meta_path = path.with_name(path.stem + ".meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        title, paragraphs = _split(path.read_text(encoding="utf-8"), meta)
        doc = nlp("\n\n".join(paragraphs))
        people = sorted({e.text for e in doc.ents if e.label_ == "PERSON" and len(e.text.split()) >= 2
                         and all(w[:1].isupper() and w.isalpha() for w in e.text.split())})
        bases.append(Base(path.stem, title, paragraphs, meta, people))
    return bases


def _renamer(people: list[str], rng: random.Random):
    """A function that gives every first and last name of `people` a made-up replacement."""
    mapping: dict[str, str] = {}
    for person in people:
        words = person.split()
        mapping.setdefault(words[0], rng.choice(FIRST))
        mapping.setdefault(words[-1], rng.choice(LAST))
    if not mapping:
        return lambda text: text
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(mapping, key=len, reverse=True)) + r")\b")
    return lambda text: pattern.sub(lambda m: mapping[m.group(1)], text)


def _vary_numbers(text: str, rng: random.Random) -> str:
    """Change every digit run to another number with as many digits (years stay plausible)."""
    def repl(m: re.Match) -> str:
        digits = m.group(0)
        if len(digits) == 4 and digits[:2] in {"19", "20"}:
            return str(rng.randint(1995, 2025))
        if len(digits) <= 2 and int(digits) <= 31:  # days of the month stay days of the month
            return str(rng.randint(1, 28))
        first = str(rng.randint(1, 9)) if digits[0] != "0" else "0"
        return first + "".join(str(rng.randint(0, 9)) for _ in digits[1:])
    return re.sub(r"\d+", repl, text)


def variant(bases: list[Base], n: int, rng: random.Random) -> tuple[str, dict]:
    """The n-th generated article: text (title line, blank line, body) and its metadata."""
    base, other = rng.sample(bases, 2)
    rest = base.paragraphs[1:]
    rng.shuffle(rest)
    spliced = rng.sample(other.paragraphs, k=min(len(other.paragraphs), rng.randint(1, 3)))
    for p in spliced:
        rest.insert(rng.randint(0, len(rest)), p)
    rename = _renamer(base.people + other.people, rng)
    body = "\n\n".join(_vary_numbers(rename(p), rng) for p in [base.paragraphs[0], *rest])
    title = _vary_numbers(rename(base.title), rng)
    published = date(2019, 1, 1) + timedelta(days=rng.randint(0, 6 * 365))
    meta = {"title": title, "published": published.isoformat(), "outlet": base.meta.get("outlet") or "Example Wire",
            "url": f"https://news.example.com/{published:%Y/%m/%d}/{base.name}-{n}"}
    return f"{title}\n\n{body}\n", meta


def build(out: Path, articles: int, *, seed: int = 7, shared: Path = SHARED) -> dict:
    """Write the corpus under `out` (originals first, then variants); returns a description of it."""
    shutil.rmtree(out, ignore_errors=True)
    originals = out / "originals"
    originals.mkdir(parents=True)
    shutil.copy(shared / "seed-article.txt", originals)
    shutil.copy(shared / "seed-article.meta.json", originals)
    for sub in ("text", "html"):
        shutil.copytree(shared / "eval" / "dev" / sub, originals / f"dev-{sub}")
    n_originals = sum(1 for f in originals.rglob("*") if f.suffix in {".txt", ".html"})
    bases = load_bases(shared)
    rng = random.Random(seed)
    n_json = 0
    for n in range(max(0, articles - n_originals)):
        text, meta = variant(bases, n, rng)
        folder = out / "generated" / f"{n // PER_FOLDER:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        if rng.random() < 0.2:
            title, _, body = text.partition("\n\n")
            (folder / f"a{n:06d}.json").write_text(json.dumps({**meta, "text": body}, ensure_ascii=False),
                                                    encoding="utf-8")
            n_json += 1
        else:
            (folder / f"a{n:06d}.txt").write_text(text, encoding="utf-8")
            (folder / f"a{n:06d}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    info = {"articles": max(articles, n_originals), "originals": n_originals, "json": n_json, "seed": seed}
    (out / ".corpus.json").write_text(json.dumps(info), encoding="utf-8")
    return info


def ensure(out: Path, articles: int, *, seed: int = 7) -> dict:
    """The corpus under `out`, built only when it is missing or was built with other arguments."""
    marker = out / ".corpus.json"  # a dot file: the flow skips it
    if marker.exists():
        info = json.loads(marker.read_text(encoding="utf-8"))
        if info.get("seed") == seed and info.get("articles") == articles:
            return info
    return build(out, articles, seed=seed)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    out = a.out or ROOT / "bench" / "out" / f"corpus-{a.articles}"
    print(json.dumps(build(out, a.articles, seed=a.seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
