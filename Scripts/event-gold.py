#!/usr/bin/env python3
"""Tools for the whole-article event gold (Gold/GUIDE.md says what is annotated).

  sample  --vi CORPUS --en CORPUS           writes Gold/events/articles.tsv: the drawn articles, their
          [--extra N --out F]               section and split (deterministic; re-derives byte for byte);
                                            --extra N draws N times as many again, for training only
  show    --corpus CORPUS ID …              prints articles with sentence ids (t, b1, b2, …) to annotate by
  resolve --corpus CORPUS IN.jsonl [--out F] turns an annotator's file (mentions given as text + sentence id)
                                            into gold lines with code-point offsets, checking every span
  agree   --corpus CORPUS A.jsonl B.jsonl   mention-level trigger + type F1 between two annotators, and
                                            event-level (cluster) F1, on the articles both annotated
  split   --corpus CORPUS --lang L FILE …   resolves the adjudicated annotations of one language and writes
                                            Gold/events/<L>-{train,dev,test}.jsonl by the split of articles.tsv,
                                            checking that every drawn article is annotated exactly once
          [--articles articles-extra.tsv --single extra]   the extra training articles: <L>-extra.jsonl

Annotator lines: {"id", "annotator", "events": [{"type", "mode"?, "mentions": [{"text", "where",
"occurrence"?}], "actors": [..], "recipients": [..], "location"?, "date_text"?, "date"?, "modality",
"attribution"?, "killed"?, "injured"?, "arrested"?}]}. `where` is a sentence id printed by `show`;
`occurrence` (1-based) picks among repeats of `text` inside that sentence.

Offsets count Unicode code points (Python str indices) into the field exactly as the corpus holds it.
"""
import argparse
import collections
import hashlib
import itertools
import json
import os
import re
import sys

SEED = "lede-event-gold-1"
# The PLOVER types as the extractor ships them (first column of plover-types.tsv), not a second list.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "LedeExtraction", "Resources",
                       "events", "plover-types.tsv"), encoding="utf-8") as _f:
    TYPES = [line.split("\t")[0] for line in _f if line.strip() and not line.startswith("#")]
MODALITIES = ["asserted", "negated", "future", "hypothetical", "historical"]
SPLIT_SHARES = (("train", 60), ("dev", 20), ("test", 20))
# Each split's upper bound in percent of a section's articles: 60, 80, 100.
SPLIT_BOUNDS = list(zip((name for name, _ in SPLIT_SHARES), itertools.accumulate(share for _, share in SPLIT_SHARES)))
PER_SECTION = {"vi": 30, "en": 60}


def read_corpus(paths):
    """Articles by id from one corpus file or several (vi and en ids never collide)."""
    articles = {}
    for path in [paths] if isinstance(paths, str) else paths:
        with open(path, encoding="utf-8") as f:
            articles.update((d["id"], d) for d in map(json.loads, f))
    return articles


def section_of(lang, article):
    return article["id"].rsplit("_", 1)[0].removeprefix("news_") if lang == "vi" else article["category"]


def rank(key):
    return hashlib.sha256(f"{SEED}:{key}".encode()).hexdigest()


def sample(args):
    rows = []
    for lang, path in (("vi", args.vi), ("en", args.en)):
        by_section = collections.defaultdict(list)
        for article in read_corpus(path).values():
            by_section[section_of(lang, article)].append(article["id"])
        for section in sorted(by_section):
            ranked = sorted(by_section[section], key=rank)
            if args.extra:
                # The next blocks of the same draw: never one of the corpus's own sample.
                for id_ in ranked[PER_SECTION[lang]: (1 + args.extra) * PER_SECTION[lang]]:
                    rows.append((id_, lang, section, "train"))
                continue
            chosen = ranked[: PER_SECTION[lang]]
            # Split inside each section, so that every split holds every section.
            for i, id_ in enumerate(sorted(chosen, key=lambda x: rank("split:" + x))):
                share = i * 100 // len(chosen)
                split = next(name for name, bound in SPLIT_BOUNDS if share < bound)
                rows.append((id_, lang, section, split))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# id\tlang\tsection\tsplit  (Scripts/event-gold.py sample; do not edit)\n")
        for row in sorted(rows, key=lambda r: (r[1], rank("order:" + r[0]))):
            f.write("\t".join(row) + "\n")
    print(f"{len(rows)} articles -> {args.out}", file=sys.stderr)


SENTENCE_END = re.compile(r'(?<=[.!?…])["”’)\]]*\s+|\n+')


def sentences(field_text):
    """(start, end) code-point ranges of the sentences of a field."""
    out, start = [], 0
    for m in SENTENCE_END.finditer(field_text):
        end = m.start() if field_text[m.start()] in "\n" else m.end()
        if field_text[start:end].strip():
            out.append((start, end))
        start = m.end()
    if field_text[start:].strip():
        out.append((start, len(field_text)))
    return out


def sentence_table(article):
    table = {}
    if article.get("title"):
        table["t"] = ("title", 0, len(article["title"]))
    for i, (s, e) in enumerate(sentences(article["body"]), 1):
        table[f"b{i}"] = ("body", s, e)
    return table


