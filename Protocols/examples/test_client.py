#!/usr/bin/env python3
"""Checks client.py against a scripted stand-in for Lede (no service needed): Lazy Pirate retries on
submit, replay paging, push, and a subscription that recovers a dropped event through heartbeat + replay.

    python3 Protocols/examples/test_client.py        # exit 0 when every check passes
"""
import json
import os
import subprocess
import sys
import threading
import time

import zmq

CLIENT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "client.py")


def result(seq, event_type):
    return {"seq": seq, "article_id": f"a{seq}", "revision": 1, "lang": "vi", "extractor": "test", "committed_at": "2026-11-25T12:00:00.000Z",
            "article": {"id": f"a{seq}", "published_at": "2017-12-07"}, "mentions": [], "entities": [],
            "events": [{"type": event_type, "n": seq}]}


STORE = [result(seq, "ASSAULT" if seq % 2 else "AID") for seq in range(1, 8)]


class FakeLede:
    """ROUTER + PUB + PULL on ephemeral ports, answering like Lede does."""

    def __init__(self):
        self.context = zmq.Context.instance()
        self.router = self.context.socket(zmq.ROUTER)
        self.router.bind("tcp://127.0.0.1:*")
        self.pub = self.context.socket(zmq.PUB)
        self.pub.bind("tcp://127.0.0.1:*")
        self.pull = self.context.socket(zmq.PULL)
        self.pull.bind("tcp://127.0.0.1:*")
        self.requests, self.pushed = [], []
        self.ignore_next_submit = True
        self.unavailable_submits = 0  # set to answer that many submits "unavailable" (a full disk)
        self.lock = threading.Lock()
        self.stop = False

    def endpoint(self, socket):
        return socket.getsockopt_string(zmq.LAST_ENDPOINT)

    def serve(self):
        poller = zmq.Poller()
        poller.register(self.router, zmq.POLLIN)
        poller.register(self.pull, zmq.POLLIN)
        while not self.stop:
            for socket, _ in poller.poll(50):
                if socket is self.pull:
                    self.pushed.append(json.loads(self.pull.recv()))
                    continue
                *envelope, body = self.router.recv_multipart()
                request = json.loads(body)
                with self.lock:
                    self.requests.append(request)
                if request["op"] == "submit":
                    if self.ignore_next_submit:
                        self.ignore_next_submit = False  # a lost reply: the client must retry
                        continue
                    if self.unavailable_submits > 0:
                        self.unavailable_submits -= 1
                        reply = {"ok": False, "error": {"code": "unavailable", "message": "the store cannot write (SQLITE_FULL); retry after a pause"}}
                    else:
                        reply = {"ok": True, "article_id": request["article"].get("id", "x"), "seq": 9, "duplicate": False}
                elif request["op"] == "replay":
                    lo, hi = request.get("from_seq", 1), request.get("to_seq", 10**9)
                    types = request.get("types") or []
                    items = [r for r in STORE if lo <= r["seq"] <= hi and (not types or r["events"][0]["type"] in types)]
                    limit = request.get("limit", 2)  # small pages, to exercise paging
                    reply = {"ok": True, "items": items[:limit], "next_seq": items[limit]["seq"] if len(items) > limit else None,
                             "last_seq": 7}
                else:
                    reply = {"ok": False, "error": {"code": "unknown_op", "message": "?"}}
                self.router.send_multipart(envelope + [json.dumps(reply).encode()])

    def publish(self, topic, message):
        self.pub.send_multipart([topic.encode(), json.dumps(message).encode()])

    def replays(self):
        with self.lock:
            return [r for r in self.requests if r["op"] == "replay"]


def run(*args, timeout=20):
    return subprocess.run([sys.executable, CLIENT, *args], capture_output=True, text=True, timeout=timeout)


def check(condition, what):
    if not condition:
        raise SystemExit(f"FAILED: {what}")
    print(f"ok: {what}")


