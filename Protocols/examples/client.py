#!/usr/bin/env python3
"""A small Lede client to copy from (pip install pyzmq).

    client.py push article.json [more.json ...]     # PUSH, fire and forget (back-pressure, no ack)
    client.py submit article.json                   # REQ with acknowledgement, Lazy Pirate retries
    client.py subscribe --topic event. --from-seq 1 # live events, gap-free via heartbeat + replay
    client.py replay --from-seq 1 --type ASSAULT    # stored results, page by page

A file holds one JSON article, or one per line (JSON lines); "-" reads stdin. Output is JSON lines.
See Protocols/README.md for the protocol itself.
"""
import argparse
import json
import sys
import time

import zmq

# Refusals about the service, not the article: the same submit may succeed after a pause.
RETRYABLE = {"busy", "unavailable", "shutting_down", "internal"}

DEFAULTS = {
    "pull": "tcp://127.0.0.1:5557",
    "publish": "tcp://127.0.0.1:5558",
    "api": "tcp://127.0.0.1:5559",
}


def read_articles(paths):
    """Yields article JSON texts: a file is one JSON object, or one object per line."""
    for path in paths or ["-"]:
        text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
        stripped = text.strip()
        if not stripped:
            continue
        try:
            json.loads(stripped)
            yield stripped
        except json.JSONDecodeError:
            for line in stripped.splitlines():
                if line.strip():
                    yield line.strip()


class Api:
    """Request/reply on the API socket with Lazy Pirate retries: on timeout the REQ socket is thrown
    away (linger 0) and the same request is sent on a new one. Safe for submit, which de-duplicates."""

    def __init__(self, context, endpoint, timeout_ms=2500, retries=3):
        self.context, self.endpoint = context, endpoint
        self.timeout_ms, self.retries = timeout_ms, retries
        self.socket = None

    def _connect(self):
        self.socket = self.context.socket(zmq.REQ)
        self.socket.setsockopt(zmq.LINGER, 0)
        self.socket.connect(self.endpoint)

    def request(self, message):
        payload = json.dumps(message, ensure_ascii=False).encode("utf-8")
        for attempt in range(1, self.retries + 1):
            if self.socket is None:
                self._connect()
            self.socket.send(payload)
            if self.socket.poll(self.timeout_ms, zmq.POLLIN):
                return json.loads(self.socket.recv())
            print(f"no reply from {self.endpoint} (try {attempt}/{self.retries}); retrying",
                  file=sys.stderr)
            self.socket.close()
            self.socket = None
        raise SystemExit(f"giving up: {self.endpoint} did not answer")

    def replay(self, **query):
        """Yields stored results in seq order, following next_seq from page to page."""
        query = {k: v for k, v in query.items() if v not in (None, [])}
        while True:
            reply = self.request({"op": "replay", **query})
            if not reply.get("ok"):
                raise SystemExit(f"replay refused: {reply['error']['code']}: {reply['error']['message']}")
            if "pruned_before" in reply:
                # What came before was pruned: it cannot be had again, so say so instead of waiting.
                print(f"results before seq {reply['pruned_before']} were pruned", file=sys.stderr)
            yield from reply["items"]
            if reply["next_seq"] is None:
                return
            query["from_seq"] = reply["next_seq"]


def cmd_push(args, context):
    push = context.socket(zmq.PUSH)
    push.setsockopt(zmq.LINGER, 5000)  # let queued articles go out before exit
    push.connect(args.endpoint or DEFAULTS["pull"])
    count = 0
    for article in read_articles(args.files):
        push.send(article.encode("utf-8"))  # blocks when Lede's queue is full: back-pressure
        count += 1
    push.close()
    print(f"pushed {count} article(s)", file=sys.stderr)


def cmd_submit(args, context):
    api = Api(context, args.api or DEFAULTS["api"], args.timeout, args.retries)
    failed = 0
    for article in read_articles(args.files):
        request = {"op": "submit", "article": json.loads(article)}
        reply = api.request(request)
        pause, waited = 0.1, 0.0
        while not reply.get("ok") and reply["error"]["code"] in RETRYABLE and waited < 300:
            time.sleep(pause)  # the store may be full or the queue busy: back off, then ask again
            waited += pause
            pause = min(pause * 2, 2.0)
            reply = api.request(request)
        print(json.dumps(reply, ensure_ascii=False))
        failed += not reply.get("ok")
    sys.exit(1 if failed else 0)


def topic_filter(topics):
    """The replay filter matching event topic prefixes such as event.ASSAULT.vi (None: cannot say)."""
    types, langs = set(), set()
    for topic in topics:
        parts = topic.split(".")
        if parts[0] != "event":
            return None
        if len(parts) > 1 and parts[1]:
            types.add(parts[1])
        else:
            return {}
        if len(parts) > 2 and parts[2]:
            langs.add(parts[2])
    query = {"types": sorted(types)}
    if len(langs) == 1:
        query["lang"] = langs.pop()
    return query


