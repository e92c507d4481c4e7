#!/usr/bin/env python3
"""Counts how many LOC entities get coordinates, and how many of those a reader judged right.

Usage (from the repository root, after `swift build`):

    python3 Scripts/place-coverage.py [--lede .build/debug/lede] [--data ../shared/data] \
        [--judged Benchmarks/places-judged.tsv] [--list]

Articles: the three of Examples/ and 50 world-news articles of the shared corpora, chosen without
looking at them: the first 25 by id of the Vietnamese corpus' world section (`the-gioi` in the URL) and
the first 25 by id of the English corpus' `business` category (the BBC set has no world section; its
business stories are the ones told from abroad: markets, companies and economies of other countries).

It also counts the events' locations: placed from the event's sentence, from the article's main place,
a location the gazetteers do not know (no point), or none.

`--list` prints every LOC entity (article, name, country, precision, admin1, point, GeoNames id) as
TSV, the form the judgements were written from. `--judged` reads those judgements: article id, entity
name, verdict (`right`: the point is the place the article means, at the precision given; `wrong`:
another place, or the name is not a place at all), note. The counts are printed per language.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def corpus_articles(data, offset=0):
    out = []
    with open(os.path.join(data, "corpus/vi-news.jsonl"), encoding="utf-8") as f:
        vi = [json.loads(line) for line in f]
    world = sorted((a for a in vi if "/the-gioi/" in (a.get("url") or "")), key=lambda a: a["id"])[offset:offset + 25]
    with open(os.path.join(data, "corpus/en-news.jsonl"), encoding="utf-8") as f:
        en = [json.loads(line) for line in f]
    business = sorted((a for a in en if a.get("category") == "business"), key=lambda a: a["id"])[offset:offset + 25]
    for a in world + business:
        article = {"id": a["id"], "lang": a["lang"], "body": a["body"]}
        if a.get("title"):
            article["title"] = a["title"]
        if a.get("published_at"):
            article["published_at"] = a["published_at"]
        out.append(article)
    return out


def example_articles():
    folder = os.path.join(ROOT, "Examples")
    return [json.load(open(os.path.join(folder, name), encoding="utf-8")) for name in sorted(os.listdir(folder))
            if name.endswith(".json")]


def extract(lede, articles):
    lines = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)
    run = subprocess.run([lede, "extract", "--jsonl"], input=lines.encode(), capture_output=True, check=True)
    return [json.loads(line) for line in run.stdout.decode().splitlines() if line.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lede", default=os.path.join(ROOT, ".build/debug/lede"))
    ap.add_argument("--data", default=os.environ.get("DATA", os.path.join(ROOT, "../shared/data")))
    ap.add_argument("--judged", help="TSV of judgements: article id, entity name, right|wrong, note")
    ap.add_argument("--list", action="store_true", help="print every LOC entity as TSV")
    ap.add_argument("--offset", type=int, default=0,
                    help="skip this many articles of each section (25: the next 25, apart from the set the resolution was tuned on)")
    a = ap.parse_args()
    if not os.path.exists(os.path.join(a.data, "corpus/vi-news.jsonl")):
        sys.exit("needs the shared corpora in %s (--data)" % a.data)
    articles = example_articles() + corpus_articles(a.data, a.offset)
    results = extract(a.lede, articles)
    lang = {art["id"]: art["lang"] for art in articles}
    judged = {}
    if a.judged:
        with open(a.judged, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cells = line.rstrip("\n").split("\t")
                judged[(cells[0], cells[1])] = cells[2]
    counts = collections.defaultdict(collections.Counter)
    events = collections.Counter()
    for r in results:
        group = ("examples" if r["article_id"].startswith("example") else "corpus") + " " + lang[r["article_id"]]
        for ev in r["events"]:
            location = ev.get("location") or {}
            precision = location.get("precision", "")
            events["events"] += 1
            events["from the article" if precision.startswith("article_") else "from the sentence" if precision
                   else "location without a point" if location else "no location"] += 1
        for e in r["entities"]:
            if e["type"] != "LOC":
                continue
            placed = "latitude" in e
            counts[group]["LOC"] += 1
            counts[group]["placed"] += placed
            if placed and judged:
                verdict = judged.get((r["article_id"], e["name"]))
                counts[group][verdict or "unjudged"] += 1
            if a.list:
                print("\t".join(str(x) for x in (
                    r["article_id"], e["name"], e.get("country", ""), e.get("precision", ""), e.get("admin1", ""),
                    e.get("latitude", ""), e.get("longitude", ""), e.get("geonames_id", ""))))
    total = collections.Counter()
    for group in sorted(counts):
        c = counts[group]
        total.update(c)
        print(summary(group, c), file=sys.stderr)
    print(summary("all", total), file=sys.stderr)
    print("events %d: placed from the sentence %d, from the article %d, location without a point %d, no location %d" % (
        events["events"], events["from the sentence"], events["from the article"], events["location without a point"],
        events["no location"]), file=sys.stderr)


def summary(group, c):
    line = "%-12s LOC %4d  placed %4d (%.0f%%)" % (group, c["LOC"], c["placed"], 100.0 * c["placed"] / max(c["LOC"], 1))
    if c["right"] or c["wrong"] or c["unjudged"]:
        line += "  right %d, wrong %d of placed (%.0f%% right)%s" % (
            c["right"], c["wrong"], 100.0 * c["right"] / max(c["placed"], 1),
            ", %d unjudged" % c["unjudged"] if c["unjudged"] else "")
    return line


if __name__ == "__main__":
    main()
