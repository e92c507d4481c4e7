import LedeModel

/// The live page at `/`: one HTML document with its style and script inline, so the binary serves it
/// whole (no external assets, nothing fetched but this service's own `/v1/status` and `/v1/events`).
enum LivePage {
    /// The type filter's choices: PLOVER's types as the model knows them, not a second list.
    static let typesJSON = "[" + PloverTypes.all.map { "\"\($0)\"" }.joined(separator: ",") + "]"

    static let html = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lede — live events</title>
<style>
  :root { --bg:#f6f7f9; --card:#fff; --ink:#1d2433; --soft:#5b6578; --line:#e3e6ec;
          --coop:#1f8a5b; --conflict:#c2412d; --verbal:#2f6fb5; --mark:#ffe58a; }
  * { box-sizing: border-box; }
  body { margin:0; font:15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
         background:var(--bg); color:var(--ink); }
  header { background:#1d2433; color:#fff; padding:14px 24px; display:flex; align-items:center; gap:24px; flex-wrap:wrap; }
  header h1 { font-size:18px; margin:0; letter-spacing:.02em; }
  header h1 small { font-weight:400; opacity:.7; margin-left:8px; }
  .chips { display:flex; gap:10px; flex-wrap:wrap; }
  .chip { background:rgba(255,255,255,.1); border-radius:6px; padding:4px 10px; font-size:13px; }
  .chip b { font-variant-numeric:tabular-nums; }
  #status.ok { background:#1f8a5b; } #status.bad { background:#c2412d; }
  .filters { display:flex; gap:12px; padding:12px 24px; border-bottom:1px solid var(--line); background:#fff; align-items:center; }
  .filters label { color:var(--soft); font-size:13px; }
  select { font:inherit; padding:4px 8px; border:1px solid var(--line); border-radius:6px; background:#fff; }
  main { max-width:980px; margin:0 auto; padding:16px 24px 40px; }
  #empty { color:var(--soft); padding:40px 0; text-align:center; }
  .event { background:var(--card); border:1px solid var(--line); border-left:5px solid var(--verbal);
           border-radius:8px; padding:12px 16px; margin:0 0 12px; }
  .event.q3, .event.q4 { border-left-color:var(--conflict); }
  .event.q1, .event.q2 { border-left-color:var(--coop); }
  .top { display:flex; gap:10px; align-items:baseline; flex-wrap:wrap; }
  .type { font-weight:700; letter-spacing:.03em; }
  .who { font-weight:600; }
  .meta { color:var(--soft); font-size:13px; margin-left:auto; }
  .sentence { margin:6px 0 4px; }
  mark { background:var(--mark); padding:0 2px; border-radius:3px; }
  .where { color:var(--soft); font-size:13px; }
  .tag { display:inline-block; font-size:12px; color:var(--soft); border:1px solid var(--line); border-radius:4px; padding:0 5px; margin-left:6px; }
</style>
</head>
<body>
<header>
  <h1>Lede<small>live events</small></h1>
  <div class="chips">
    <span class="chip" id="status">status <b>…</b></span>
    <span class="chip">stored <b id="stored">–</b></span>
    <span class="chip">events <b id="events">–</b></span>
    <span class="chip">rejected <b id="rejects">–</b></span>
    <span class="chip">queue <b id="queue">–</b></span>
    <span class="chip">last seq <b id="lastseq">–</b></span>
  </div>
</header>
<div class="filters">
  <label for="type">Type</label>
  <select id="type"><option value="">all types</option></select>
  <label for="lang">Language</label>
  <select id="lang"><option value="">all</option><option value="vi">Vietnamese</option><option value="en">English</option></select>
</div>
<main>
  <div id="list"></div>
  <div id="empty">No events yet. They appear here as articles are committed.</div>
</main>
<script>
"use strict";
const TYPES = \#(typesJSON);
const typeSelect = document.getElementById("type"), langSelect = document.getElementById("lang");
for (const t of TYPES) { const o = document.createElement("option"); o.value = o.textContent = t; typeSelect.appendChild(o); }
const list = document.getElementById("list"), empty = document.getElementById("empty");
let source = null;

function el(tag, cls, text) { const e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
function names(args) { return (args || []).map(a => a.text || a.name).filter(Boolean).join(", "); }

function render(item) {
  const m = item.message || {}, e = m.event || {};
  const card = el("article", "event q" + (e.quad_class || 0));
  card.dataset.type = item.type; card.dataset.lang = item.lang;
  const top = el("div", "top");
  top.appendChild(el("span", "type", item.type));
  const actors = names(e.actors), recipients = names(e.recipients);
  if (actors || recipients) top.appendChild(el("span", "who", recipients ? (actors || "?") + " → " + recipients : actors));
  if (e.modality && e.modality !== "asserted") top.appendChild(el("span", "tag", e.modality));
  top.appendChild(el("span", "meta", item.lang + " · seq " + item.seq));
  card.appendChild(top);
  const s = el("div", "sentence");
  if (item.sentence != null) {
    const t = Array.from(item.sentence), r = item.trigger || [0, 0];
    s.appendChild(document.createTextNode(t.slice(0, r[0]).join("")));
    s.appendChild(el("mark", null, t.slice(r[0], r[1]).join("")));
    s.appendChild(document.createTextNode(t.slice(r[1]).join("")));
  } else {
    s.appendChild(el("mark", null, (e.trigger || {}).text || ""));
  }
  card.appendChild(s);
  const where = [];
  if (e.location) where.push("in " + (e.location.name || e.location.text));
  if (e.date) where.push("on " + e.date.value);
  if (e.killed) where.push(e.killed + " killed");
  if (e.attribution) where.push("says " + (e.attribution.text || e.attribution.name || ""));
  if (item.title) where.push("“" + item.title + "”");
  card.appendChild(el("div", "where", where.join("  ·  ")));
  list.insertBefore(card, list.firstChild);
  while (list.children.length > 200) list.removeChild(list.lastChild);
  empty.style.display = "none";
}

function connect() {
  if (source) source.close();
  list.textContent = ""; empty.style.display = "";
  const q = new URLSearchParams();
  if (typeSelect.value) q.set("types", typeSelect.value);
  if (langSelect.value) q.set("lang", langSelect.value);
  source = new EventSource("/v1/events" + (q.toString() ? "?" + q : ""));
  source.addEventListener("event", ev => { render(JSON.parse(ev.data)); refreshSoon(); });
}

async function refresh() {
  try {
    const r = await fetch("/v1/status", { cache: "no-store" }), j = await r.json(), s = j.stats || {};
    const st = document.getElementById("status");
    st.className = "chip " + (j.status === "ok" ? "ok" : "bad");
    st.innerHTML = ""; st.append("status "); st.appendChild(el("b", null, j.status));
    if (j.store_fault) st.title = j.store_fault;
    document.getElementById("stored").textContent = s.results ?? "–";
    document.getElementById("events").textContent = s.events ?? "–";
    document.getElementById("rejects").textContent = s.rejects ?? "–";
    document.getElementById("queue").textContent = (s["queue.work"] ?? 0) + (s["queue.commit"] ?? 0);
    document.getElementById("lastseq").textContent = s.last_seq ?? "–";
  } catch (err) {
    const st = document.getElementById("status"); st.className = "chip bad"; st.textContent = "unreachable";
  }
}

let pending = null;
function refreshSoon() { if (!pending) pending = setTimeout(() => { pending = null; refresh(); }, 150); }

typeSelect.addEventListener("change", connect);
langSelect.addEventListener("change", connect);
connect(); refresh(); setInterval(refresh, 2000);
</script>
</body>
</html>
"""#
}
