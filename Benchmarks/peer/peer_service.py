#!/usr/bin/env python3
"""The service a user might write instead of Lede: pyzmq + underthesea + sqlite3.

PULL (bind) -> json.loads -> underthesea.ner on title and on each body sentence
-> sqlite3 (articles + results, one transaction per article, WAL)
-> PUB (bind) multipart [b"article.<lang>", json]; [b"heartbeat", b'{"last_seq":N}'] every second.

It is deliberately plain: what someone would write in an afternoon from the pyzmq and
underthesea documentation, not a tuned system. See Benchmarks/README.md.

With --workers 1 (the default) everything happens in one process, one article at a time.
With --workers N > 1 the NER runs in a multiprocessing pool of N processes; the main process
still receives, stores and publishes, in arrival order.
"""
import argparse
import json
import multiprocessing
import signal
import sqlite3
import sys
import time
from collections import deque

import zmq

EXTRACTOR = "underthesea-{}-ner-crf"
_ner = None
_sent_tokenize = None


def _load():
    global _ner, _sent_tokenize
    if _ner is None:
        from underthesea import ner, sent_tokenize  # CRF model ships inside the wheel: no download
        _ner, _sent_tokenize = ner, sent_tokenize
        _ner("Khởi động.")  # loads the CRF model once
    return _ner, _sent_tokenize


def _spans(field, text, base, tokens, out):
    """BIO tags of underthesea tokens -> mentions with code-point offsets into the field.

    underthesea does not return offsets, so each token is looked up in the text from a cursor;
    a token that cannot be found (underthesea normalises some characters) leaves the mention
    without offsets (start/end null) rather than with wrong ones.
    """
    cursor = 0
    current = None  # [type, start, end, found, texts]
    for tok in tokens:
        word, tag = tok[0], tok[-1]
        pos = text.find(word, cursor)
        if pos >= 0:
            s, e = pos, pos + len(word)
            cursor = e
        else:
            s = e = None
        if tag.startswith("I-") and current is not None and current[0] == tag[2:]:
            current[2] = e
            current[3] = current[3] and e is not None
            current[4].append(word)
            continue
        if current is not None:
            out.append(_mention(field, text, base, current))
            current = None
        if tag.startswith(("B-", "I-")):
            current = [tag[2:], s, e, s is not None, [word]]
    if current is not None:
        out.append(_mention(field, text, base, current))


def _mention(field, text, base, c):
    typ, s, e, found, words = c
    if found and s is not None and e is not None:
        return {"type": typ, "text": text[s:e], "field": field, "start": base + s, "end": base + e}
    return {"type": typ, "text": " ".join(words), "field": field, "start": None, "end": None}


def extract(article):
    """underthesea NER on the title and on each sentence of the body (the documented usage:
    `ner` takes a sentence; on a whole 4 kB body it is ~18x slower here)."""
    ner, sent_tokenize = _load()
    mentions = []
    title = article.get("title") or ""
    if title:
        _spans("title", title, 0, ner(title), mentions)
    body = article.get("body") or ""
    cursor = 0
    for sentence in sent_tokenize(body):
        base = body.find(sentence, cursor)
        if base < 0:
            base = None
        else:
            cursor = base + len(sentence)
        tokens = ner(sentence)
        if base is None:
            tmp = []
            _spans("body", sentence, 0, tokens, tmp)
            for m in tmp:
                m["start"] = m["end"] = None
            mentions.extend(tmp)
        else:
            _spans("body", sentence, base, tokens, mentions)
    return mentions


