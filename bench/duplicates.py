"""Syndicated-copy detection: precision and recall on real articles and their variants, and its cost at scale.

    python bench/duplicates.py                  # quality (3 rounds of variants) + scale to 20,000 signatures
    python bench/duplicates.py --skip-scale     # quality only (~10 s)
    python bench/duplicates.py --sizes 1000 5000 --rounds 1

Quality. The real articles are the texts in bench/extra-dev*/text and ../shared/eval/dev/text. Each one
is stored as an original; then, per round, its syndicated variants are matched (each should be marked a
copy of it): headline changed; last paragraph cut; byline and boilerplate changed; one sentence
reworded; all four at once. Then articles that are NOT copies: a different article on the same subject
(the same people, places and numbers in new sentences, sharing its direct quotes verbatim, as two
outlets at one press conference do) and a follow-up (two of its background paragraphs reused, the
rest new), made once per article. Every pair of real articles is a negative too (they are all stored). A
copy counts as found only when `duplicate_of` names its own original. The threshold sweep reruns
everything per threshold, and the similarity margin (lowest copy, highest non-copy) is printed.

Scale. A store is filled with synthetic articles (12 sentences drawn from the real ones, so some pairs
share sentences and LSH candidates occur as they do in news), and at 1,000 ... 20,000 stored signatures
a batch of 200 new articles (a quarter of them copies) is matched and added through the real store,
five times: CPU milliseconds per new article (the median batch), with and without computing its signature.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factwire.across import mark_copies  # noqa: E402
from factwire.across.copies import CopySettings, SignatureStore, signature  # noqa: E402

SHARED = ROOT.parent / "shared"
SOURCES = [*sorted((ROOT / "bench").glob("extra-dev*/text")), SHARED / "eval" / "dev" / "text"]
SYNONYMS = {"said": "stated", "says": "states", "will": "would", "about": "around", "more": "additional",
            "new": "fresh", "people": "residents", "company": "firm", "also": "additionally", "big": "large",
            "because": "as", "but": "yet", "help": "assist", "show": "demonstrate", "make": "create",
            "told": "informed", "began": "started", "start": "begin", "expected": "anticipated"}
OUTLETS = ["Wire Service", "Daily Ledger", "Metro Times", "Valley Courier", "The Sentinel"]
TEMPLATES = [
    "{a} was at the centre of attention again on {day}, as reporters pressed for details.",
    "Officials in {p} gave few new facts, and several questions remained open.",
    "Analysts who follow {b} said the figures of {n} would be watched closely in the coming weeks.",
    "For {a}, the stakes are high: critics have argued for months that {b} moved too slowly.",
    "The reaction in {p} was mixed, with some welcoming the news and others calling it a distraction.",
    "{b} did not immediately respond to a request for comment on {day}.",
    "It was not clear how {n} would be spent or who would oversee it.",
    "Earlier coverage by this newspaper found that {a} had raised the same concerns last year.",
    "Several people close to {b} described the mood as cautious but hopeful.",
    "The debate is likely to continue, with {a} expected to speak again before the end of the month.",
    "Residents of {p} interviewed on {day} said they had heard little about the plans.",
    "A spokesperson pointed to an earlier statement and declined to elaborate.",
]


def load_articles() -> list[tuple[str, str, list[str]]]:
    """(name, title, paragraphs) of every real article."""
    out = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8").strip()
            title, _, body = text.partition("\n\n")
            paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
            if len(paragraphs) < 3:  # one paragraph per line
                paragraphs = [p.strip() for p in body.splitlines() if p.strip()]
            out.append((f"{folder.parent.name}/{path.stem}", title.strip(), paragraphs))
    return out


def sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])", paragraph) if s]


def reword(paragraphs: list[str], rng: random.Random) -> list[str]:
    """One sentence reworded: synonyms where the sentence has them, else its clauses in another order."""
    out = list(paragraphs)
    i = rng.randrange(len(out))
    sents = sentences(out[i])
    j = rng.randrange(len(sents))
    words = sents[j].split()
    changed = [SYNONYMS.get(w.lower(), w) for w in words]
    if sum(a != b for a, b in zip(words, changed, strict=True)) < 2:
        parts = sents[j].rstrip(".").split(", ")
        changed = ((", ".join(parts[1:] + parts[:1]) + ".") if len(parts) > 1 else
                   "It was reported that " + sents[j][0].lower() + sents[j][1:]).split()
    sents[j] = " ".join(changed)
    out[i] = " ".join(sents)
    return out


def byline(paragraphs: list[str], rng: random.Random) -> list[str]:
    outlet = rng.choice(OUTLETS)
    return [f"By {rng.choice(['Ana Ortiz', 'Sam Reed', 'Lee Park', 'Staff'])}, {outlet}", *paragraphs,
            f"Copyright {rng.randint(2019, 2026)} {outlet}. All rights reserved. Reporting by "
            f"{rng.choice(['J. Hale', 'M. Ito'])}; editing by {rng.choice(['R. Diaz', 'K. Moss'])}."]


def variants(paragraphs: list[str], rng: random.Random) -> dict[str, list[str]]:
    """The syndicated variants of an article (the headline is metadata: its body is unchanged)."""
    cut = paragraphs[:-1] if len(paragraphs) > 2 else paragraphs
    return {"headline": list(paragraphs), "last_paragraph_cut": cut, "byline_boilerplate": byline(paragraphs, rng),
            "sentence_reworded": reword(paragraphs, rng), "all_four": byline(reword(cut, rng), rng)}


def same_subject(paragraphs: list[str], rng: random.Random) -> list[str]:
    """Another outlet's article on the same event: its names and numbers in new sentences, its quotes verbatim."""
    text = " ".join(paragraphs)
    names = re.findall(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b", text) or ["The agency"]
    numbers = re.findall(r"\$?\d[\d,.]*(?:\s+(?:million|billion|percent))?", text) or ["the sum"]
    quotes = [s for p in paragraphs for s in sentences(p) if s.startswith(("\"", "\u201c"))][:2]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    body = [t.format(a=rng.choice(names), b=rng.choice(names), p=rng.choice(names), n=rng.choice(numbers),
                     day=rng.choice(days)) for t in rng.sample(TEMPLATES, 8)]
    for q in quotes:
        body.insert(rng.randrange(len(body) + 1), q)
    return [" ".join(body[i:i + 3]) for i in range(0, len(body), 3)]


def follow_up(paragraphs: list[str], rng: random.Random) -> list[str]:
    """A later article on the subject that reuses two background paragraphs."""
    new = same_subject(paragraphs, rng)
    background = paragraphs[1:3] if len(paragraphs) > 3 else paragraphs[:1]
    return [*new[:2], *background, *new[2:]]


def quality(threshold: float, rounds: int, seed: int) -> dict[str, object]:
    """Precision and recall at one threshold, per variant kind."""
    rng = random.Random(seed)
    bases = load_articles()
    settings = CopySettings(threshold=threshold)
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp)
        originals = [{"article_id": f"orig:{n}", "clean_text": "\n\n".join(p), "published": None}
                     for n, _, p in bases]
        marked = mark_copies(originals, store, settings)
        false_pos = sum(a["duplicate_of"] is not None for a in marked)
        found: dict[str, list[int]] = {}
        negatives = len(marked)
        for r in range(rounds):
            batch, expect = [], {}
            for name, _, paragraphs in bases:
                for kind, body in variants(paragraphs, rng).items():
                    aid = f"{kind}:{r}:{name}"
                    batch.append({"article_id": aid, "clean_text": "\n\n".join(body), "published": None})
                    expect[aid] = (kind, f"orig:{name}")
                # Not copies, once per article: two made from one article's templates would copy each other.
                for kind, body in (("same_subject", same_subject(paragraphs, rng)),
                                   ("follow_up", follow_up(paragraphs, rng))) if r == 0 else ():
                    aid = f"{kind}:{r}:{name}"
                    batch.append({"article_id": aid, "clean_text": "\n\n".join(body), "published": None})
                    expect[aid] = (kind, None)
            rng.shuffle(batch)
            for a in mark_copies(batch, store, settings):
                kind, target = expect[a["article_id"]]
                if target is None:
                    negatives += 1
                    false_pos += a["duplicate_of"] is not None
                    found.setdefault(kind, []).append(int(a["duplicate_of"] is not None))
                else:
                    ok = a["duplicate_of"] == target
                    false_pos += a["duplicate_of"] is not None and not ok
                    found.setdefault(kind, []).append(int(ok))
        positives = sum(len(v) for k, v in found.items() if k not in ("same_subject", "follow_up"))
        true_pos = sum(sum(v) for k, v in found.items() if k not in ("same_subject", "follow_up"))
    return {"threshold": threshold, "articles": len(bases), "positives": positives, "negatives": negatives,
            "tp": true_pos, "fp": false_pos,
            "precision": true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0,
            "recall": true_pos / positives if positives else 0.0,
            "by_kind": {k: f"{sum(v)}/{len(v)}" for k, v in found.items()}}


