#!/usr/bin/env python3
"""Splits the shared NER training files so that a dev split holds whole documents the training split
lacks, for dev figures that do not share documents with training (the shared dev files are drawn from
the same documents' distribution and overstate what new text gets).

    python3 Scripts/ner-document-splits.py --data ../shared/data --out /tmp/ner-splits

Writes, for each set, SET-train.jsonl and SET-dev.jsonl under --out (derived text: never commit it).
- VLSP 2018: ids carry the document number (vlsp2018-train-DDDD-PPP); every fifth document is held out.
- VLSP 2016 and CoNLL-2003: ids are sentence numbers in corpus order, where a document's sentences are
  consecutive; blocks of 50 sentences stand in for documents and every fifth block is held out (a block
  may cut a document in two at its edges).
"""
import argparse
import json
import os


def split(lines, unit_of, every=5):
    train, dev = [], []
    for line in lines:
        (dev if unit_of(json.loads(line)["id"]) % every == 0 else train).append(line)
    return train, dev


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.environ.get("DATA", "../shared/data"))
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
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
            with open(os.path.join(args.out, f"{name}-{part}.jsonl"), "w", encoding="utf-8") as f:
                f.writelines(rows)
        print(f"{name}: {len(train)} training lines, {len(dev)} held out")


if __name__ == "__main__":
    main()