def _worker_init():
    _load()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pull", default="tcp://127.0.0.1:6557", help="PULL endpoint to bind")
    p.add_argument("--publish", default="tcp://127.0.0.1:6558", help="PUB endpoint to bind")
    p.add_argument("--db", default="peer.sqlite", help="SQLite file")
    p.add_argument("--workers", type=int, default=1, help="NER processes (1: inline, no pool)")
    args = p.parse_args()

    def interrupted(*_):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, interrupted)

    import underthesea
    extractor = EXTRACTOR.format(underthesea.__version__)

    db = sqlite3.connect(args.db, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript("""
        CREATE TABLE IF NOT EXISTS articles (
            id TEXT PRIMARY KEY, url TEXT, title TEXT, body TEXT, lang TEXT,
            published_at TEXT, source TEXT, received_at REAL);
        CREATE TABLE IF NOT EXISTS results (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, article_id TEXT NOT NULL,
            lang TEXT, extractor TEXT, mentions TEXT, created_at REAL);
    """)
    last_seq = db.execute("SELECT COALESCE(MAX(seq), 0) FROM results").fetchone()[0]

    pool = None
    if args.workers > 1:
        pool = multiprocessing.get_context("fork").Pool(args.workers, initializer=_worker_init)
    else:
        _load()

    ctx = zmq.Context()
    pull = ctx.socket(zmq.PULL)
    pull.bind(args.pull)
    pub = ctx.socket(zmq.PUB)
    pub.bind(args.publish)

    def heartbeat():
        pub.send_multipart([b"heartbeat", json.dumps({"last_seq": last_seq}, separators=(",", ":")).encode()])

    def store_and_publish(article, received_at, mentions):
        nonlocal last_seq
        aid = article["id"]
        lang = article.get("lang") or "vi"
        db.execute("BEGIN")
        try:
            cur = db.execute(
                "INSERT OR IGNORE INTO articles VALUES (?,?,?,?,?,?,?,?)",
                (aid, article.get("url"), article.get("title"), article.get("body"), lang,
                 article.get("published_at"), article.get("source"), received_at))
            if cur.rowcount == 0:  # re-sent id: keep the first result
                db.execute("ROLLBACK")
                return
            cur = db.execute(
                "INSERT INTO results (article_id, lang, extractor, mentions, created_at) VALUES (?,?,?,?,?)",
                (aid, lang, extractor, json.dumps(mentions, ensure_ascii=False), time.time()))
            seq = cur.lastrowid
            db.execute("COMMIT")
        except Exception:
            db.execute("ROLLBACK")
            raise
        last_seq = seq
        msg = {"seq": seq, "article_id": aid, "lang": lang, "extractor": extractor, "mentions": mentions}
        pub.send_multipart([("article." + lang).encode(),
                            json.dumps(msg, separators=(",", ":"), ensure_ascii=False).encode()])

    def parse(raw):
        try:
            article = json.loads(raw)
            if not isinstance(article, dict) or not isinstance(article.get("body"), str):
                raise ValueError("not an article object with a body")
        except Exception as e:  # a naive service just logs bad input
            print(f"bad input: {e}", file=sys.stderr)
            return None
        if not article.get("id"):
            import hashlib
            article["id"] = hashlib.sha256(raw).hexdigest()[:32]
        return article

    print(f"peer ready: pull {args.pull} publish {args.publish} db {args.db} "
          f"workers {args.workers} ({extractor})", flush=True)

    poller = zmq.Poller()
    poller.register(pull, zmq.POLLIN)
    pending = deque()  # (article, received_at, AsyncResult), in arrival order
    next_beat = time.monotonic()
    try:
        while True:
            now = time.monotonic()
            if now >= next_beat:
                heartbeat()
                next_beat = now + 1.0
            if pool is None:
                if poller.poll(100):
                    article = parse(pull.recv())
                    if article is not None:
                        store_and_publish(article, time.time(), extract(article))
                continue
            # Pool: keep at most 2 articles per worker in flight; publish in arrival order.
            while pending and pending[0][2].ready():
                article, received_at, result = pending.popleft()
                store_and_publish(article, received_at, result.get())
            if len(pending) < 2 * args.workers and poller.poll(0 if pending else 100):
                article = parse(pull.recv())
                if article is not None:
                    pending.append((article, time.time(), pool.apply_async(extract, (article,))))
                continue
            if pending:
                pending[0][2].wait(0.05)
    except KeyboardInterrupt:
        pass
    finally:
        if pool is not None:
            pool.terminate()
        pull.close(0)
        pub.close(0)
        ctx.term()
        db.close()


if __name__ == "__main__":
    main()
