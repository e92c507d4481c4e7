#!/usr/bin/env python3
"""A blind reading of the extractor's events, judged against Gold/GUIDE.md by a reader who did not build it.

  sheet  --corpus CORPUS --lang L --lede BIN [--per-section N] [--offset K] [--events 100] --out SHEET.jsonl
         draws N articles of every section that no gold file uses (deterministic; --offset skips the
         first K of each section, so that a later reading need not see what an earlier one saw), extracts them with
         BIN, and writes a reading sheet of 100 random events with their sentences (not to be committed:
         it quotes the articles)
  score  JUDGEMENTS.jsonl
         prints the share of events the reader judged real, of the right type, with the right actor

The reader writes one line per sheet item: {"item", "article_id", "field", "start", "end", "type",
"is_event": bool, "type_right": bool, "actor_right": bool|null, "note"}; judgements keep no text.
"""
import argparse
import collections
import json
import sys

import reading_sample


def rank(key):
    return reading_sample.rank("lede-blind-reading-1", key)


section_of = reading_sample.section_of


def used_ids():
    ids = set()
    for name in ("Gold/events/articles.tsv", "Gold/events/articles-extra.tsv"):
        with open(name, encoding="utf-8") as f:
            ids.update(row.split("\t")[0] for row in f if not row.startswith("#"))
    return ids


def sheet(args):
    used = used_ids()
    by_section = collections.defaultdict(list)
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["id"] in used:
                continue
            by_section[section_of(a)].append(a)
    chosen = []
    for section in sorted(by_section):
        chosen += sorted(by_section[section], key=lambda a: rank(a["id"]))[args.offset: args.offset + args.per_section]
    events = []
    for a, result in zip(chosen, reading_sample.extract(args.lede, args.lang, chosen)):
        for e in result["events"]:
            events.append((a, result.get("topic"), e))
    picked = sorted(events, key=lambda x: rank(f"{x[0]['id']}:{x[2]['trigger']['start']}:{x[2]['type']}"))
    picked = picked[: args.events]
    with open(args.out, "w", encoding="utf-8") as f:
        for k, (a, topic, e) in enumerate(picked, 1):
            t = e["trigger"]
            text = a["title"] if t["field"] == "title" else a["body"]
            s = e["sentence"]
            f.write(json.dumps({
                "item": k, "article_id": a["id"], "section": section_of(a),
                "topic": topic, "field": t["field"], "start": t["start"], "end": t["end"], "trigger": t["text"],
                "type": e["type"], "modality": e["modality"],
                "actors": [x["text"] for x in e["actors"]], "recipients": [x["text"] for x in e["recipients"]],
                "sentence": text[s["start"]:s["end"]], "title": a.get("title"),
            }, ensure_ascii=False) + "\n")
    print(f"{len(chosen)} articles, {len(events)} events, {len(picked)} on the sheet -> {args.out}", file=sys.stderr)


def score(args):
    rows = [json.loads(l) for l in open(args.judgements, encoding="utf-8") if l.strip()]
    n = len(rows)
    real = sum(r["is_event"] for r in rows)
    typed = sum(r["is_event"] and r["type_right"] for r in rows)
    actors = [r["actor_right"] for r in rows if r["is_event"] and r["type_right"] and r.get("actor_right") is not None]
    print(f"{n} events read: {real} real events ({100 * real / n:.0f} %), {typed} with the right type "
          f"({100 * typed / n:.0f} %); actor right on {sum(actors)} of {len(actors)} judged")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("sheet")
    p.add_argument("--corpus", required=True)
    p.add_argument("--lang", required=True)
    p.add_argument("--lede", required=True)
    p.add_argument("--per-section", type=int, default=20)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--events", type=int, default=100)
    p.add_argument("--out", required=True)
    p.set_defaults(run=sheet)
    p = sub.add_parser("score")
    p.add_argument("judgements")
    p.set_defaults(run=score)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
