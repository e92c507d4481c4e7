#!/usr/bin/env python3
"""Derives Lede's compact event-ontology tables from the shared ontology files.

Usage: python3 Scripts/build-ontology.py [ONTOLOGY_DIR] [GAZETTEER_DIR]
(defaults: ../shared/data/ontology and ../shared/data/gazetteers, relative to the repository root)

Writes, under Sources/LedeExtraction/Resources/events/:
  plover-types.tsv   the 16 PLOVER event types, their quad class, and their modes and contexts
  cameo-plover.tsv   every CAMEO event code: PLOVER type, mode, context, quad class, Goldstein, label
  actor-countries.tsv  country names (English, Vietnamese) -> CAMEO country actor code
  actor-agents.tsv   CAMEO agent (sector) codes with their names, which actors-*.tsv codes must use
Only the Python 3 standard library is used. Sources and licences: see Resources/events/README.md.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ONT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "ontology")
GAZ = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "..", "shared", "data", "gazetteers")
OUT = os.path.join(ROOT, "Sources", "LedeExtraction", "Resources", "events")

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def quad_class(code):
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def read_labels():
    labels = {}
    for line in open(os.path.join(ONT, "cameo-CAMEO_codefile.txt"), encoding="utf-8"):
        m = re.match(r"LABEL:\s*(\d+)\s*=\s*(.*)", line)
        if m and m.group(1) not in labels:
            labels[m.group(1)] = m.group(2).strip()
    return labels


def read_goldstein():
    scores = {}
    for line in open(os.path.join(ONT, "cameo-goldstein.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        code, score = line.rstrip("\n").split("\t")[:2]
        scores[code] = float(score)
    return scores


def read_plover():
    """CAMEO2PLOVER lines look like `0312: AGREE,  ,   military # comment`."""
    rows = {}
    for line in open(os.path.join(ONT, "CAMEO2PLOVER-2021.txt"), encoding="utf-8"):
        if line.startswith("~"):
            break
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),([^#]*)(#.*)?$", line.rstrip("\n"))
        if not m:
            continue
        code, ptype, mode, context = m.group(1), m.group(2), m.group(3).strip(), m.group(4).strip()
        context = ";".join(c.strip() for c in context.split(";") if c.strip())
        if ptype not in TYPES:
            raise SystemExit(f"unknown PLOVER type {ptype} for {code}")
        rows.setdefault(code, (ptype, mode.replace(" ", ""), context))
    return rows


def goldstein_for(code, scores):
    while code:
        if code in scores:
            return scores[code]
        code = code[:-1]
    return 0.0


def main():
    labels, scores, plover = read_labels(), read_goldstein(), read_plover()
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "cameo-plover.tsv"), "w", encoding="utf-8") as f:
        f.write("# cameo\tplover\tmode\tcontext\tquad_class\tgoldstein\tlabel\n")
        f.write("# Derived by Scripts/build-ontology.py from CAMEO2PLOVER-2021 (CC BY-SA 4.0, Open Event Data\n")
        f.write("# Alliance), CAMEO codes and Goldstein scores (MIT, Philip Schrodt / OEDA). Do not edit by hand.\n")
        for code in sorted(plover):
            ptype, mode, context = plover[code]
            label = labels.get(code, "")
            f.write(f"{code}\t{ptype}\t{mode}\t{context}\t{quad_class(code)}\t"
                    f"{goldstein_for(code, scores):.1f}\t{label}\n")

    modes, contexts = {t: set() for t in TYPES}, {t: set() for t in TYPES}
    for ptype, mode, context in plover.values():
        if mode:
            modes[ptype].add(mode)
        for c in context.split(";"):
            if c:
                contexts[ptype].add(c)
    quads = {}
    for code, (ptype, _, _) in plover.items():
        quads.setdefault(ptype, {}).setdefault(quad_class(code), 0)
        quads[ptype][quad_class(code)] += 1
    with open(os.path.join(OUT, "plover-types.tsv"), "w", encoding="utf-8") as f:
        f.write("# plover\tquad_class\tmodes\tcontexts  (derived by Scripts/build-ontology.py; do not edit)\n")
        for t in TYPES:
            quad = max(quads[t].items(), key=lambda kv: kv[1])[0]
            f.write(f"{t}\t{quad}\t{','.join(sorted(modes[t]))}\t{','.join(sorted(contexts[t]))}\n")

    cameo_country = {}
    for line in open(os.path.join(ONT, "cameo-countrynames.txt"), encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2 and parts[1] not in ("---",) and len(parts[1]) == 3:
            cameo_country.setdefault(parts[0].lower(), parts[1])
    names = []
    for line in open(os.path.join(GAZ, "countries-cldr.tsv"), encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 3 or parts[0] == "code":
            continue
        code = cameo_country.get(parts[2].lower())
        if code:
            names.append((parts[2], code))
            names.append((parts[1], code))
    for name, code in cameo_country.items():
        names.append((name.title() if name.islower() else name, code))
    seen = set()
    with open(os.path.join(OUT, "actor-countries.tsv"), "w", encoding="utf-8") as f:
        f.write("# name\tcameo_country  (derived by Scripts/build-ontology.py from cameo-countrynames.txt, MIT,\n")
        f.write("# joined with CLDR country names, Unicode licence; do not edit, extend actor-names-*.tsv instead)\n")
        for name, code in names:
            key = name.lower()
            if key in seen or not name.strip():
                continue
            seen.add(key)
            f.write(f"{name}\t{code}\n")
    agents = {}
    for line in open(os.path.join(ONT, "cameo-agentnames.txt"), encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2 and re.fullmatch(r"[A-Z]{3}([A-Z]{3})?", parts[1]):
            agents.setdefault(parts[1], parts[0])
    with open(os.path.join(OUT, "actor-agents.tsv"), "w", encoding="utf-8") as f:
        f.write("# cameo_agent\tname  (derived by Scripts/build-ontology.py from cameo-agentnames.txt, MIT; do not edit)\n")
        for code in sorted(agents):
            f.write(f"{code}\t{agents[code]}\n")
    print(f"{len(plover)} CAMEO codes, {len(TYPES)} PLOVER types, {len(seen)} country names -> {OUT}")


if __name__ == "__main__":
    main()
