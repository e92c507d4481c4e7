"""Opens Lede's live page in headless Chromium and watches an article's events arrive, as a person
would: the page is open first, then the article is submitted, then its events must appear, each with
its type and its trigger marked in its sentence; the type filter must narrow the list.

Talks to Chromium over the DevTools protocol (websocket-client) and to Lede over pyzmq. Prints one JSON
summary line; exits 0 when everything held, 1 otherwise. --screenshot FILE saves what the page showed.
"""
import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket
import zmq


class Page:
    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    def wait_for(self, expression, what, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.evaluate(expression):
                return
            time.sleep(0.1)
        raise RuntimeError(f"timed out waiting for {what}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--chromium", required=True)
    ap.add_argument("--http", required=True)
    ap.add_argument("--api", required=True)
    ap.add_argument("--article", required=True)
    ap.add_argument("--screenshot")
    args = ap.parse_args()
    summary = {"ok": True}
    profile = tempfile.mkdtemp(prefix="lede-page-")
    url = f"http://{args.http}/"
    browser = subprocess.Popen(
        [args.chromium, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
         "--remote-debugging-port=0", "--window-size=1280,900", "--hide-scrollbars", url],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = os.path.join(profile, "DevToolsActivePort")
        deadline = time.time() + 30
        while not (os.path.exists(port_file) and open(port_file).read().strip()) and time.time() < deadline:
            time.sleep(0.1)
        port = int(open(port_file).read().split()[0])
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        target = next(t for t in targets if t.get("type") == "page" and t.get("url", "").startswith(url))
        page = Page(target["webSocketDebuggerUrl"])

        page.wait_for("document.getElementById('status').textContent.includes('ok')", "the status chip to say ok")
        before = page.evaluate("document.querySelectorAll('article.event').length")

        with open(args.article, encoding="utf-8") as f:
            article = json.load(f)
        article["id"] = "live-page"
        req = zmq.Context().socket(zmq.REQ)
        req.setsockopt(zmq.RCVTIMEO, 30000)
        req.connect(args.api)
        req.send_json({"op": "submit", "article": article})
        ack = req.recv_json()
        req.send_json({"op": "replay", "from_seq": ack["seq"], "to_seq": ack["seq"]})
        events = req.recv_json()["items"][0]["events"]
        expected = sorted((e["type"], e["trigger"]["text"]) for e in events)

        page.wait_for(f"document.querySelectorAll('article.event').length >= {before + len(events)}",
                      f"{len(events)} event cards")
        cards = page.evaluate("""[...document.querySelectorAll('article.event')].map(a => ({
            type: a.querySelector('.type').textContent, mark: (a.querySelector('mark') || {}).textContent,
            sentence: a.querySelector('.sentence').textContent}))""")
        shown = sorted((c["type"], c["mark"]) for c in cards)
        summary.update(before=before, events=len(events), cards=len(cards))
        if before != 0 or shown != expected:
            raise RuntimeError(f"the page shows {shown}, the article has {expected}")
        if not all(c["mark"] and c["mark"] in c["sentence"] for c in cards):
            raise RuntimeError("a trigger is not in its sentence")
        page.wait_for("document.getElementById('stored').textContent === '1'", "the stored counter to show the article")
        if args.screenshot:
            shot = page.call("Page.captureScreenshot", format="png")
            with open(args.screenshot, "wb") as f:
                f.write(base64.b64decode(shot["data"]))

        first = events[0]["type"]
        page.evaluate(f"(s => {{ s.value = '{first}'; s.dispatchEvent(new Event('change')); }})(document.getElementById('type'))")
        wanted = sum(1 for e in events if e["type"] == first)
        page.wait_for(f"""(() => {{ const c = [...document.querySelectorAll('article.event')];
            return c.length === {wanted} && c.every(a => a.dataset.type === '{first}'); }})()""", f"only {first} cards")
        summary["filtered"] = {"type": first, "cards": wanted}
    except Exception as error:  # one summary line, whatever failed
        summary.update(ok=False, failed=str(error))
    finally:
        browser.kill()
        browser.wait()
        shutil.rmtree(profile, ignore_errors=True)
    print(json.dumps(summary, ensure_ascii=False))
    sys.exit(0 if summary["ok"] else 1)


if __name__ == "__main__":
    main()
