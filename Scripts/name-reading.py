#!/usr/bin/env python3
"""A blind reading of the extractor's names on whole articles, judged under Gold/names/GUIDE.md by a
reader who did not build the tagger.

  sheet --corpus CORPUS --lang L --lede BIN [--skip-first N] [--offset O] [--per-section K] [--mentions 100]
        [--articles 6] --out DIR
        draws K articles of every section (deterministic, by a hash of the id; --offset skips the first O of
        each, those an earlier reading saw) from the corpus lines after the first N (those were read while
        the name steps were built), extracts them with BIN, and writes
        DIR/mentions.jsonl (random name mentions, each with its sentence and entity) and
        DIR/articles.jsonl (whole articles with every name mention and entity). The sheets quote the
        articles: never commit them.
  score JUDGEMENTS.jsonl
        prints name precision, recall on whole articles, mentions of one thing merged, links right.
  agree FIRST.jsonl SECOND.jsonl
        compares two independent readings where both judged: the verdicts on the same mentions (share
        alike, Cohen's kappa), the missed names of the same articles, and the figures of each.

Judgement lines (no article text):
  {"kind": "mention", "item", "article_id", "field", "start", "end", "type", "verdict": "right"|"type"|"span"|"no-name",
   "right_type"?, "link": "right"|"wrong"|null, "note"?}
  {"kind": "article", "article_id", "mentions": [{"field", "start", "end", "type", "verdict", "right_type"?}],
   "missed": [{"field", "start", "end", "type"}], "groups": [[entity ids of one real thing named twice or more]],
   "links": {"<entity id>": "right"|"wrong"}}
"""
import argparse
import collections
import json
import os
import sys

import reading_sample

NAME_TYPES = {"PER", "LOC", "ORG", "MISC"}


def rank(key):
    return reading_sample.rank("lede-name-reading-1", key)


section_of = reading_sample.section_of


def sentence_around(text, start, end, reach=220):
    left = max(0, start - reach)
    right = min(len(text), end + reach)
    return text[left:start] + "[[" + text[start:end] + "]]" + text[end:right]


def link_of(entity):
    return {k: entity[k] for k in ("name", "country", "cameo", "geonames_id", "admin1", "precision") if k in entity}


def sheet(args):
    by_section = collections.defaultdict(list)
    with open(args.corpus, encoding="utf-8") as f:
        for number, line in enumerate(f):
            if number < args.skip_first:
                continue
            a = json.loads(line)
            by_section[section_of(a)].append(a)
    for section in by_section:
        by_section[section] = sorted(by_section[section], key=lambda a: rank(a["id"]))[args.offset:]
    chosen = []
    for section in sorted(by_section):
        chosen += by_section[section][: args.per_section]
    results = reading_sample.extract(args.lede, args.lang, chosen)
    # Whole articles: the first of each section in rank order, up to --articles, read apart from the mentions.
    whole_ids = []
    for k in range(args.per_section):
        for section in sorted(by_section):
            if len(whole_ids) < args.articles and k < len(by_section[section]):
                whole_ids.append(by_section[section][k]["id"])
    mentions = []
    for a, r in zip(chosen, results):
        if a["id"] in whole_ids:
            continue
        entities = {e["id"]: e for e in r["entities"]}
        for m in r["mentions"]:
            if m["type"] in NAME_TYPES:
                mentions.append((a, m, entities.get(m.get("entity"))))
    picked = sorted(mentions, key=lambda x: rank(f"{x[0]['id']}:{x[1]['field']}:{x[1]['start']}"))[: args.mentions]
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "mentions.jsonl"), "w", encoding="utf-8") as f:
        for k, (a, m, e) in enumerate(picked, 1):
            text = a["title"] if m["field"] == "title" else a["body"]
            f.write(json.dumps({
                "item": k, "article_id": a["id"], "section": section_of(a), "field": m["field"],
                "start": m["start"], "end": m["end"], "text": m["text"], "type": m["type"],
                "entity": link_of(e) if e else None, "context": sentence_around(text, m["start"], m["end"]),
                "title": a.get("title"),
            }, ensure_ascii=False) + "\n")
    with open(os.path.join(args.out, "articles.jsonl"), "w", encoding="utf-8") as f:
        for a, r in zip(chosen, results):
            if a["id"] not in whole_ids:
                continue
            f.write(json.dumps({
                "article_id": a["id"], "section": section_of(a), "title": a.get("title"), "body": a["body"],
                "mentions": [{k: m[k] for k in ("entity", "type", "text", "field", "start", "end")}
                             for m in r["mentions"] if m["type"] in NAME_TYPES],
                "entities": [dict(link_of(e), id=e["id"], type=e["type"]) for e in r["entities"]],
            }, ensure_ascii=False) + "\n")
    print(f"{len(chosen)} articles; {len(picked)} mentions of {len(mentions)} on the sheet; "
          f"{len(whole_ids)} whole articles -> {args.out}", file=sys.stderr)


