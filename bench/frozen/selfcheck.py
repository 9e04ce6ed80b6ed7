import json, re, sys, unicodedata
from pathlib import Path
base = Path(__file__).resolve().parent
def tn(s):
    s = unicodedata.normalize('NFKC', s)
    for a, b in (('\u2019', "'"), ('\u2018', "'"), ('\u201c', '"'), ('\u201d', '"')):
        s = s.replace(a, b)
    return re.sub(r'\s+', ' ', s).strip().lower()
def norm(s):
    s = unicodedata.normalize("NFKC", str(s or "")).lower()
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = re.sub(r"'s\b", "", s); s = re.sub(r"[^\w\s+&-]", " ", s); s = re.sub(r"^\s*the\s+", "", s)
    return re.sub(r"\s+", " ", s).strip()
bad = 0
def err(k, m):
    global bad; bad += 1; print(f'{k}: {m}')
for gp in sorted(base.glob('gold/*.gold.json')):
    k = gp.name.split('.')[0]
    g = json.loads(gp.read_text())
    meta = json.loads((base / f'text/{k}.meta.json').read_text())
    txt = (base / f'text/{k}.txt').read_text()
    title, _, body = txt.partition('\n\n')
    if title != meta['title'] or title != g['title']: err(k, 'title mismatch')
    if meta['published'] != g['published']: err(k, 'published mismatch')
    if title.endswith('.'): err(k, 'title ends with period')
    lb = body.lower()
    names = {}
    for e in g['entities']:
        for s in [e['name']] + e['aliases']:
            if s.lower() not in lb and s != 'Associated Press': err(k, f'entity form not in body: {s!r}')
        if norm(e['name']) in names: err(k, f'dup entity {e["name"]}')
        names[norm(e['name'])] = e
        for a in e['aliases']:
            if norm(a) == norm(e['name']): err(k, f'alias same as name {a}')
    allkeys = [norm(e['name']) for e in g['entities']] + [norm(a) for e in g['entities'] for a in e['aliases']]
    dup = {x for x in allkeys if allkeys.count(x) > 1}
    if dup: err(k, f'key used twice {dup}')
    for n in g.get('neutral_entities', []):
        if norm(n) in allkeys: err(k, f'neutral is a gold key: {n}')
    for cat in ('money', 'counts', 'percents'):
        for q in g[cat]:
            if q.get('text') and q['text'].lower() not in lb: err(k, f'{cat} text not in body: {q["text"]!r}')
            if cat == 'money' and q.get('subject') and norm(q['subject']) not in names: err(k, f'money subject {q["subject"]}')
            if cat == 'counts':
                if q['value'] in g['not_quantities']: err(k, f'count value in not_quantities {q["value"]}')
                if q.get('subject') and norm(q['subject']) not in names: err(k, f'count subject {q["subject"]}')
    for q in g.get('optional_counts', []):
        if q['text'].lower() not in lb: err(k, f'optional count text {q["text"]}')
    for v in g['not_quantities']:
        if not re.search(r'(?<![\d.,])' + str(v) + r'(?![\d])', body): print(f'{k}: note: not_quantity {v} not found as digits')
    pos = 0
    for d in g['dates']:
        i = lb.find(d['text'].lower(), pos)
        if i < 0: err(k, f'date not in order: {d["text"]!r}')
        else: pos = i + len(d['text'])
        if not re.fullmatch(r'\d{4}(-\d\d(-\d\d)?)?', d['resolved']): err(k, f'bad resolved {d}')
    tb = tn(body)
    for fld in ('quotes', 'optional_quotes'):
        for q in g.get(fld, []):
            if tn(q['contains']) not in tb: err(k, f'{fld} not in body: {q["contains"][:50]!r}')
            if q['contains'] not in body: err(k, f'{fld} not exact substring: {q["contains"][:50]!r}')
            if fld == 'quotes' and len(q['contains'].split()) < 8: err(k, f'quote <8 words: {q["contains"]!r}')
            if q['speaker'] is not None and norm(q['speaker']) not in names: err(k, f'speaker not entity: {q["speaker"]}')
            if fld == 'quotes' and q['speaker'] is None: err(k, 'gold quote without speaker')
    for a in g['attributions']:
        if norm(a['source']) not in names: err(k, f'attribution source not entity {a["source"]}')
    for r in g['roles']:
        if norm(r['person']) not in names or 'PERSON' not in names[norm(r['person'])]['types']: err(k, f'role person {r["person"]}')
        if r.get('org') and norm(r['org']) not in names: err(k, f'role org {r["org"]}')
    for fld in ('events', 'optional_events'):
        for e in g.get(fld, []):
            for n in [e.get('actor'), e.get('target')] + e.get('participants', []):
                if n and norm(n) not in names: err(k, f'{fld} party not entity {n}')
            if e.get('date') and not re.fullmatch(r'\d{4}(-\d\d)?', e['date']): err(k, f'event date {e["date"]}')
    if g['complete'] != (k in ('44', '45', '49', '50')): err(k, 'complete flag')
    if gp.read_text().count(meta['url']) != 1: err(k, 'source url')
print('problems:', bad)
