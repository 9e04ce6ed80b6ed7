"""Run the pipeline (without Prefect) on the sample and the dev set, then score with the shared scorer.

    python bench/evaluate.py [--html] [--only SET]... [--notes N]

`extra` is bench/extra-dev/ and `extra2` bench/extra-dev2/: five more real articles each, annotated
independently of the code (see their READMEs), to check that rules tuned on the dev set generalize.
`extra3` is bench/extra-dev3/ (20 articles, tuning data), `frozen` bench/frozen/ (10 articles held out:
score it once at the end of a session, never tune on it; it is not in the default run). `extra4` is
bench/extra-dev4/ (14 articles, tuning data) and `frozen2` bench/frozen2/ (the held-out split of the
second draw, bench/split-2026-12b.json; the same rules as `frozen`). `extra5` is bench/extra-dev5/ (10 articles
of the third draw, bench/split-2026-12c.json, tuning data) and `frozen3` bench/frozen3/ (its held-out
articles, 89-93 and 104-108); `extra6` is bench/extra-dev6/ (10 more tuning articles of that draw).
`frozen4` is bench/frozen4/ (the last 9 eligible pages, bench/split-2026-12d.json, all held out).
extra-dev2's failures were studied in earlier sessions: it is dev data now. `own` is bench/own-dev/ and
`ownfrozen` bench/own-frozen/: articles written and annotated by helpers who never read the code, in the
beats and house styles of real outlets (bench/split-2026-12e-synth.json; `ownfrozen` is held out);
`own2` (bench/own2-dev/) and `own2frozen` (bench/own2-frozen/) a second such batch of the tenth session,
split by bench/split-2026-12f-synth.json before any of it was written (`own2frozen` is held out).
`extra7` (bench/extra-dev7/, tuning) and `frozen5` (bench/frozen5/, held out) are the fourth draw of benchmark
pages (bench/split-2026-12g.json, 150-1600 words), split before any code change of the eleventh session.
`extra8` (bench/extra-dev8/, tuning) and `frozen6` (bench/frozen6/, held out) are the fifth draw
(bench/split-2026-12h.json: the five long English news pages left, over 1600 words);
`own3` (bench/own3-dev/, tuning) and `own3frozen` (bench/own3-frozen/, held out) a third synthetic batch
(bench/split-2026-12i-synth.json); both split in the thirteenth session
before any article was annotated or written and before any code change. `own4` (bench/own4-dev/, tuning) and
`own4frozen` (bench/own4-frozen/, held out) a fourth synthetic batch of four beats (bench/split-2026-12j-synth.json),
split in the fourteenth session before any article was written and before any code change of that session;
`own5` (bench/own5-dev/) and `own5frozen` (bench/own5-frozen/) a fifth batch (bench/split-2026-12k-synth.json),
split in the same session before any of it was written (rules of the session by then came from own4-dev only);
`own6` (bench/own6-dev/) and `own6frozen` (bench/own6-frozen/) a sixth batch (bench/split-2026-12l-synth.json), split
and written after the fourteenth session's last code change; `own7` (bench/own7-dev/) and `own7frozen`
(bench/own7-frozen/) a seventh batch (bench/split-2026-12m-synth.json), split at the fifteenth session's start before
any code change and written while its first rules came from own6-dev only; `own8` (bench/own8-dev/) and
`own8frozen` (bench/own8-frozen/) an eighth batch (bench/split-2026-12n-synth.json), split and written mid-session
and read by no one before both halves were scored at the session's end (own8 is tuning from the sixteenth session on);
`own9` (bench/own9-dev/) and `own9frozen` (bench/own9-frozen/) a ninth batch (bench/split-2026-12o-synth.json), split
and written after the fifteenth session's last rule, first scored at its end (own9 is tuning from the sixteenth on);
`own10` (bench/own10-dev/) and `own10frozen` (bench/own10-frozen/) a tenth batch (bench/split-2026-12p-synth.json),
split at the sixteenth session's start before any code change; own10 first scored before any failure of it was read,
then studied (tuning); own8-dev and own9-dev were studied in the sixteenth session too. `own11` (bench/own11-dev/)
and `own11frozen` (bench/own11-frozen/) an eleventh batch (bench/split-2026-12q-synth.json), split and written after
the sixteenth session's last rule, first scored at its end (own11 is tuning from the seventeenth session on).
`own12` (bench/own12-dev/) and `own12frozen` (bench/own12-frozen/) a twelfth batch (bench/split-2026-12r-synth.json),
split at the seventeenth session's start before any code change; own12 first scored before any failure of it was
read, tuning from then on. `own13` (bench/own13-dev/) and `own13frozen` (bench/own13-frozen/) a thirteenth batch
(bench/split-2026-12s-synth.json), split at the eighteenth session's start before any code change; own13 first scored
before any failure of it was read, tuning from then on. `own14` (bench/own14-dev/) and `own14frozen`
(bench/own14-frozen/) a fourteenth batch (bench/split-2026-12t-synth.json), split and written after the eighteenth
session's last code commit, first scored at its end (own14 is tuning from the nineteenth session on). `own15`
(bench/own15-dev/) and `own15frozen` (bench/own15-frozen/) a fifteenth batch (bench/split-2026-12u-synth.json), split
at the nineteenth session's start before any code change; own15 first scored at that code before any failure of it
was read, tuning from then on. `own16` (bench/own16-dev/) and `own16frozen` (bench/own16-frozen/) a sixteenth batch
(bench/split-2026-12v-synth.json), split and written during the nineteenth session, first scored at its last code
(own16 is tuning from the twentieth session on). `own17` (bench/own17-dev/) and `own17frozen` (bench/own17-frozen/) a
seventeenth batch (bench/split-2026-12w-synth.json), split at the twentieth session's start before any code change;
own17 first scored before any failure of it was read, tuning from then on. `own18` (bench/own18-dev/) and
`own18frozen` (bench/own18-frozen/) an eighteenth batch (bench/split-2026-12x-synth.json), split and written during
the twentieth session, first scored at its last code (own18 is tuning from the twenty-first session on). `own19`
(bench/own19-dev/) and `own19frozen` (bench/own19-frozen/) a nineteenth batch (bench/split-2026-12y-synth.json), split
at the twenty-first session's start and written during it, first scored at its last code (own19 is tuning from the
twenty-second session on). `own20` (bench/own20-dev/) and `own20frozen` (bench/own20-frozen/) a twentieth batch
(bench/split-2026-12z-synth.json), split and written at the twenty-first session's end, after its held-out scoring;
first scored at the twenty-second session's start code (own20 0.851, own20frozen 0.823) before anyone read a
failure of them; own20 is tuning from then on. `own21` (bench/own21-dev/) and `own21frozen` (bench/own21-frozen/) a
twenty-first batch (bench/split-2026-12za-synth.json), split at the twenty-second session's start and written
during it, first scored at its end; own21 is tuning from the twenty-third session on. `own22` (bench/own22-dev/) and
`own22frozen` (bench/own22-frozen/) a twenty-second batch (bench/split-2026-12zb-synth.json), split and written at
the twenty-second session's end, after its held-out scoring; first scored at the twenty-third session's start code
(own22 0.858, own22frozen 0.850) before anyone read a failure of them; own22 is tuning from then on. `own23`
(bench/own23-dev/) and `own23frozen` (bench/own23-frozen/) a twenty-third batch (bench/split-2026-12zc-synth.json),
split at the twenty-third session's start and written during it, first scored at its last code (own23 0.836,
own23frozen 0.821; at its start code 0.833 and 0.821) before anyone read a failure of them; own23 is tuning from the
twenty-fourth session on. `own24` (bench/own24-dev/) and `own24frozen` (bench/own24-frozen/) a twenty-fourth batch
(bench/split-2026-12zd-synth.json), split and written at the twenty-third session's end, after its held-out scoring;
first scored at the twenty-fourth session's start code (own24 0.887, own24frozen 0.881) before anyone read a
failure of them; own23 and own24 are tuning from then on. `own25` (bench/own25-dev/) and `own25frozen`
(bench/own25-frozen/) a twenty-fifth batch (bench/split-2026-12ze-synth.json), split at the twenty-fourth session's
start and written during it, first scored at its last code (own25 0.860, own25frozen 0.872; at its start code 0.860
and 0.863) before anyone read a failure of them; own25 is tuning from the twenty-fifth session on. `own26`
(bench/own26-dev/) and `own26frozen` (bench/own26-frozen/) a twenty-sixth batch (bench/split-2026-12zf-synth.json),
split and written at the twenty-fourth session's end, after its held-out scoring; first scored at the twenty-fifth
session's start code (own26 0.845, own26frozen 0.841) before anyone read a failure of them; own25 and own26 are
tuning from then on. `own27` (bench/own27-dev/) and `own27frozen` (bench/own27-frozen/) a twenty-seventh batch
(bench/split-2026-12zg-synth.json), split at the twenty-fifth session's start and written during it, first scored
at its end (own27 0.869, own27frozen 0.897; at its start code 0.869 and 0.896) before anyone read a failure of them;
own27 is tuning from the twenty-sixth session on. `own28`
(bench/own28-dev/) and `own28frozen` (bench/own28-frozen/) a twenty-eighth batch (bench/split-2026-12zh-synth.json),
split and written at the twenty-fifth session's end, after its held-out scoring; first scored at the twenty-sixth
session's start code 37721f8 (own28 0.905, own28frozen 0.830) before anyone read a failure of them; own27 and own28
are tuning from then on. `own29` (bench/own29-dev/) and `own29frozen` (bench/own29-frozen/) a twenty-ninth batch
(bench/split-2026-12zi-synth.json), split at the twenty-sixth session's start and written during it; first scored at
its end (own29 0.873 -> 0.874, own29frozen 0.853 -> 0.854, start code ef5aa78 -> cfadb38) before anyone read a failure
of them; own29 is tuning from the twenty-seventh session on. `own30` (bench/own30-dev/) and `own30frozen`
(bench/own30-frozen/) a thirtieth batch (bench/split-2026-12zj-synth.json), split and written at the twenty-sixth
session's end, after its held-out scoring; first scored at the twenty-seventh session's start code 9ef8173 (own30 0.876,
own30frozen 0.887) before anyone read a failure of them; own29 and own30 are tuning from then on. `own31`
(bench/own31-dev/) and `own31frozen` (bench/own31-frozen/) a thirty-first batch (bench/split-2026-12zk-synth.json),
split at the twenty-seventh session's start and written during it; first scored at its end (own31 0.855 -> 0.855,
own31frozen 0.848 -> 0.863, start code 9ef8173 -> 5a01694) before anyone read a failure of them; own31 is tuning from
the twenty-eighth session on. `own32` (bench/own32-dev/) and `own32frozen` (bench/own32-frozen/) a thirty-second batch
(bench/split-2026-12zl-synth.json), split and written at the twenty-seventh session's end, after its held-out scoring;
first scored at the twenty-eighth session's start code 09e8e8a (own32 0.894, own32frozen 0.847) before anyone read a
failure of them; own31 and own32 are tuning from then on. `own33` (bench/own33-dev/) and `own33frozen`
(bench/own33-frozen/) a thirty-third batch (bench/split-2026-12zm-synth.json), split at the twenty-eighth
session's start, before its code changes, and written in its first hour; first scored at its end (own33 0.850 -> 0.852,
own33frozen 0.875 -> 0.881, start code 09e8e8a -> 40a100c) before anyone read a failure of them; own33 is tuning from
the twenty-ninth session on. `own34` (bench/own34-dev/) and `own34frozen` (bench/own34-frozen/) a thirty-fourth batch
(bench/split-2026-12zn-synth.json), split and written at the twenty-eighth session's end, after its held-out scoring;
first scored at the twenty-ninth session's start code 34ba254 (own34 0.837, own34frozen 0.869) before anyone read a
failure of them; own33 and own34 are tuning from then on. `own35` (bench/own35-dev/) and `own35frozen`
(bench/own35-frozen/) a thirty-fifth batch (bench/split-2026-12zo-synth.json), split at the twenty-ninth session's
start and written in its first hour; first scored at its end (own35 0.896 -> 0.898, own35frozen 0.885 -> 0.887, start
code 34ba254 -> d136c96) before anyone read a failure of them; own35 is tuning from the thirtieth session on. `own36`
(bench/own36-dev/) and `own36frozen` (bench/own36-frozen/) a thirty-sixth batch (bench/split-2026-12zp-synth.json),
split and written at the twenty-ninth session's end, after its held-out scoring; first scored at the thirtieth session's
start code 7c3bad6 (own36 0.859, own36frozen 0.853) before anyone read a failure of them; own35 and own36 are tuning
from then on. `own37` (bench/own37-dev/) and `own37frozen` (bench/own37-frozen/) a thirty-seventh batch
(bench/split-2026-12zq-synth.json), split at the thirtieth session's start, before its code changes, and written in
its first hour; first scored at its end (own37 0.855 -> 0.862, own37frozen 0.847 -> 0.847, start code 7c3bad6 ->
a0ec753) before anyone read a failure of them; own37 is tuning from the thirty-first session on. `own38`
(bench/own38-dev/) and `own38frozen` (bench/own38-frozen/) a thirty-eighth batch (bench/split-2026-12zr-synth.json),
split and written at the thirtieth session's end, after its held-out scoring; first scored at the thirty-first
session's start code e068dd9 (own38 0.866, own38frozen 0.814) before anyone read a failure of them; own37 and own38
are tuning from then on. `own39` (bench/own39-dev/) and `own39frozen` (bench/own39-frozen/) a thirty-ninth batch
(bench/split-2026-12zs-synth.json), split at the thirty-first session's start, before its code changes, and written
in its first hour; first scored at its end (own39 0.864 -> 0.867, own39frozen 0.811 -> 0.828, start code
a9e909a -> b82aa47) before anyone read a failure of them; own39 is tuning from the thirty-second session on. `own40`
(bench/own40-dev/) and `own40frozen` (bench/own40-frozen/) a fortieth batch (bench/split-2026-12zt-synth.json), split
and written at the thirty-first session's end, after its held-out scoring; first scored at the thirty-second session's
start code d007aa0 (own40 0.879, own40frozen 0.863) before anyone read a failure of them; own39 and own40 are tuning
from then on. `own41` (bench/own41-dev/) and `own41frozen` (bench/own41-frozen/) a forty-first batch
(bench/split-2026-12zu-synth.json), split at the thirty-second session's start, before its code changes, and written
in its first minutes; first scored at its end (own41 0.861 -> 0.862, own41frozen 0.842 -> 0.840, start code
d007aa0 -> 0b00c4c) before anyone read a failure of them; own41 is tuning from the thirty-third session on. `own42`
(bench/own42-dev/) and `own42frozen` (bench/own42-frozen/) a forty-second batch (bench/split-2026-12zv-synth.json),
split and written at the thirty-second session's end, after its held-out scoring; first scored at the thirty-third
session's start code 9119248 (own42 0.832, own42frozen 0.849) before anyone read a failure of them; own41 and own42
are tuning from then on. `own43` (bench/own43-dev/) and `own43frozen` (bench/own43-frozen/) a forty-third batch
(bench/split-2026-12zw-synth.json), split at the thirty-third session's start, before its code changes, and written in
its first hour; first scored at its end (own43 0.868 -> 0.867, own43frozen 0.833 -> 0.831, start code 9d33343 ->
7b23cdf) before anyone read a failure of them; own43 is tuning from the thirty-fourth session on. `own44`
(bench/own44-dev/) and `own44frozen` (bench/own44-frozen/) a forty-fourth batch (bench/split-2026-12zx-synth.json),
split and written at the thirty-third session's end, after its held-out scoring; first scored at the thirty-fourth
session's start code 9666017 (own44 0.870, own44frozen 0.840) before anyone read a failure of them; own43 and own44
are tuning from then on. `own45` (bench/own45-dev/) and `own45frozen` (bench/own45-frozen/) a forty-fifth batch
(bench/split-2026-12zy-synth.json), split at the thirty-fourth session's start, before its code changes, and written
in its first half hour; first scored at its end (own45 0.855 -> 0.855, own45frozen 0.833 -> 0.833, start code 9666017
-> 864798b) before anyone read a failure of them; own45 is tuning from the thirty-fifth session on. `own46`
(bench/own46-dev/) and `own46frozen` (bench/own46-frozen/) a forty-sixth batch (bench/split-2026-12zz-synth.json),
split and written at the thirty-fourth session's end, after its held-out scoring; first scored at the thirty-fifth
session's start code a98bcce (own46 0.879, own46frozen 0.835) before anyone read a failure of them; own45 and own46
are tuning from then on. `own47` (bench/own47-dev/) and `own47frozen` (bench/own47-frozen/) a forty-seventh batch
(bench/split-2026-12zza-synth.json), split at the thirty-fifth session's start, before its code changes, and written in
its first quarter hour; first scored at its end (own47 0.822 -> 0.823, own47frozen 0.864 -> 0.868, start code a98bcce
-> 54562dd) before anyone read a failure of them; own47 is tuning from the thirty-sixth session on. `own48`
(bench/own48-dev/) and `own48frozen` (bench/own48-frozen/) a forty-eighth batch (bench/split-2026-12zzb-synth.json),
split and written at the thirty-fifth session's end, after its held-out scoring; first scored at the thirty-sixth
session's start code, before anyone reads a failure of them.

Writes to bench/out/eval-<text|html>/ and prints the scorer's report.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factwire import pipeline  # noqa: E402
from factwire.ingest import discover  # noqa: E402
from factwire.settings import get_settings  # noqa: E402

SHARED = ROOT.parent / "shared"


SETS = {
    "seed": (None, None),
    "dev": (SHARED / "eval" / "dev" / "text", SHARED / "eval" / "dev" / "gold"),
    "extra": (ROOT / "bench" / "extra-dev" / "text", ROOT / "bench" / "extra-dev" / "gold"),
    "extra2": (ROOT / "bench" / "extra-dev2" / "text", ROOT / "bench" / "extra-dev2" / "gold"),
    "extra3": (ROOT / "bench" / "extra-dev3" / "text", ROOT / "bench" / "extra-dev3" / "gold"),
    "extra4": (ROOT / "bench" / "extra-dev4" / "text", ROOT / "bench" / "extra-dev4" / "gold"),
    "frozen": (ROOT / "bench" / "frozen" / "text", ROOT / "bench" / "frozen" / "gold"),
    "frozen2": (ROOT / "bench" / "frozen2" / "text", ROOT / "bench" / "frozen2" / "gold"),
    "extra5": (ROOT / "bench" / "extra-dev5" / "text", ROOT / "bench" / "extra-dev5" / "gold"),
    "frozen3": (ROOT / "bench" / "frozen3" / "text", ROOT / "bench" / "frozen3" / "gold"),
    "extra6": (ROOT / "bench" / "extra-dev6" / "text", ROOT / "bench" / "extra-dev6" / "gold"),
    "frozen4": (ROOT / "bench" / "frozen4" / "text", ROOT / "bench" / "frozen4" / "gold"),
    "own": (ROOT / "bench" / "own-dev" / "text", ROOT / "bench" / "own-dev" / "gold"),
    "ownfrozen": (ROOT / "bench" / "own-frozen" / "text", ROOT / "bench" / "own-frozen" / "gold"),
    "own2": (ROOT / "bench" / "own2-dev" / "text", ROOT / "bench" / "own2-dev" / "gold"),
    "own2frozen": (ROOT / "bench" / "own2-frozen" / "text", ROOT / "bench" / "own2-frozen" / "gold"),
    "extra7": (ROOT / "bench" / "extra-dev7" / "text", ROOT / "bench" / "extra-dev7" / "gold"),
    "frozen5": (ROOT / "bench" / "frozen5" / "text", ROOT / "bench" / "frozen5" / "gold"),
    "extra8": (ROOT / "bench" / "extra-dev8" / "text", ROOT / "bench" / "extra-dev8" / "gold"),
    "frozen6": (ROOT / "bench" / "frozen6" / "text", ROOT / "bench" / "frozen6" / "gold"),
    "own3": (ROOT / "bench" / "own3-dev" / "text", ROOT / "bench" / "own3-dev" / "gold"),
    "own3frozen": (ROOT / "bench" / "own3-frozen" / "text", ROOT / "bench" / "own3-frozen" / "gold"),
    "own4": (ROOT / "bench" / "own4-dev" / "text", ROOT / "bench" / "own4-dev" / "gold"),
    "own4frozen": (ROOT / "bench" / "own4-frozen" / "text", ROOT / "bench" / "own4-frozen" / "gold"),
    "own5": (ROOT / "bench" / "own5-dev" / "text", ROOT / "bench" / "own5-dev" / "gold"),
    "own5frozen": (ROOT / "bench" / "own5-frozen" / "text", ROOT / "bench" / "own5-frozen" / "gold"),
    "own6": (ROOT / "bench" / "own6-dev" / "text", ROOT / "bench" / "own6-dev" / "gold"),
    "own6frozen": (ROOT / "bench" / "own6-frozen" / "text", ROOT / "bench" / "own6-frozen" / "gold"),
    "own7": (ROOT / "bench" / "own7-dev" / "text", ROOT / "bench" / "own7-dev" / "gold"),
    "own7frozen": (ROOT / "bench" / "own7-frozen" / "text", ROOT / "bench" / "own7-frozen" / "gold"),
    "own8": (ROOT / "bench" / "own8-dev" / "text", ROOT / "bench" / "own8-dev" / "gold"),
    "own8frozen": (ROOT / "bench" / "own8-frozen" / "text", ROOT / "bench" / "own8-frozen" / "gold"),
    "own9": (ROOT / "bench" / "own9-dev" / "text", ROOT / "bench" / "own9-dev" / "gold"),
    "own9frozen": (ROOT / "bench" / "own9-frozen" / "text", ROOT / "bench" / "own9-frozen" / "gold"),
    "own10": (ROOT / "bench" / "own10-dev" / "text", ROOT / "bench" / "own10-dev" / "gold"),
    "own10frozen": (ROOT / "bench" / "own10-frozen" / "text", ROOT / "bench" / "own10-frozen" / "gold"),
    "own11": (ROOT / "bench" / "own11-dev" / "text", ROOT / "bench" / "own11-dev" / "gold"),
    "own11frozen": (ROOT / "bench" / "own11-frozen" / "text", ROOT / "bench" / "own11-frozen" / "gold"),
    "own12": (ROOT / "bench" / "own12-dev" / "text", ROOT / "bench" / "own12-dev" / "gold"),
    "own12frozen": (ROOT / "bench" / "own12-frozen" / "text", ROOT / "bench" / "own12-frozen" / "gold"),
    "own13": (ROOT / "bench" / "own13-dev" / "text", ROOT / "bench" / "own13-dev" / "gold"),
    "own13frozen": (ROOT / "bench" / "own13-frozen" / "text", ROOT / "bench" / "own13-frozen" / "gold"),
    "own14": (ROOT / "bench" / "own14-dev" / "text", ROOT / "bench" / "own14-dev" / "gold"),
    "own14frozen": (ROOT / "bench" / "own14-frozen" / "text", ROOT / "bench" / "own14-frozen" / "gold"),
    "own15": (ROOT / "bench" / "own15-dev" / "text", ROOT / "bench" / "own15-dev" / "gold"),
    "own15frozen": (ROOT / "bench" / "own15-frozen" / "text", ROOT / "bench" / "own15-frozen" / "gold"),
    "own16": (ROOT / "bench" / "own16-dev" / "text", ROOT / "bench" / "own16-dev" / "gold"),
    "own16frozen": (ROOT / "bench" / "own16-frozen" / "text", ROOT / "bench" / "own16-frozen" / "gold"),
    "own17": (ROOT / "bench" / "own17-dev" / "text", ROOT / "bench" / "own17-dev" / "gold"),
    "own17frozen": (ROOT / "bench" / "own17-frozen" / "text", ROOT / "bench" / "own17-frozen" / "gold"),
    "own18": (ROOT / "bench" / "own18-dev" / "text", ROOT / "bench" / "own18-dev" / "gold"),
    "own18frozen": (ROOT / "bench" / "own18-frozen" / "text", ROOT / "bench" / "own18-frozen" / "gold"),
    "own19": (ROOT / "bench" / "own19-dev" / "text", ROOT / "bench" / "own19-dev" / "gold"),
    "own19frozen": (ROOT / "bench" / "own19-frozen" / "text", ROOT / "bench" / "own19-frozen" / "gold"),
    "own20": (ROOT / "bench" / "own20-dev" / "text", ROOT / "bench" / "own20-dev" / "gold"),
    "own20frozen": (ROOT / "bench" / "own20-frozen" / "text", ROOT / "bench" / "own20-frozen" / "gold"),
    "own21": (ROOT / "bench" / "own21-dev" / "text", ROOT / "bench" / "own21-dev" / "gold"),
    "own21frozen": (ROOT / "bench" / "own21-frozen" / "text", ROOT / "bench" / "own21-frozen" / "gold"),
    "own22": (ROOT / "bench" / "own22-dev" / "text", ROOT / "bench" / "own22-dev" / "gold"),
    "own22frozen": (ROOT / "bench" / "own22-frozen" / "text", ROOT / "bench" / "own22-frozen" / "gold"),
    "own23": (ROOT / "bench" / "own23-dev" / "text", ROOT / "bench" / "own23-dev" / "gold"),
    "own23frozen": (ROOT / "bench" / "own23-frozen" / "text", ROOT / "bench" / "own23-frozen" / "gold"),
    "own24": (ROOT / "bench" / "own24-dev" / "text", ROOT / "bench" / "own24-dev" / "gold"),
    "own24frozen": (ROOT / "bench" / "own24-frozen" / "text", ROOT / "bench" / "own24-frozen" / "gold"),
    "own25": (ROOT / "bench" / "own25-dev" / "text", ROOT / "bench" / "own25-dev" / "gold"),
    "own25frozen": (ROOT / "bench" / "own25-frozen" / "text", ROOT / "bench" / "own25-frozen" / "gold"),
    "own26": (ROOT / "bench" / "own26-dev" / "text", ROOT / "bench" / "own26-dev" / "gold"),
    "own26frozen": (ROOT / "bench" / "own26-frozen" / "text", ROOT / "bench" / "own26-frozen" / "gold"),
    "own27": (ROOT / "bench" / "own27-dev" / "text", ROOT / "bench" / "own27-dev" / "gold"),
    "own27frozen": (ROOT / "bench" / "own27-frozen" / "text", ROOT / "bench" / "own27-frozen" / "gold"),
    "own28": (ROOT / "bench" / "own28-dev" / "text", ROOT / "bench" / "own28-dev" / "gold"),
    "own28frozen": (ROOT / "bench" / "own28-frozen" / "text", ROOT / "bench" / "own28-frozen" / "gold"),
    "own29": (ROOT / "bench" / "own29-dev" / "text", ROOT / "bench" / "own29-dev" / "gold"),
    "own29frozen": (ROOT / "bench" / "own29-frozen" / "text", ROOT / "bench" / "own29-frozen" / "gold"),
    "own30": (ROOT / "bench" / "own30-dev" / "text", ROOT / "bench" / "own30-dev" / "gold"),
    "own30frozen": (ROOT / "bench" / "own30-frozen" / "text", ROOT / "bench" / "own30-frozen" / "gold"),
    "own31": (ROOT / "bench" / "own31-dev" / "text", ROOT / "bench" / "own31-dev" / "gold"),
    "own31frozen": (ROOT / "bench" / "own31-frozen" / "text", ROOT / "bench" / "own31-frozen" / "gold"),
    "own32": (ROOT / "bench" / "own32-dev" / "text", ROOT / "bench" / "own32-dev" / "gold"),
    "own32frozen": (ROOT / "bench" / "own32-frozen" / "text", ROOT / "bench" / "own32-frozen" / "gold"),
    "own33": (ROOT / "bench" / "own33-dev" / "text", ROOT / "bench" / "own33-dev" / "gold"),
    "own33frozen": (ROOT / "bench" / "own33-frozen" / "text", ROOT / "bench" / "own33-frozen" / "gold"),
    "own34": (ROOT / "bench" / "own34-dev" / "text", ROOT / "bench" / "own34-dev" / "gold"),
    "own34frozen": (ROOT / "bench" / "own34-frozen" / "text", ROOT / "bench" / "own34-frozen" / "gold"),
    "own35": (ROOT / "bench" / "own35-dev" / "text", ROOT / "bench" / "own35-dev" / "gold"),
    "own35frozen": (ROOT / "bench" / "own35-frozen" / "text", ROOT / "bench" / "own35-frozen" / "gold"),
    "own36": (ROOT / "bench" / "own36-dev" / "text", ROOT / "bench" / "own36-dev" / "gold"),
    "own36frozen": (ROOT / "bench" / "own36-frozen" / "text", ROOT / "bench" / "own36-frozen" / "gold"),
    "own37": (ROOT / "bench" / "own37-dev" / "text", ROOT / "bench" / "own37-dev" / "gold"),
    "own37frozen": (ROOT / "bench" / "own37-frozen" / "text", ROOT / "bench" / "own37-frozen" / "gold"),
    "own38": (ROOT / "bench" / "own38-dev" / "text", ROOT / "bench" / "own38-dev" / "gold"),
    "own38frozen": (ROOT / "bench" / "own38-frozen" / "text", ROOT / "bench" / "own38-frozen" / "gold"),
    "own39": (ROOT / "bench" / "own39-dev" / "text", ROOT / "bench" / "own39-dev" / "gold"),
    "own39frozen": (ROOT / "bench" / "own39-frozen" / "text", ROOT / "bench" / "own39-frozen" / "gold"),
    "own40": (ROOT / "bench" / "own40-dev" / "text", ROOT / "bench" / "own40-dev" / "gold"),
    "own40frozen": (ROOT / "bench" / "own40-frozen" / "text", ROOT / "bench" / "own40-frozen" / "gold"),
    "own41": (ROOT / "bench" / "own41-dev" / "text", ROOT / "bench" / "own41-dev" / "gold"),
    "own41frozen": (ROOT / "bench" / "own41-frozen" / "text", ROOT / "bench" / "own41-frozen" / "gold"),
    "own42": (ROOT / "bench" / "own42-dev" / "text", ROOT / "bench" / "own42-dev" / "gold"),
    "own42frozen": (ROOT / "bench" / "own42-frozen" / "text", ROOT / "bench" / "own42-frozen" / "gold"),
    "own43": (ROOT / "bench" / "own43-dev" / "text", ROOT / "bench" / "own43-dev" / "gold"),
    "own43frozen": (ROOT / "bench" / "own43-frozen" / "text", ROOT / "bench" / "own43-frozen" / "gold"),
    "own44": (ROOT / "bench" / "own44-dev" / "text", ROOT / "bench" / "own44-dev" / "gold"),
    "own44frozen": (ROOT / "bench" / "own44-frozen" / "text", ROOT / "bench" / "own44-frozen" / "gold"),
    "own45": (ROOT / "bench" / "own45-dev" / "text", ROOT / "bench" / "own45-dev" / "gold"),
    "own45frozen": (ROOT / "bench" / "own45-frozen" / "text", ROOT / "bench" / "own45-frozen" / "gold"),
    "own46": (ROOT / "bench" / "own46-dev" / "text", ROOT / "bench" / "own46-dev" / "gold"),
    "own46frozen": (ROOT / "bench" / "own46-frozen" / "text", ROOT / "bench" / "own46-frozen" / "gold"),
    "own47": (ROOT / "bench" / "own47-dev" / "text", ROOT / "bench" / "own47-dev" / "gold"),
    "own47frozen": (ROOT / "bench" / "own47-frozen" / "text", ROOT / "bench" / "own47-frozen" / "gold"),
    "own48": (ROOT / "bench" / "own48-dev" / "text", ROOT / "bench" / "own48-dev" / "gold"),
    "own48frozen": (ROOT / "bench" / "own48-frozen" / "text", ROOT / "bench" / "own48-frozen" / "gold"),
}
TUNING = ("seed", "dev", "extra", "extra2", "extra3", "extra4", "extra5", "extra6", "own", "own2", "extra7", "extra8",
          "own3", "own4", "own5", "own6", "own7", "own8", "own9", "own10", "own11",
          "own12", "own13", "own14", "own15", "own16", "own17", "own18",
          "own19", "own20", "own21", "own22", "own23", "own24", "own25", "own26",
          "own27", "own28", "own29", "own30", "own31", "own32", "own33", "own34", "own35", "own36",
          "own37", "own38", "own39", "own40", "own41", "own42", "own43", "own44",
          "own45", "own46")


def _gold_files(name: str) -> list[str]:
    if name == "seed":
        return [str(SHARED / "eval" / "seed-article.gold.json")]
    gold_dir = SETS[name][1]
    return sorted(str(p) for p in gold_dir.glob("*.gold.json")) if gold_dir.is_dir() else []


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--html", action="store_true", help="use dev/html instead of dev/text")
    ap.add_argument("--only", choices=list(SETS), action="append",
                    help="score only these sets (repeatable); default: every tuning set, each on its own")
    ap.add_argument("--notes", type=int, default=8)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    names = a.only or list(TUNING)
    out = ROOT / "bench" / "out" / ("eval-html" if a.html else "eval-text")
    shutil.rmtree(out, ignore_errors=True)
    settings = get_settings(out)
    raw = settings.raw_dir
    raw.mkdir(parents=True)
    inputs = []
    if "seed" in names:
        shutil.copy(SHARED / "seed-article.txt", raw)
        shutil.copy(SHARED / "seed-article.meta.json", raw)
        inputs.append(str(raw))
    for name in names:
        text_dir = SETS[name][0]
        if name == "dev" and a.html:
            text_dir = SHARED / "eval" / "dev" / "html"
        if text_dir is not None and text_dir.is_dir():
            inputs.append(str(text_dir))
    sources, _ = discover(inputs)
    ingested = pipeline.ingest(sources, settings, force=True)
    batch = pipeline.process(ingested.articles, settings, failures=ingested.failures)
    pipeline.store(batch, settings)
    status = 0
    for name in names:
        gold = _gold_files(name)
        if not gold:
            continue
        print(f"\n===== {name} ({len(gold)} articles) =====", flush=True)
        cmd = [sys.executable, str(SHARED / "eval" / "score.py"), "--processed", str(settings.processed_dir),
               "--notes", str(a.notes), *gold] + (["--json"] if a.json else [])
        status |= subprocess.call(cmd)
    return status


if __name__ == "__main__":
    sys.exit(main())