def show(args):
    corpus = read_corpus(args.corpus)
    for id_ in args.ids:
        a = corpus[id_]
        meta = {k: a.get(k) for k in ("id", "published_at", "category") if a.get(k)}
        print(f"=== {json.dumps(meta, ensure_ascii=False)}")
        for sid, (field, s, e) in sentence_table(a).items():
            print(f"[{sid}] {a[field][s:e].strip()}")
        print()


def find_mention(article, mention):
    table = sentence_table(article)
    where = mention.get("where")
    if where not in table:
        raise ValueError(f"unknown sentence id {where!r}")
    field, s, e = table[where]
    text = mention["text"]
    hits = [m.start() for m in re.finditer(re.escape(text), article[field][s:e])]
    if not hits:
        raise ValueError(f"{text!r} is not in sentence {where}")
    k = mention.get("occurrence", 1)
    if not 1 <= k <= len(hits):
        raise ValueError(f"{text!r} occurs {len(hits)} times in {where}, not {k}")
    start = s + hits[k - 1]
    return {"text": text, "field": field, "start": start, "end": start + len(text)}


def in_article(article, text):
    return text in (article.get("title") or "") or text in article["body"]


def resolve_line(article, line):
    problems, events = [], []
    for n, ev in enumerate(line.get("events", []), 1):
        where = f"event {n}"
        if ev.get("type") not in TYPES:
            problems.append(f"{where}: type {ev.get('type')!r}")
        modality = ev.get("modality", "asserted")
        if modality not in MODALITIES:
            problems.append(f"{where}: modality {modality!r}")
        mentions = []
        for m in ev.get("mentions", []):
            try:
                mentions.append(find_mention(article, m))
            except ValueError as error:
                problems.append(f"{where}: {error}")
        if not ev.get("mentions"):
            problems.append(f"{where}: no mentions")
        for key in ("actors", "recipients"):
            for text in ev.get(key) or []:
                if not in_article(article, text):
                    problems.append(f"{where}: {key[:-1]} {text!r} is not in the article")
        for key in ("location", "date_text", "attribution"):
            if ev.get(key) and not in_article(article, ev[key]):
                problems.append(f"{where}: {key} {ev[key]!r} is not in the article")
        out = {"event": f"e{n}", "type": ev.get("type"), "mode": ev.get("mode"), "mentions": mentions,
               "actors": ev.get("actors") or [], "recipients": ev.get("recipients") or [],
               "location": ev.get("location"), "date_text": ev.get("date_text"), "date": ev.get("date"),
               "modality": modality, "attribution": ev.get("attribution")}
        for key in ("killed", "injured", "arrested"):
            if ev.get(key) is not None:
                out[key] = ev[key]
        events.append({k: v for k, v in out.items() if v is not None})
    return events, problems


