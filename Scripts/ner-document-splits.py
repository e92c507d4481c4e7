#!/usr/bin/env python3
"""Splits the shared NER training files so that a dev split holds whole documents the training split
lacks, for dev figures that do not share documents with training (the shared dev files are drawn from
the same documents' distribution and overstate what new text gets).

    python3 Scripts/ner-document-splits.py --data ../shared/data --out /tmp/ner-splits
    python3 Scripts/ner-document-splits.py --data ../shared/data --out /tmp/ner-domains --by-domain

Writes, for each set, SET-train.jsonl and SET-dev.jsonl under --out (derived text: never commit it).
- VLSP 2018: ids carry the document number (vlsp2018-train-DDDD-PPP); every fifth document is held out.
- VLSP 2016 and CoNLL-2003: ids are sentence numbers in corpus order, where a document's sentences are
  consecutive; blocks of 50 sentences stand in for documents and every fifth block is held out (a block
  may cut a document in two at its edges).

--by-domain splits VLSP 2018 by domain instead: its files name none, so each document gets the news
section a naive Bayes classifier learnt from the Vietnamese news corpus (ten sections, named by the
corpus ids: news_health_001 is health) finds most likely for its paragraphs. For every domain with at
least --min-documents documents it writes vi-vlsp2018-DOMAIN-train.jsonl (every other domain) and
vi-vlsp2018-DOMAIN-dev.jsonl (that domain alone), and domains.tsv (document, domain, log-odds margin).
"""
import argparse
import collections
import json
import math
import os
import re


def split(lines, unit_of, every=5):
    train, dev = [], []
    for line in lines:
        (dev if unit_of(json.loads(line)["id"]) % every == 0 else train).append(line)
    return train, dev


def words(text):
    return re.findall(r"\w+", text.lower())


class SectionClassifier:
    """Multinomial naive Bayes over lowercased syllables, add-one smoothing, uniform section prior (the
    corpus holds about as many articles of each section)."""

    def __init__(self, corpus_path):
        counts = collections.defaultdict(collections.Counter)
        with open(corpus_path, encoding="utf-8") as f:
            for line in f:
                article = json.loads(line)
                section = article["id"].rsplit("_", 1)[0].removeprefix("news_")
                counts[section].update(words(article.get("title", "") + " " + article.get("body", "")))
        vocabulary = set().union(*counts.values())
        self.sections = sorted(counts)
        self.log_p = {}
        for section in self.sections:
            total = sum(counts[section].values()) + len(vocabulary)
            self.log_p[section] = {w: math.log((counts[section][w] + 1) / total) for w in vocabulary}
        self.vocabulary = vocabulary

    def classify(self, text):
        scores = {s: 0.0 for s in self.sections}
        # A word the corpus never has tells no section from another: it is left out.
        for w in words(text):
            if w not in self.vocabulary:
                continue
            for s in self.sections:
                scores[s] += self.log_p[s][w]
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        return ranked[0][0], ranked[0][1] - ranked[1][1]


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(rows)


def by_domain(args):
    classifier = SectionClassifier(os.path.join(args.data, "corpus", "vi-news.jsonl"))
    with open(os.path.join(args.data, "ner", "vi-vlsp2018", "train.jsonl"), encoding="utf-8") as f:
        lines = [l for l in f if l.strip()]
    documents = collections.defaultdict(list)
    for line in lines:
        documents[json.loads(line)["id"].split("-")[2]].append(line)
    domain_of = {}
    with open(os.path.join(args.out, "domains.tsv"), "w", encoding="utf-8") as f:
        f.write("document\tdomain\tmargin\n")
        for document in sorted(documents):
            text = " ".join(json.loads(l)["text"] for l in documents[document])
            domain, margin = classifier.classify(text)
            domain_of[document] = domain
            f.write(f"{document}\t{domain}\t{margin:.1f}\n")
    sizes = collections.Counter(domain_of.values())
    for domain, size in sorted(sizes.items(), key=lambda kv: (-kv[1], kv[0])):
        held = [l for d in sorted(documents) if domain_of[d] == domain for l in documents[d]]
        if size < args.min_documents:
            print(f"vi-vlsp2018 {domain}: {size} documents, {len(held)} lines (fewer than {args.min_documents}: not written)")
            continue
        rest = [l for d in sorted(documents) if domain_of[d] != domain for l in documents[d]]
        write(os.path.join(args.out, f"vi-vlsp2018-{domain}-train.jsonl"), rest)
        write(os.path.join(args.out, f"vi-vlsp2018-{domain}-dev.jsonl"), held)
        print(f"vi-vlsp2018 {domain}: {size} documents, {len(held)} lines held out, {len(rest)} training lines")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.environ.get("DATA", "../shared/data"))
    parser.add_argument("--out", required=True)
    parser.add_argument("--by-domain", action="store_true")
    parser.add_argument("--min-documents", type=int, default=30)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    if args.by_domain:
        by_domain(args)
        return
    sets = {
        "vi-vlsp2018": lambda i: int(i.split("-")[2]),
        "vi-vlsp2016": lambda i: int(i.split("-")[2]) // 50,
        "en-conll2003": lambda i: int(i.split("-")[2]) // 50,
    }
    for name, unit_of in sets.items():
        with open(os.path.join(args.data, "ner", name, "train.jsonl"), encoding="utf-8") as f:
            lines = [l for l in f if l.strip()]
        train, dev = split(lines, unit_of)
        for part, rows in (("train", train), ("dev", dev)):
            write(os.path.join(args.out, f"{name}-{part}.jsonl"), rows)
        print(f"{name}: {len(train)} training lines, {len(dev)} held out")


if __name__ == "__main__":
    main()