def cmd_subscribe(args, context):
    topics = args.topic or ["event."]
    api = Api(context, args.api or DEFAULTS["api"])
    sub = context.socket(zmq.SUB)
    for topic in topics + ["heartbeat"]:
        sub.setsockopt_string(zmq.SUBSCRIBE, topic)
    sub.connect(args.endpoint or DEFAULTS["publish"])

    seen = set()  # (seq, index) of delivered events; (seq, -1) for results
    checked = None  # every seq up to this one is accounted for

    def emit(topic, message, key):
        if key is None or key not in seen:
            if key is not None:
                seen.add(key)
            print(json.dumps({"topic": topic, "message": message}, ensure_ascii=False), flush=True)

    def matches(topic):
        return any(topic.startswith(t) for t in topics)

    def catch_up(from_seq, to_seq):
        """Replays (from_seq, to_seq] with the subscription's filter and emits what was missed."""
        query = topic_filter(topics)
        for result in api.replay(from_seq=from_seq, to_seq=to_seq, **(query or {})):
            seq, lang = result["seq"], result["lang"]
            if matches(f"article.{lang}"):
                emit(f"article.{lang}", result, (seq, -1))
            for index, event in enumerate(result["events"]):
                topic = f"event.{event['type']}.{lang}"
                if matches(topic):
                    message = {"seq": seq, "article_id": result["article_id"], "revision": result.get("revision", 1),
                               "lang": lang, "index": index, "event": event}
                    if "supersedes" in result:
                        message["supersedes"] = result["supersedes"]
                    if "published_at" in result["article"]:
                        message["published_at"] = result["article"]["published_at"]
                    emit(topic, message, (seq, index))

    while True:
        topic, payload = sub.recv_multipart()
        topic, message = topic.decode(), json.loads(payload)
        if topic == "heartbeat":
            last = message["last_seq"]
            if checked is None:
                # Start: replay from --from-seq, or be gap-free from now on.
                start = args.from_seq if args.from_seq is not None else last + 1
                if start <= last:
                    catch_up(start, last)
                checked = last
            elif last > checked:
                # Messages on one PUB socket arrive in order, so anything up to `last` that we have not
                # seen was dropped or filtered out; replay tells which.
                catch_up(checked + 1, last)
                checked = last
            if args.show_heartbeats:
                emit(topic, message, None)
        elif topic.startswith("event."):
            emit(topic, message, (message["seq"], message["index"]))
        elif topic.startswith("article."):
            emit(topic, message, (message["seq"], -1))
        else:
            emit(topic, message, None)


def instant(text):
    """--since/--until: ISO 8601 text as is, digits as epoch milliseconds."""
    return int(text) if text is not None and text.isdigit() else text


def cmd_replay(args, context):
    api = Api(context, args.api or DEFAULTS["api"])
    for result in api.replay(from_seq=args.from_seq, to_seq=args.to_seq, since=instant(args.since),
                             until=instant(args.until),
                             types=args.type, lang=args.lang, entity=args.entity, latest=args.latest or None,
                             limit=args.limit):
        print(json.dumps(result, ensure_ascii=False))


def cmd_reprocess(args, context):
    """Starts a reprocess job and follows its progress in stats until it ends."""
    api = Api(context, args.api or DEFAULTS["api"])
    query = {k: v for k, v in {"from_seq": args.from_seq, "to_seq": args.to_seq}.items() if v is not None}
    job = api.request({"op": "reprocess", **query})
    if not job.get("ok"):
        raise SystemExit(f"reprocess refused: {job['error']['code']}: {job['error']['message']}")
    while True:
        stats = api.request({"op": "stats"})
        print(f"job {job['job']}: {stats['reprocess.done']} of {job['articles']}", file=sys.stderr)
        if not stats["reprocess.running"]:
            break
        time.sleep(1)


def main():
    parser = argparse.ArgumentParser(description="Example Lede client (pyzmq).")
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("push", help="send articles on the PULL socket (no acknowledgement)")
    p.add_argument("files", nargs="*", help="JSON or JSON-lines files; - for stdin")
    p.add_argument("--endpoint", help=f"ingest-pull endpoint (default {DEFAULTS['pull']})")
    p.set_defaults(run=cmd_push)

    p = commands.add_parser("submit", help="submit articles and wait for each durable acknowledgement")
    p.add_argument("files", nargs="*")
    p.add_argument("--api", help=f"API endpoint (default {DEFAULTS['api']})")
    p.add_argument("--timeout", type=int, default=2500, help="milliseconds to wait for each reply")
    p.add_argument("--retries", type=int, default=3)
    p.set_defaults(run=cmd_submit)

    p = commands.add_parser("subscribe", help="print published messages, catching up on losses by replay")
    p.add_argument("--endpoint", help=f"publish endpoint (default {DEFAULTS['publish']})")
    p.add_argument("--api", help=f"API endpoint for catching up (default {DEFAULTS['api']})")
    p.add_argument("--topic", action="append", help="topic prefix, repeatable (default event.)")
    p.add_argument("--from-seq", type=int, help="first replay stored messages from this seq")
    p.add_argument("--show-heartbeats", action="store_true")
    p.set_defaults(run=cmd_subscribe)

    p = commands.add_parser("replay", help="print stored results as JSON lines")
    p.add_argument("--api", help=f"API endpoint (default {DEFAULTS['api']})")
    p.add_argument("--from-seq", type=int)
    p.add_argument("--to-seq", type=int)
    p.add_argument("--since", help="ISO 8601 date or date-time, or epoch milliseconds")
    p.add_argument("--until")
    p.add_argument("--type", action="append", help="PLOVER event type, repeatable")
    p.add_argument("--lang")
    p.add_argument("--entity")
    p.add_argument("--latest", action="store_true", help="only each article's newest revision")
    p.add_argument("--limit", type=int, help="page size (max 1000)")
    p.set_defaults(run=cmd_replay)

    p = commands.add_parser("reprocess", help="re-extract stored articles with the service's current extractor")
    p.add_argument("--api", help=f"API endpoint (default {DEFAULTS['api']})")
    p.add_argument("--from-seq", type=int)
    p.add_argument("--to-seq", type=int)
    p.set_defaults(run=cmd_reprocess)

    args = parser.parse_args()
    context = zmq.Context.instance()
    try:
        args.run(args, context)
    except KeyboardInterrupt:
        pass
    finally:
        context.destroy(linger=0)


if __name__ == "__main__":
    main()
