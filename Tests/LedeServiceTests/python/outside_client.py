"""Drives a running Lede service the way an outside service would, with pyzmq only.

Pushes the sample article on PULL, receives its result on PUB, checks that every mention's offsets
index the body exactly as sent (body[start:end] == text), re-submits it on the API and expects the
same seq back, sends a malformed message and expects it on the `reject` topic. Prints one JSON summary
line and exits 0 when everything held, 1 otherwise.
"""
import argparse
import json
import sys
import time

import zmq


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pull", required=True)
    ap.add_argument("--pub", required=True)
    ap.add_argument("--api", required=True)
    ap.add_argument("--article", required=True, help="a JSON article file")
    args = ap.parse_args()

    with open(args.article, encoding="utf-8") as f:
        article = json.load(f)
    article["id"] = "python-sample"
    body = article["body"]
    ctx = zmq.Context()

    sub = ctx.socket(zmq.SUB)
    for topic in (b"article.", b"event.", b"reject", b"heartbeat"):
        sub.setsockopt(zmq.SUBSCRIBE, topic)
    sub.connect(args.pub)
    # Wait for a heartbeat: the subscription is live from then on.
    deadline = time.time() + 10
    while time.time() < deadline:
        if sub.poll(500) and sub.recv_multipart()[0] == b"heartbeat":
            break
    else:
        fail("no heartbeat")

    push = ctx.socket(zmq.PUSH)
    push.setsockopt(zmq.LINGER, 5000)
    push.connect(args.pull)
    push.send(json.dumps(article, ensure_ascii=False).encode("utf-8"))

    result, events, reject = None, [], None
    push.send(b"{not json")
    deadline = time.time() + 20
    while time.time() < deadline and (result is None or reject is None):
        if not sub.poll(200):
            continue
        topic, payload = sub.recv_multipart()
        message = json.loads(payload)
        if topic.startswith(b"article.") and message.get("article_id") == "python-sample":
            result = message
        elif topic.startswith(b"event.") and message.get("article_id") == "python-sample":
            events.append(message)
        elif topic == b"reject":
            reject = message
    if result is None:
        fail("no result for the sample article")
    if reject is None or reject.get("code") != "bad_json":
        fail("no bad_json reject: %r" % (reject,))

    fields = {"body": body, "title": article["title"]}
    for m in result["mentions"]:
        if fields[m["field"]][m["start"]:m["end"]] != m["text"]:
            fail("offsets do not match: %r" % (m,))

    req = ctx.socket(zmq.REQ)
    req.setsockopt(zmq.LINGER, 0)
    req.connect(args.api)
    req.send(json.dumps({"op": "submit", "article": article}).encode("utf-8"))
    if not req.poll(10000):
        fail("no reply to submit")
    ack = json.loads(req.recv())
    if not ack.get("ok") or ack.get("seq") != result["seq"] or not ack.get("duplicate"):
        fail("re-submit should return the original seq as a duplicate: %r" % (ack,))

    req.send(json.dumps({"op": "replay", "from_seq": result["seq"], "to_seq": result["seq"]}).encode())
    if not req.poll(10000):
        fail("no reply to replay")
    page = json.loads(req.recv())
    if [item["article_id"] for item in page["items"]] != ["python-sample"]:
        fail("replay did not return the sample: %r" % (page,))

    print(json.dumps({"ok": True, "seq": result["seq"], "mentions": len(result["mentions"]),
                      "entities": len(result["entities"]), "events": len(result["events"]),
                      "event_messages": len(events), "reject": reject["code"]}))


def fail(why):
    print(json.dumps({"ok": False, "error": why}))
    sys.exit(1)


if __name__ == "__main__":
    main()
