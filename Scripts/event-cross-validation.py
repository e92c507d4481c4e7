#!/usr/bin/env python3
"""Five-fold cross-validation of the event models over the training articles of one language.

  python3 Scripts/event-cross-validation.py --lang L --corpus CORPUS --lede BIN [--folds 5] [-- TRAIN ARGS…]

The articles of Gold/events/L-train.jsonl and L-extra.jsonl are split into folds by a hash of their id;
each fold is scored (`lede eval events --model`) by models trained (`lede train events`) on the other
folds, with dev, test and the fold held out. The counts of all folds are summed: about fifteen times the
mentions of the dev split, so a difference of a point shows where dev moves by two or three between
retrainings. Arguments after `--` go to `lede train events` (to compare settings). Nothing is written
in the repository; the fold files and models live in a temporary folder.
"""
import argparse
import hashlib
import json
import os
import re
import subprocess
import tempfile


def counts(report, label):
    m = re.search(re.escape(label) + r".*\(tp (\d+), fp (\d+), fn (\d+)\)", report)
    return tuple(int(x) for x in m.groups()) if m else (0, 0, 0)


def accuracy(report, label):
    m = re.search(r"^\s+" + re.escape(label) + r"\s+[\d.]+%\s+\((\d+)/(\d+)\)", report, re.M)
    return tuple(int(x) for x in m.groups()) if m else (0, 0)


def f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--lede", required=True)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("train_args", nargs="*")
    args = ap.parse_args()
    lines = []
    for name in (f"Gold/events/{args.lang}-train.jsonl", f"Gold/events/{args.lang}-extra.jsonl"):
        with open(name, encoding="utf-8") as f:
            lines += [line for line in f if line.strip()]
    folds = [[] for _ in range(args.folds)]
    for line in lines:
        key = int(hashlib.sha256(json.loads(line)["id"].encode()).hexdigest(), 16)
        folds[key % args.folds].append(line)
    total = {"mention trigger+type": [0, 0, 0], "event (cluster)": [0, 0, 0]}
    actors = [0, 0]
    with tempfile.TemporaryDirectory(prefix="lede-cv-") as tmp:
        for k in range(args.folds):
            held, rest, model = (os.path.join(tmp, f"{n}{k}.jsonl") for n in ("held", "rest", "model"))
            with open(held, "w", encoding="utf-8") as f:
                f.writelines(folds[k])
            with open(rest, "w", encoding="utf-8") as f:
                f.writelines(line for j, fold in enumerate(folds) if j != k for line in fold)
            subprocess.run([args.lede, "train", "events", "--lang", args.lang, "--data", rest, "--corpus", args.corpus,
                            "--holdout", f"Gold/events/{args.lang}-dev.jsonl", f"Gold/events/{args.lang}-test.jsonl", held,
                            *args.train_args, "--out", model], check=True, capture_output=True)
            report = subprocess.run([args.lede, "eval", "events", "--gold", held, "--corpus", args.corpus, "--model", model],
                                    check=True, capture_output=True, text=True).stdout
            for label in total:
                total[label] = [a + b for a, b in zip(total[label], counts(report, label))]
            actors = [a + b for a, b in zip(actors, accuracy(report, "actors"))]
    tp, fp, fn = total["mention trigger+type"]
    p, r, f = f1(tp, fp, fn)
    print(f"{args.lang}, {args.folds} folds, {len(lines)} articles: mention trigger+type P {100 * p:.1f} R {100 * r:.1f} "
          f"F1 {100 * f:.1f} (tp {tp}, fp {fp}, fn {fn}); event (cluster) F1 {100 * f1(*total['event (cluster)'])[2]:.1f}; "
          f"actors {100 * actors[0] / max(1, actors[1]):.1f} % ({actors[0]}/{actors[1]})")


if __name__ == "__main__":
    main()
