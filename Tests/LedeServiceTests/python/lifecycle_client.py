"""An outside service's view of the data lifecycle, with pyzmq only: submit articles, ask the service to
reprocess them, watch the new revisions arrive on PUB, and replay only the newest ones.

Prints one JSON line: {"ok": true, ...} with what it saw, or {"ok": false, "error"}.
"""
import argparse
import json
import time

import zmq


def request(context, endpoint, message, timeout_ms=5000):
    req = context.socket(zmq.REQ)
    req.setsockopt(zmq.LINGER, 0)
    req.connect(endpoint)
    req.send_json(message)
    if not req.poll(timeout_ms):
        raise SystemExit(json.dumps({"ok": False, "error": f"no reply to {message['op']}"}))
    reply = req.recv_json()
    req.close()
    return reply


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--api", required=True)
    parser.add_argument("--pub", required=True)
    parser.add_argument("--article", required=True)
    args = parser.parse_args()
    context = zmq.Context.instance()
    article = json.load(open(args.article, encoding="utf-8"))

    first = request(context, args.api, {"op": "submit", "article": article})
    if not first.get("ok"):
        return fail(f"submit refused: {first}")

    sub = context.socket(zmq.SUB)
    for topic in (b"article.", b"heartbeat"):
        sub.setsockopt(zmq.SUBSCRIBE, topic)
    sub.connect(args.pub)
    deadline = time.time() + 10
    while time.time() < deadline and sub.poll(1000):  # a heartbeat proves the subscription is up
        if sub.recv_multipart()[0] == b"heartbeat":
            break

    job = request(context, args.api, {"op": "reprocess", "from_seq": first["seq"], "to_seq": first["seq"]})
    if not job.get("ok") or job["articles"] != 1:
        return fail(f"reprocess: {job}")
    revision = None
    deadline = time.time() + 20
    while revision is None and time.time() < deadline:
        if not sub.poll(1000):
            continue
        topic, payload = sub.recv_multipart()
        if topic.startswith(b"article."):
            message = json.loads(payload)
            if message["article_id"] == article["id"] and message.get("revision") == 2:
                revision = message
    if revision is None:
        return fail("no second revision was published")

    latest = request(context, args.api, {"op": "replay", "from_seq": 1, "latest": True})
    every = request(context, args.api, {"op": "replay", "from_seq": 1})
    print(json.dumps({
        "ok": True, "first_seq": first["seq"], "revision_seq": revision["seq"], "supersedes": revision["supersedes"],
        "latest": [r["seq"] for r in latest["items"]], "every": [r["seq"] for r in every["items"]],
    }))


def fail(why):
    print(json.dumps({"ok": False, "error": why}))


if __name__ == "__main__":
    main()