def score(args):
    score_rows([json.loads(l) for l in open(args.judgements, encoding="utf-8") if l.strip()])


def score_rows(rows):
    items = [r for r in rows if r["kind"] == "mention"]
    articles = [r for r in rows if r["kind"] == "article"]
    right = sum(r["verdict"] == "right" for r in items)
    verdicts = collections.Counter(r["verdict"] for r in items)
    print(f"precision: {right} of {len(items)} mentions right ({100 * right / max(1, len(items)):.0f} %); "
          + ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items())))
    found = sum(m["verdict"] == "right" for a in articles for m in a["mentions"])
    judged = sum(len(a["mentions"]) for a in articles)
    missed = sum(len(a["missed"]) for a in articles)
    print(f"whole articles ({len(articles)}): precision {found} of {judged} ({100 * found / max(1, judged):.0f} %); "
          f"recall {found} of {found + missed} ({100 * found / max(1, found + missed):.0f} %)")
    groups = [g for a in articles for g in a["groups"]]
    merged = sum(len(set(g)) == 1 for g in groups)
    print(f"things named twice or more: {merged} of {len(groups)} one entity ({100 * merged / max(1, len(groups)):.0f} %)")
    links = [v for a in articles for v in a["links"].values()] + [r["link"] for r in items if r.get("link")]
    ok = sum(v == "right" for v in links)
    print(f"links: {ok} of {len(links)} right ({100 * ok / max(1, len(links)):.0f} %)")


def agree(args):
    first = [json.loads(l) for l in open(args.first, encoding="utf-8") if l.strip()]
    second = [json.loads(l) for l in open(args.second, encoding="utf-8") if l.strip()]

    def verdicts(rows):
        out = {}
        for r in rows:
            if r["kind"] == "mention":
                out[("item", r["item"])] = r["verdict"] == "right"
            else:
                for m in r["mentions"]:
                    out[(r["article_id"], m["field"], m["start"], m["end"])] = m["verdict"] == "right"
        return out

    a, b = verdicts(first), verdicts(second)
    both = sorted(set(a) & set(b), key=str)
    same = sum(a[k] == b[k] for k in both)
    pa = sum(a[k] for k in both) / max(1, len(both))
    pb = sum(b[k] for k in both) / max(1, len(both))
    chance = pa * pb + (1 - pa) * (1 - pb)
    observed = same / max(1, len(both))
    kappa = (observed - chance) / (1 - chance) if chance < 1 else 1.0
    print(f"mentions judged by both: {len(both)}; same verdict (right or not) {same} ({100 * observed:.0f} %), "
          f"Cohen's kappa {kappa:.2f}; right: first {100 * pa:.0f} %, second {100 * pb:.0f} %")
    articles = {r["article_id"] for r in second if r["kind"] == "article"}
    for name, rows in (("first", first), ("second", second)):
        missed = {(r["article_id"], m["field"], m["start"], m["end"]) for r in rows if r["kind"] == "article"
                  and r["article_id"] in articles for m in r["missed"]}
        if name == "first":
            missed_first = missed
        else:
            common = len(missed_first & missed)
            print(f"missed names in the {len(articles)} articles both read: first {len(missed_first)}, second {len(missed)}, "
                  f"the same span {common}")
    for name, rows in (("first", [r for r in first if r["kind"] == "article" and r["article_id"] in articles]
                        + [r for r in first if r["kind"] == "mention" and ("item", r["item"]) in b]),
                       ("second", second)):
        print(f"-- {name} reader on the shared part")
        score_rows(rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("sheet")
    p.add_argument("--corpus", required=True)
    p.add_argument("--lang", required=True)
    p.add_argument("--lede", required=True)
    p.add_argument("--skip-first", type=int, default=0)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--per-section", type=int, default=5)
    p.add_argument("--mentions", type=int, default=100)
    p.add_argument("--articles", type=int, default=6)
    p.add_argument("--out", required=True)
    p.set_defaults(run=sheet)
    p = sub.add_parser("score")
    p.add_argument("judgements")
    p.set_defaults(run=score)
    p = sub.add_parser("agree")
    p.add_argument("first")
    p.add_argument("second")
    p.set_defaults(run=agree)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
