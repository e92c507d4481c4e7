"""What the blind readings share (Scripts/blind-reading.py for events, Scripts/name-reading.py for
names): news sections, a deterministic order of articles, and extraction by the lede under test."""
import hashlib
import json
import subprocess


def rank(salt, key):
    """A fixed pseudo-random order: the sha256 of the reading's salt and the key."""
    return hashlib.sha256(f"{salt}:{key}".encode()).hexdigest()


def section_of(article):
    """The news section: an English article's category, a Vietnamese id's prefix (news_world_12 -> world)."""
    return article.get("category") or article["id"].rsplit("_", 1)[0].removeprefix("news_")


def extract(lede, lang, articles):
    """Each article's result from `lede extract --jsonl`, in the articles' order."""
    lines = []
    for a in articles:
        item = {"id": a["id"], "lang": lang, "title": a.get("title"), "body": a["body"]}
        if a.get("published_at"):
            item["published_at"] = a["published_at"]
        lines.append(json.dumps(item, ensure_ascii=False))
    run = subprocess.run([lede, "extract", "--jsonl", "-"], input="\n".join(lines) + "\n",
                         capture_output=True, text=True, check=True)
    return [json.loads(out) for out in run.stdout.strip().split("\n")]
