#!/usr/bin/env python3
"""Re-derive Sources/LedeExtraction/Resources/language/profiles.tsv, the word profiles LanguageIdentifier uses.

Usage (from the repository root; Python 3 standard library only):

    python3 Scripts/build-language-profiles.py [--data ../shared/data] [--top 200]

For Vietnamese and English the profile is the `--top` most frequent words (Vietnamese: syllables) of the
development corpora (corpus/vi-news.jsonl, corpus/en-news.jsonl), each with its share of all word tokens
in per-mille; only the words are shipped, never any text. For other Latin-script languages, which we have no
corpus for, the profile is a short list of function words written by hand below (share left at 0).
Non-Latin scripts are identified by script alone and need no profile.
"""
import argparse
import collections
import json
import os
import re
import unicodedata

# Function words, written by hand, for languages without a corpus here.
HAND_WRITTEN = {
    "fr": "le la les de des du un une et est en que qui dans pour pas sur au aux avec ce cette il elle ils "
          "sont ont été par plus ne se son sa ses mais nous vous leur comme où fait être avait",
    "de": "der die das und ist nicht ein eine einen dem den des zu mit sich auf für von im in auch es sie "
          "er wir ich wird werden wurde hat haben bei nach aus wie oder aber noch nur über",
    "es": "el la los las de del y en que un una es por con para se no al lo como más pero sus su le ha "
          "fue este esta entre cuando muy sin sobre también hasta desde donde están",
    "it": "il lo la gli le di del della dei delle e è un una che per non con si da al alla sono ha anche "
          "come più ma nel nella questo questa stato essere dopo loro",
    "pt": "o a os as de do da dos das e é um uma que em no na nos nas por para com não se ao à mais mas "
          "foi como seu sua são ser está também pelo pela",
    "nl": "de het een en van is dat die in op te met voor niet zijn aan er ook als bij door maar om nog "
          "wordt werd naar heeft hij zij wij dan uit",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada karena oleh mereka "
          "sudah telah bisa kami kita saya adalah sebagai atau lebih",
    "tl": "ang ng mga sa na at ay si ni ito hindi kay para nang pero siya sila kami tayo ako ko mo niya",
    "sv": "och att det som en på är av för med till den har de inte om ett var jag vi men från kan",
    "pl": "i w na z że się nie do to jest jak o co ale po tak za od przez jego jej są był była",
    "tr": "ve bir bu da de için ile olarak çok daha ne gibi ama olan en kadar sonra ise mi var değil",
}


def words(text):
    text = unicodedata.normalize("NFC", text).lower()
    return re.findall(r"[^\W\d_]+", text)


def profile(path, top):
    counts = collections.Counter()
    total = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            for field in ("title", "body"):
                ws = words(doc.get(field) or "")
                counts.update(ws)
                total += len(ws)
    return [(w, 1000.0 * c / total) for w, c in counts.most_common(top)]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.path.join(here, "../../shared/data"))
    ap.add_argument("--out", default=os.path.join(here, "../Sources/LedeExtraction/Resources/language/profiles.tsv"))
    ap.add_argument("--top", type=int, default=200)
    a = ap.parse_args()
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    rows = []
    for lang, name in (("vi", "vi-news.jsonl"), ("en", "en-news.jsonl")):
        rows += [(lang, w, "%.3f" % share) for w, share in profile(os.path.join(a.data, "corpus", name), a.top)]
    for lang, text in HAND_WRITTEN.items():
        rows += [(lang, w, "0") for w in dict.fromkeys(text.split())]
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("lang\tword\tper_mille\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print("wrote %s: %d rows" % (a.out, len(rows)))


if __name__ == "__main__":
    main()