def margin(rounds: int, seed: int) -> tuple[dict[str, float], dict[str, float]]:
    """Lowest estimated similarity of each kind of copy to its original, highest of each kind of non-copy."""
    rng = random.Random(seed)
    settings = CopySettings()
    low: dict[str, float] = {}
    high: dict[str, float] = {}
    bases = load_articles()
    for r in range(rounds):
        for _, _, paragraphs in bases:
            orig = signature("\n\n".join(paragraphs), settings)
            for kind, body in variants(paragraphs, rng).items():
                sim = orig.jaccard(signature("\n\n".join(body), settings))
                low[kind] = min(low.get(kind, 1.0), sim)
            for kind, body in (("same_subject", same_subject(paragraphs, rng)),
                               ("follow_up", follow_up(paragraphs, rng))) if r == 0 else ():
                sim = orig.jaccard(signature("\n\n".join(body), settings))
                high[kind] = max(high.get(kind, 0.0), sim)
    pairs = [signature("\n\n".join(p), settings) for _, _, p in bases]
    high["other_real_article"] = max(a.jaccard(b) for i, a in enumerate(pairs) for b in pairs[i + 1:])
    return low, high


def synthetic(pool: list[str], rng: random.Random, n: int) -> str:
    return "\n\n".join(" ".join(rng.sample(pool, 3)) + f" ({rng.randrange(10**9)})" for _ in range(n // 3))


def scale(sizes: list[int], seed: int) -> list[dict[str, float]]:
    """Milliseconds per new article matched and added, at each number of stored signatures."""
    rng = random.Random(seed)
    pool = [s for _, _, ps in load_articles() for p in ps for s in sentences(p) if len(s.split()) > 5]
    settings = CopySettings()
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        store = SignatureStore(Path(tmp), settings)
        stored = 0
        for size in sorted(sizes):
            while stored < size:
                n = min(2000, size - stored)
                store.match_and_add([(f"s{stored + i}", synthetic(pool, rng, 12)) for i in range(n)])
                stored += n
            runs = []  # five batches per size, the median kept; CPU time of this process, as the machine is shared
            for rep in range(5):
                texts = [synthetic(pool, rng, 12) for _ in range(150)]
                fresh = [(f"new{size}-{rep}-{i}", t) for i, t in enumerate(texts)]
                copies = [(f"copy{size}-{rep}-{i}", t.rsplit("\n\n", 1)[0]) for i, t in enumerate(texts[:50])]
                batch = fresh + copies
                t0 = time.process_time()
                for _, text in batch:
                    signature(text, settings)
                sig_ms = (time.process_time() - t0) * 1000 / len(batch)
                t0, w0 = time.process_time(), time.perf_counter()
                matches = store.match_and_add(batch)
                total_ms = (time.process_time() - t0) * 1000 / len(batch)
                wall_ms = (time.perf_counter() - w0) * 1000 / len(batch)
                stored += len(batch)
                hits = sum(m.duplicate_of is not None for m in matches if m.article_id.startswith("copy"))
                runs.append((total_ms, sig_ms, hits, wall_ms))
            total_ms, sig_ms, hits, wall_ms = sorted(runs)[2]
            db = Path(tmp) / "signatures.sqlite"
            out.append({"stored": size, "ms_per_article": round(total_ms, 3), "wall_ms": round(wall_ms, 3),
                        "ms_without_signature": round(total_ms - sig_ms, 3),
                        "copies_found": f"{hits}/{len(copies)}", "store_mb": round(db.stat().st_size / 1e6, 1)})
            print(f"  {size:>6,} stored: {total_ms:5.2f} CPU ms per new article ({total_ms - sig_ms:5.2f} without the "
                  f"signature; wall {wall_ms:5.2f}), copies found {hits}/{len(copies)}, store {out[-1]['store_mb']} MB",
                  flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000, 10000, 20000])
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()
    default = CopySettings().threshold
    if not args.skip_quality:
        report_quality(args.rounds, args.seed, default)
    if not args.skip_scale:
        print("scale: incremental matching through the SQLite band index")
        scale(args.sizes, args.seed)


def report_quality(rounds: int, seed: int, default: float) -> None:
    """Print the threshold sweep and the similarity margin."""
    print(f"quality: {len(load_articles())} real articles, {rounds} round(s) of variants")
    for threshold in [0.3, 0.4, default, 0.6, 0.7, 0.8]:
        q = quality(threshold, rounds, seed)
        mark = "  <- default" if threshold == default else ""
        print(f"  threshold {threshold:.1f}: precision {q['precision']:.3f} recall {q['recall']:.3f} "
              f"(tp {q['tp']}, fp {q['fp']}, positives {q['positives']}, negatives {q['negatives']}){mark}")
        if threshold == default:
            print("    found per kind (negatives: marked as copies): "
                  + ", ".join(f"{k} {v}" for k, v in q["by_kind"].items()))
    low, high = margin(rounds, seed)
    print("  similarity to the original, lowest per kind of copy: "
          + ", ".join(f"{k} {v:.2f}" for k, v in low.items()))
    print("  highest per kind of non-copy: " + ", ".join(f"{k} {v:.2f}" for k, v in high.items()))


if __name__ == "__main__":
    main()
