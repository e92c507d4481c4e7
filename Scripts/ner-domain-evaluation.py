#!/usr/bin/env python3
"""Entity F1 on VLSP 2018 with each news domain held out in turn: for every split that
`Scripts/ner-document-splits.py --by-domain` wrote, trains a Vietnamese tagger on VLSP 2016 train and the
other domains (the shipped model's command, `Sources/LedeExtraction/Resources/tagger/README.md`), measures
the whole extractor with it on the held-out domain, and prints each domain's F1 (and ORG F1) and the F1 of
all held-out documents pooled (summed found, correct and gold names).

    python3 Scripts/ner-document-splits.py --data $DATA --out /tmp/d --by-domain
    python3 Scripts/ner-domain-evaluation.py --data $DATA --splits /tmp/d --lede lede

About 40 s of training and a second of measuring per domain.
"""
import argparse
import glob
import os
import re
import subprocess


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.environ.get("DATA", "../shared/data"))
    parser.add_argument("--splits", required=True, help="the --out folder of ner-document-splits.py --by-domain")
    parser.add_argument("--lede", default="lede")
    parser.add_argument("--gazetteers", default="Sources/LedeExtraction/Resources/gazetteers")
    args = parser.parse_args()
    held = sorted(glob.glob(os.path.join(args.splits, "vi-vlsp2018-*-dev.jsonl")))
    if not held:
        raise SystemExit(f"no vi-vlsp2018-*-dev.jsonl in {args.splits}: run ner-document-splits.py --by-domain first")
    gold = found = correct = 0
    for dev in held:
        domain = os.path.basename(dev)[len("vi-vlsp2018-"):-len("-dev.jsonl")]
        model = os.path.join(args.splits, f"{domain}.model")
        subprocess.run([args.lede, "train", "ner", "--lang", "vi",
                        "--data", os.path.join(args.data, "ner", "vi-vlsp2016", "train.jsonl"), dev.replace("-dev.jsonl", "-train.jsonl"),
                        "--corpus", os.path.join(args.data, "corpus", "vi-news.jsonl"), "--gazetteers", args.gazetteers,
                        "--bucket-bits", "17", "--word-classes", "1000", "--out", model],
                       check=True, capture_output=True)
        report = subprocess.run([args.lede, "eval", "ner", "--gold", dev, "--tagger", model],
                                check=True, capture_output=True, text=True).stdout
        counts = re.search(r"with (\d+) phrases; found: (\d+) phrases; correct: (\d+)", report)
        overall = re.search(r"^overall .*FB1:\s+([\d.]+)", report, re.M)
        organisations = re.search(r"^ORG .*FB1:\s+([\d.]+)", report, re.M)
        if not (counts and overall and organisations):
            raise SystemExit(f"{domain}: the evaluation report has no counts or F1:\n{report}")
        g, f, c = map(int, counts.groups())
        gold, found, correct = gold + g, found + f, correct + c
        print(f"{domain:14s} {g:6d} names  F1 {overall.group(1):>6s}  ORG {organisations.group(1):>6s}", flush=True)
    p, r = correct / found, correct / gold
    print(f"{'pooled':14s} {gold:6d} names  F1 {100 * 2 * p * r / (p + r):6.2f}  (P {100 * p:.1f}, R {100 * r:.1f})")


if __name__ == "__main__":
    main()