def main():
    lede = FakeLede()
    threading.Thread(target=lede.serve, daemon=True).start()
    api, pub, pull = lede.endpoint(lede.router), lede.endpoint(lede.pub), lede.endpoint(lede.pull)
    tmp = os.environ.get("TMPDIR", "/tmp")
    articles = os.path.join(tmp, f"lede-client-test-{os.getpid()}.jsonl")
    with open(articles, "w", encoding="utf-8") as f:
        f.write('{"id": "x1", "body": "Xin chào"}\n{"body": "Việt Nam"}\n')

    # submit: the first request goes unanswered; Lazy Pirate resends on a fresh socket.
    out = run("submit", "--api", api, "--timeout", "300", articles)
    replies = [json.loads(line) for line in out.stdout.splitlines()]
    check(out.returncode == 0 and len(replies) == 2 and all(r["ok"] for r in replies), "submit acknowledged after a retry")
    check(sum(r["op"] == "submit" for r in lede.requests) == 3, "the unanswered submit was resent once")

    # submit while the store cannot write: "unavailable" is retried after a pause until acknowledged.
    with lede.lock:
        lede.requests.clear()
    lede.unavailable_submits = 3
    out = run("submit", "--api", api, "--timeout", "300", articles)
    replies = [json.loads(line) for line in out.stdout.splitlines()]
    check(out.returncode == 0 and len(replies) == 2 and all(r["ok"] for r in replies), "submit acknowledged once the store writes")
    check(sum(r["op"] == "submit" for r in lede.requests) == 5, "each unavailable answer was followed by a retry")

    # push: both articles arrive on PULL.
    out = run("push", "--endpoint", pull, articles)
    deadline = time.time() + 5
    while len(lede.pushed) < 2 and time.time() < deadline:
        time.sleep(0.05)
    check(out.returncode == 0 and [a["body"] for a in lede.pushed] == ["Xin chào", "Việt Nam"], "push delivers every article")

    # replay: follows next_seq until null.
    out = run("replay", "--api", api, "--from-seq", "1", "--type", "ASSAULT", "--since", "1512604800000")
    seqs = [json.loads(line)["seq"] for line in out.stdout.splitlines()]
    check(seqs == [1, 3, 5, 7], f"replay pages through every matching result ({seqs})")
    check(lede.replays()[0]["since"] == 1512604800000, "digits for --since are sent as epoch milliseconds")

    # subscribe: replay from 2, then live; the event of seq 5 is "dropped" and must be recovered.
    before = len(lede.replays())
    client = subprocess.Popen([sys.executable, CLIENT, "subscribe", "--endpoint", pub, "--api", api,
                               "--topic", "event.ASSAULT.", "--from-seq", "2"], stdout=subprocess.PIPE, text=True)
    deadline = time.time() + 10
    while len(lede.replays()) == before and time.time() < deadline:
        lede.publish("heartbeat", {"last_seq": 3, "time": "2026-11-25T12:00:00.000Z"})
        time.sleep(0.1)
    for r in STORE[3:]:
        if r["seq"] != 5:
            event = r["events"][0]
            lede.publish(f"event.{event['type']}.vi", {"seq": r["seq"], "article_id": r["article_id"], "lang": "vi",
                                                       "index": 0, "event": event})
    lede.publish("heartbeat", {"last_seq": 7, "time": "2026-11-25T12:00:01.000Z"})
    while len(lede.replays()) < before + 2 and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    client.terminate()
    lines = client.communicate(timeout=5)[0].splitlines()
    delivered = sorted(json.loads(line)["message"]["seq"] for line in lines)
    check(delivered == [3, 5, 7], f"subscribe delivers 3 (replayed), 7 (live) and 5 (recovered), once each ({delivered})")
    recovery = lede.replays()[-1]
    check(recovery == {"op": "replay", "from_seq": 4, "to_seq": 7, "types": ["ASSAULT"]},
          f"the recovery replay uses the subscription's filter ({recovery})")

    os.remove(articles)
    lede.stop = True
    print("client.py: all checks passed")


if __name__ == "__main__":
    main()