def resolve(args):
    corpus = read_corpus(args.corpus)
    lines, failed = [], 0
    with open(args.input, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            line = json.loads(raw)
            article = corpus.get(line["id"])
            if article is None:
                print(f"{args.input}:{number}: {line['id']} is not in the corpus", file=sys.stderr)
                failed += 1
                continue
            events, problems = resolve_line(article, line)
            for p in problems:
                print(f"{args.input}:{number} {line['id']}: {p}", file=sys.stderr)
            failed += bool(problems)
            lang = "vi" if "published_at" in article else "en"
            gold = {"id": line["id"], "lang": lang}
            if article.get("published_at"):
                gold["published_at"] = article["published_at"]
            gold["section"] = section_of(lang, article)
            if line.get("annotator"):
                gold["annotator"] = line["annotator"]
            gold["events"] = events
            lines.append(gold)
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    for g in lines:
        out.write(json.dumps(g, ensure_ascii=False) + "\n")
    print(f"{len(lines)} articles, {sum(len(g['events']) for g in lines)} events, "
          f"{failed} articles with problems", file=sys.stderr)
    sys.exit(1 if failed else 0)


def overlaps(a, b):
    return a["field"] == b["field"] and a["start"] < b["end"] and b["start"] < a["end"]


def f1(tp_p, n_p, tp_g, n_g):
    p = tp_p / n_p if n_p else 1.0
    r = tp_g / n_g if n_g else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def agree(args):
    corpus = read_corpus(args.corpus)

    def load(path):
        out = {}
        with open(path, encoding="utf-8") as f:
            for raw in f:
                if raw.strip():
                    line = json.loads(raw)
                    if "mentions" in json.dumps(line.get("events", [])) and line["events"] and \
                            "field" not in (line["events"][0].get("mentions") or [{}])[0]:
                        line["events"], _ = resolve_line(corpus[line["id"]], line)
                    out[line["id"]] = line
        return out

    a, b = load(args.a), load(args.b)
    shared = sorted(set(a) & set(b))
    counts = collections.Counter()
    for id_ in shared:
        ma = [(m, e["type"]) for e in a[id_]["events"] for m in e["mentions"]]
        mb = [(m, e["type"]) for e in b[id_]["events"] for m in e["mentions"]]
        counts["a"] += len(ma)
        counts["b"] += len(mb)
        counts["a_hit"] += sum(any(overlaps(m, n) and t == u for n, u in mb) for m, t in ma)
        counts["b_hit"] += sum(any(overlaps(m, n) and t == u for n, u in ma) for m, t in mb)
        counts["a_span"] += sum(any(overlaps(m, n) for n, _ in mb) for m, _ in ma)
        counts["b_span"] += sum(any(overlaps(m, n) for n, _ in ma) for m, _ in mb)
        # An event of one side matches one of the other when a mention of each overlaps, same type.
        ea, eb = a[id_]["events"], b[id_]["events"]

        def matched(x, ys):
            return any(x["type"] == y["type"] and any(overlaps(m, n) for m in x["mentions"] for n in y["mentions"])
                       for y in ys)
        counts["ea"] += len(ea)
        counts["eb"] += len(eb)
        counts["ea_hit"] += sum(matched(x, eb) for x in ea)
        counts["eb_hit"] += sum(matched(y, ea) for y in eb)
        counts["both_empty"] += not ea and not eb
    # A's mentions found in B is one side's recall; symmetric F1 treats B as gold and A as predictions.
    p, r, f = f1(counts["a_hit"], counts["a"], counts["b_hit"], counts["b"])
    ps, rs, fs = f1(counts["a_span"], counts["a"], counts["b_span"], counts["b"])
    pe, re_, fe = f1(counts["ea_hit"], counts["ea"], counts["eb_hit"], counts["eb"])
    print(f"articles annotated by both: {len(shared)} ({counts['both_empty']} without events on both sides)")
    print(f"mentions: {counts['a']} ({args.a}) vs {counts['b']} ({args.b})")
    print(f"mention-level trigger + type F1: {100 * f:.1f} (P {100 * p:.1f} R {100 * r:.1f}, B as reference)")
    print(f"mention-level trigger only F1:   {100 * fs:.1f}")
    print(f"event-level (cluster) F1:        {100 * fe:.1f} ({counts['ea']} vs {counts['eb']} events)")


def split(args):
    corpus = read_corpus(args.corpus)
    drawn = {}
    with open(args.articles, encoding="utf-8") as f:
        for row in f:
            if not row.startswith("#"):
                id_, lang, section, part = row.rstrip("\n").split("\t")
                if lang == args.lang:
                    drawn[id_] = part
    lines, problems = {}, []
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            for raw in f:
                if not raw.strip():
                    continue
                line = json.loads(raw)
                if line["id"] not in drawn:
                    problems.append(f"{path}: {line['id']} was not drawn for {args.lang}")
                    continue
                if line["id"] in lines:
                    problems.append(f"{path}: {line['id']} is annotated twice")
                article = corpus[line["id"]]
                events, trouble = resolve_line(article, line)
                problems += [f"{path} {line['id']}: {t}" for t in trouble]
                gold = {"id": line["id"], "lang": args.lang}
                if article.get("published_at"):
                    gold["published_at"] = article["published_at"]
                gold["section"] = section_of(args.lang, article)
                gold["events"] = events
                lines[line["id"]] = gold
    problems += [f"{id_} is not annotated" for id_ in sorted(set(drawn) - set(lines))]
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        sys.exit(1)
    for part in ([args.single] if args.single else ["train", "dev", "test"]):
        out = f"{args.out_dir}/{args.lang}-{part}.jsonl"
        chosen = sorted(id_ for id_, p in drawn.items() if args.single or p == part)
        with open(out, "w", encoding="utf-8") as f:
            for id_ in chosen:
                f.write(json.dumps(lines[id_], ensure_ascii=False) + "\n")
        n = sum(len(lines[i]["events"]) for i in chosen)
        print(f"{out}: {len(chosen)} articles, {n} events", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("sample")
    p.add_argument("--vi", required=True)
    p.add_argument("--en", required=True)
    p.add_argument("--out", default="Gold/events/articles.tsv")
    p.add_argument("--extra", type=int, default=0, metavar="N",
                   help="draw the next N blocks of as many articles of every section instead, all for training")
    p.set_defaults(run=sample)
    p = sub.add_parser("show")
    p.add_argument("--corpus", required=True, action="append")
    p.add_argument("ids", nargs="+")
    p.set_defaults(run=show)
    p = sub.add_parser("resolve")
    p.add_argument("--corpus", required=True, action="append")
    p.add_argument("input")
    p.add_argument("--out")
    p.set_defaults(run=resolve)
    p = sub.add_parser("agree")
    p.add_argument("--corpus", required=True, action="append")
    p.add_argument("a")
    p.add_argument("b")
    p.set_defaults(run=agree)
    p = sub.add_parser("split")
    p.add_argument("--corpus", required=True, action="append")
    p.add_argument("--lang", required=True, choices=["vi", "en"])
    p.add_argument("--articles", default="Gold/events/articles.tsv")
    p.add_argument("--out-dir", default="Gold/events")
    p.add_argument("--single", help="write every drawn article of the language into <lang>-SINGLE.jsonl")
    p.add_argument("files", nargs="+")
    p.set_defaults(run=split)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
