#!/usr/bin/env python3
"""Kills `lede serve` with SIGKILL again and again under load and counts what was lost.

    python3 Benchmarks/crash_loop.py --lede .build/release/lede --cycles 100 --rate 500

Each cycle starts `lede serve` on the same database, sends articles at `--rate` per second for a
random 0.5–3 s (half as acknowledged `submit`s from a DEALER with a window of 50, half on PULL), then
kills the process with SIGKILL. Acknowledged articles that are not acknowledged yet when the kill comes
are sent again in the next cycle, as `lede push --ack` would. At the end a clean start answers for
everything, and the script prints one JSON line:

- acknowledged: distinct article ids the service acknowledged;
- acknowledged_lost: acknowledged ids not stored (the promise: 0);
- duplicated: ids stored under more than one seq (the promise: 0);
- pull_sent / pull_stored: PULL is at-most-once: what was in a socket buffer at the kill is gone;
- seq_gaps: holes in seq (the promise: none).
"""
import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

import zmq


def start(lede, db):
    process = subprocess.Popen(
        [lede, "serve", "--db", db, "--ingest-sub", "none", "--ingest-pull", "tcp://127.0.0.1:*",
         "--publish", "tcp://127.0.0.1:*", "--api", "tcp://127.0.0.1:*", "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    ready = json.loads(process.stdout.readline())
    return process, ready


def article(kind, n):
    return {"id": f"{kind}-{n}", "lang": "vi", "published_at": "2017-12-07",
            "body": f"Bản tin số {n}: Quân đội Nga không kích IS tại Syria, Bộ Quốc phòng cho biết ngày 7/12."}


def cycle(lede, db, rate, seconds, pending, next_ids, acked, pull_sent, context):
    process, ready = start(lede, db)
    dealer = context.socket(zmq.DEALER)
    dealer.connect(ready["api"])
    push = context.socket(zmq.PUSH)
    push.setsockopt(zmq.SNDHWM, 1000)
    push.connect(ready["ingest_pull"])
    in_flight = set()
    interval = 1.0 / rate
    started = time.monotonic()
    sent = 0
    while time.monotonic() - started < seconds:
        # Pace: one article per interval, alternating submit and PULL.
        due = started + sent * interval
        while True:
            wait = due - time.monotonic()
            if wait <= 0:
                break
            if dealer.poll(max(1, int(wait * 1000))):
                reply = json.loads(dealer.recv_multipart()[-1])
                if reply.get("ok"):
                    acked.add(reply["article_id"])
                    in_flight.discard(reply["article_id"])
        if sent % 2 == 0:
            if len(in_flight) < 50:
                if not pending:
                    pending.append(f"acked-{next_ids['acked']}")
                    next_ids["acked"] += 1
                id = pending.pop(0)
                in_flight.add(id)
                dealer.send_multipart([b"", json.dumps({"op": "submit", "article": article("acked", int(id.split("-")[1]))}).encode()])
        else:
            try:
                push.send(json.dumps(article("pull", next_ids["pull"])).encode(), zmq.NOBLOCK)
                pull_sent.add(f"pull-{next_ids['pull']}")
                next_ids["pull"] += 1
            except zmq.Again:
                pass
        sent += 1
    process.send_signal(signal.SIGKILL)
    process.wait()
    while dealer.poll(0):
        reply = json.loads(dealer.recv_multipart()[-1])
        if reply.get("ok"):
            acked.add(reply["article_id"])
            in_flight.discard(reply["article_id"])
    pending[:0] = sorted(in_flight)  # not acknowledged: sent again next cycle
    dealer.close(0)
    push.close(0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lede", default=".build/release/lede")
    parser.add_argument("--cycles", type=int, default=100)
    parser.add_argument("--rate", type=float, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    random.seed(args.seed)
    context = zmq.Context()
    folder = tempfile.mkdtemp(prefix="lede-crash-loop-")
    db = os.path.join(folder, "lede.sqlite")
    pending, acked, pull_sent = [], set(), set()
    next_ids = {"acked": 0, "pull": 0}
    begun = time.monotonic()
    for k in range(args.cycles):
        cycle(args.lede, db, args.rate, random.uniform(0.5, 3.0), pending, next_ids, acked, pull_sent, context)
        print(f"cycle {k + 1}/{args.cycles}: {len(acked)} acknowledged", file=sys.stderr)

    process, ready = start(args.lede, db)
    api = context.socket(zmq.REQ)
    api.connect(ready["api"])
    seqs, ids = [], {}
    from_seq = 1
    while from_seq is not None:
        api.send_json({"op": "replay", "from_seq": from_seq, "limit": 1000})
        page = api.recv_json()
        for item in page["items"]:
            seqs.append(item["seq"])
            ids.setdefault(item["article_id"], []).append(item["seq"])
        from_seq = page["next_seq"]
    process.send_signal(signal.SIGTERM)
    process.wait()
    gaps = sum(1 for a, b in zip(seqs, seqs[1:]) if b != a + 1) + (1 if seqs and seqs[0] != 1 else 0)
    print(json.dumps({
        "cycles": args.cycles, "rate": args.rate, "seconds": round(time.monotonic() - begun, 1),
        "acknowledged": len(acked), "acknowledged_lost": len([i for i in acked if i not in ids]),
        "duplicated": len([i for i, s in ids.items() if len(s) > 1]),
        "pull_sent": len(pull_sent), "pull_stored": len([i for i in pull_sent if i in ids]),
        "results": len(seqs), "seq_gaps": gaps,
    }))


if __name__ == "__main__":
    main()
