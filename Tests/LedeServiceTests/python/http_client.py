"""Drives Lede's HTTP side port as an operator's tools would, with the Python standard library and
pyzmq: probes, a Prometheus scrape, replay as JSON lines and the Server-Sent Events stream.

Submits the example article on the API (acknowledged), then checks /healthz, /readyz, /metrics,
/v1/replay and /v1/events, and that a bad parameter is a 400 with an error code. Prints one JSON
summary line (with the scrape's lede_* samples) and exits 0 when everything held, 1 otherwise.
"""
import argparse
import json
import sys
import urllib.error
import urllib.request

import zmq


def get(url, timeout=10):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read().decode("utf-8")


def fail(summary, what):
    summary["ok"] = False
    summary["failed"] = what
    print(json.dumps(summary, ensure_ascii=False))
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--http", required=True)
    ap.add_argument("--api", required=True)
    ap.add_argument("--article", required=True)
    args = ap.parse_args()
    base = "http://" + args.http
    summary = {"ok": True}

    with open(args.article, encoding="utf-8") as f:
        article = json.load(f)
    article["id"] = "http-sample"
    req = zmq.Context().socket(zmq.REQ)
    req.setsockopt(zmq.RCVTIMEO, 30000)
    req.connect(args.api)
    req.send_json({"op": "submit", "article": article})
    ack = req.recv_json()
    if not ack.get("ok"):
        fail(summary, f"submit: {ack}")
    seq = ack["seq"]

    status, _, body = get(base + "/healthz")
    if status != 200:
        fail(summary, f"/healthz {status}")
    status, _, body = get(base + "/readyz")
    if status != 200 or json.loads(body) != {"ready": True, "reasons": []}:
        fail(summary, f"/readyz {status} {body}")

    status, ctype, body = get(base + "/metrics")
    if status != 200 or not ctype.startswith("text/plain"):
        fail(summary, f"/metrics {status} {ctype}")
    samples = {}
    for line in body.splitlines():
        if line.startswith("lede_") and "_bucket{" not in line:
            name, value = line.rsplit(" ", 1)
            samples[name] = float(value)
    summary["metrics"] = samples
    for needed in ["lede_articles_received_total{ingest=\"api\"}", "lede_articles_stored_total", "lede_last_seq",
                   "lede_queue_depth{queue=\"work\"}", "lede_extract_duration_seconds_count",
                   "lede_commit_duration_seconds_count", "lede_rejects_total{code=\"bad_json\"}"]:
        if needed not in samples:
            fail(summary, f"/metrics lacks {needed}")
    if samples["lede_articles_stored_total"] < 1 or samples["lede_last_seq"] != seq:
        fail(summary, "the scrape does not count the stored article")
    if not any(k.startswith("lede_events_published_total{") for k in samples):
        fail(summary, "no lede_events_published_total")

    status, ctype, body = get(base + f"/v1/replay?from_seq={seq}&to_seq={seq}")
    lines = [json.loads(l) for l in body.splitlines() if l]
    if status != 200 or len(lines) != 1 or lines[0]["article_id"] != "http-sample":
        fail(summary, f"/v1/replay {status} {body[:200]}")
    events = lines[0]["events"]
    summary["events"] = len(events)

    status, _, body = get(base + "/v1/replay?from_seq=zero")
    if status != 400 or json.loads(body)["error"]["code"] != "bad_request":
        fail(summary, f"/v1/replay?from_seq=zero answered {status} {body}")

    # The stream from this result on: every event of the article arrives, in order, with its sentence.
    received = []
    with urllib.request.urlopen(base + f"/v1/events?from_seq={seq}", timeout=15) as stream:
        if not stream.headers.get("Content-Type", "").startswith("text/event-stream"):
            fail(summary, "/v1/events is not an event stream")
        data_id = None
        for raw in stream:
            line = raw.decode("utf-8").rstrip("\n")
            if line.startswith("id: "):
                data_id = line[4:]
            elif line.startswith("data: "):
                item = json.loads(line[6:])
                received.append((data_id, item))
                if len(received) == len(events):
                    break
    ids = [i for i, _ in received]
    if ids != [f"{seq}.{k}" for k in range(len(events))]:
        fail(summary, f"/v1/events ids {ids}")
    first = received[0][1]
    start, end = first["trigger"]
    if first["sentence"][start:end] != events[0]["trigger"]["text"]:
        fail(summary, "the trigger is not where the stream says in its sentence")
    summary["first_event"] = {"type": first["type"], "sentence": first["sentence"], "trigger": first["sentence"][start:end]}

    # A reader that reconnects with Last-Event-ID resumes right after that event.
    resume = urllib.request.Request(base + "/v1/events", headers={"Last-Event-ID": f"{seq}.0"})
    with urllib.request.urlopen(resume, timeout=15) as stream:
        for raw in stream:
            line = raw.decode("utf-8").rstrip("\n")
            if line.startswith("id: "):
                if line[4:] != f"{seq}.1":
                    fail(summary, f"resumed at {line[4:]}, not after {seq}.0")
                break
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
