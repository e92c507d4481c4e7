#!/usr/bin/env bash
# Lede and the Python peer (Benchmarks/peer/peer_service.py), side by side, same corpus, same run,
# same load generator (`lede bench service`).
#
#   Benchmarks/run-side-by-side.sh                 # defaults below
#   PEER_ARTICLES=80 LEDE_ARTICLES=5000 PEER_WORKERS=1 HALF_LOAD=1 Benchmarks/run-side-by-side.sh
#
# Environment:
#   CORPUS         JSON-lines corpus (default ../shared/data/corpus/vi-news.jsonl, from the repo root)
#   PEER_ARTICLES  articles pushed to the peer (default 60: ~40 s at ~1.5 articles/s; keep the run
#                  under the load generator's 60 s wait, or the peer's run is reported INCOMPLETE)
#   LEDE_ARTICLES  articles pushed to Lede (default 5000)
#   PEER_WORKERS   NER processes in the peer (default 1: the naive single-process service)
#   HALF_LOAD      1 (default): also measure each at --rate = half its own measured throughput,
#                  for ~HALF_SECONDS (default 40) s, which is where latency means something
#   SKIP_BUILD=1   use the existing release binary; LEDE_BIN overrides its path
#   PULL, PUBLISH  the peer's endpoints (default tcp://127.0.0.1:6557 and :6558)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CORPUS="${CORPUS:-../shared/data/corpus/vi-news.jsonl}"
PEER_ARTICLES="${PEER_ARTICLES:-60}"
LEDE_ARTICLES="${LEDE_ARTICLES:-5000}"
PEER_WORKERS="${PEER_WORKERS:-1}"
HALF_LOAD="${HALF_LOAD:-1}"
HALF_SECONDS="${HALF_SECONDS:-40}"
PULL="${PULL:-tcp://127.0.0.1:6557}"
PUBLISH="${PUBLISH:-tcp://127.0.0.1:6558}"
LEDE_BIN="${LEDE_BIN:-$ROOT/.build-release/release/lede}"

[ -r "$CORPUS" ] || { echo "run-side-by-side: cannot read corpus $CORPUS" >&2; exit 2; }
python3 -c 'import zmq, underthesea' 2>/dev/null || {
    echo "run-side-by-side: the peer needs pyzmq and underthesea: python3 -m pip install -r Benchmarks/peer/requirements.txt" >&2
    exit 2
}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "== building lede (release; several minutes the first time on 2 cores)"
    swift build -c release --product lede --scratch-path .build-release 2>&1 | tail -n 3
fi
[ -x "$LEDE_BIN" ] || { echo "run-side-by-side: no lede binary at $LEDE_BIN" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/lede-side-by-side.XXXXXX")"
PEER_PID=""
stop_peer() {
    if [ -n "$PEER_PID" ] && kill -0 "$PEER_PID" 2>/dev/null; then
        kill -INT "$PEER_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$PEER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$PEER_PID" 2>/dev/null || true
        wait "$PEER_PID" 2>/dev/null || true
    fi
    PEER_PID=""
}
trap 'stop_peer; rm -rf "$WORK"' EXIT

start_peer() { # $1: database file
    : > "$WORK/peer.out"
    python3 Benchmarks/peer/peer_service.py --pull "$PULL" --publish "$PUBLISH" --db "$1" \
        --workers "$PEER_WORKERS" > "$WORK/peer.out" 2> "$WORK/peer.err" &
    PEER_PID=$!
    for _ in $(seq 240); do
        grep -q "peer ready" "$WORK/peer.out" && { cat "$WORK/peer.out"; return 0; }
        kill -0 "$PEER_PID" 2>/dev/null || break
        sleep 0.5
    done
    echo "run-side-by-side: the peer did not start:" >&2; cat "$WORK/peer.err" >&2; exit 1
}

bench() { # $1: output file; the rest: extra arguments
    local out="$1"; shift
    "$LEDE_BIN" bench service --corpus "$CORPUS" "$@" | tee "$out"
}

# Figures from the load generator's lines. Throughput is recomputed from "published K of N in T s"
# and the average article size, because the summary line rounds articles/s to a whole number.
figures() { # $1: output file -> "articles_per_s MB_per_s p50_ms p99_ms complete kB_per_article"
    python3 - "$1" <<'EOF'
import re, sys
t = open(sys.argv[1]).read()
kb = float(re.search(r"\(([\d.]+) kB of text each\)", t).group(1))
m = re.search(r"published (\d+) of (\d+)( \(INCOMPLETE\))? in ([\d.]+) s", t)
got, secs = int(m.group(1)), float(m.group(4))
lat = re.search(r"p50 ([\d.na]+) p90 [\d.na]+ p99 ([\d.na]+)", t)
print(f"{got / secs:.3f} {got * kb / 1000 / secs:.4f} {lat.group(1)} {lat.group(2)} {'no' if m.group(3) else 'yes'} {kb}")
EOF
}

# The load generator takes a corpus's articles from the top, so N=60 would give the peer only the
# first 60 articles (longer than average). The peer gets an evenly spaced sample of the same corpus
# instead, so both see the same mix; Lede cycles through the whole corpus.
peer_corpus() { # $1: articles -> path of a sample of $CORPUS spread over the whole file
    python3 - "$CORPUS" "$1" "$WORK/peer-corpus-$1.jsonl" <<'EOF'
import sys
lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
n = min(int(sys.argv[2]), len(lines))
open(sys.argv[3], "w", encoding="utf-8").writelines(lines[i * len(lines) // n] for i in range(n))
EOF
    echo "$WORK/peer-corpus-$1.jsonl"
}

echo "== corpus $CORPUS; $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews both sides)"
echo "== 1/2 the peer (Python: pyzmq + underthesea.ner + sqlite3, $PEER_WORKERS NER process(es)), $PEER_ARTICLES articles, as fast as possible"
start_peer "$WORK/peer.sqlite"
PEER_CORPUS="$(peer_corpus "$PEER_ARTICLES")"
echo "   (the peer's corpus: $PEER_ARTICLES articles spread evenly over $CORPUS)"
CORPUS="$PEER_CORPUS" bench "$WORK/peer.txt" --pull "$PULL" --publish "$PUBLISH" --articles "$PEER_ARTICLES"
echo "   (the bench's 'workers'/'durability' words describe its unused in-process service, not the peer)"
stop_peer

echo "== 2/2 Lede (in-process service started by the bench), $LEDE_ARTICLES articles, as fast as possible"
bench "$WORK/lede.txt" --articles "$LEDE_ARTICLES"

read -r P_AS P_MB P_P50 P_P99 P_OK P_KB < <(figures "$WORK/peer.txt")
read -r L_AS L_MB L_P50 L_P99 L_OK L_KB < <(figures "$WORK/lede.txt")

if [ "$HALF_LOAD" = 1 ]; then
    P_RATE=$(python3 -c "print(round(max($P_AS / 2, 0.05), 3))")
    L_RATE=$(python3 -c "print(round(max($L_AS / 2, 1), 0))")
    P_N=$(python3 -c "print(max(10, round($P_RATE * $HALF_SECONDS)))")
    L_N=$(python3 -c "print(max(10, round($L_RATE * $HALF_SECONDS)))")
    echo "== half load: the peer at $P_RATE articles/s ($P_N articles)"
    start_peer "$WORK/peer-half.sqlite"
    CORPUS="$(peer_corpus "$P_N")" bench "$WORK/peer-half.txt" --pull "$PULL" --publish "$PUBLISH" --articles "$P_N" --rate "$P_RATE"
    stop_peer
    echo "== half load: Lede at $L_RATE articles/s ($L_N articles)"
    bench "$WORK/lede-half.txt" --articles "$L_N" --rate "$L_RATE"
    read -r _ _ PH_P50 PH_P99 _ _ < <(figures "$WORK/peer-half.txt")
    read -r _ _ LH_P50 LH_P99 _ _ < <(figures "$WORK/lede-half.txt")
fi

echo
echo "== side by side (same corpus, same load generator, same machine, one run)"
echo "   throughput is a rate, so the different article counts ($PEER_ARTICLES vs $LEDE_ARTICLES) do not bias it;"
echo "   latency at full speed is mostly queueing (everything is pushed at once): read the half-load rows for latency"
printf "   %-34s %14s %14s\n" "" "peer (Python)" "Lede"
printf "   %-34s %14s %14s\n" "articles/s" "$P_AS" "$L_AS"
printf "   %-34s %14s %14s\n" "MB of text/s" "$P_MB" "$L_MB"
printf "   %-34s %14s %14s\n" "articles pushed" "$PEER_ARTICLES" "$LEDE_ARTICLES"
printf "   %-34s %14s %14s\n" "kB of text per article" "$P_KB" "$L_KB"
printf "   %-34s %14s %14s\n" "all published" "$P_OK" "$L_OK"
printf "   %-34s %14s %14s\n" "latency p50 ms, full speed" "$P_P50" "$L_P50"
printf "   %-34s %14s %14s\n" "latency p99 ms, full speed" "$P_P99" "$L_P99"
if [ "$HALF_LOAD" = 1 ]; then
    printf "   %-34s %14s %14s\n" "latency p50 ms, half load" "$PH_P50" "$LH_P50"
    printf "   %-34s %14s %14s\n" "latency p99 ms, half load" "$PH_P99" "$LH_P99"
fi
echo "   load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 -c "print('   throughput ratio Lede / peer: %.0fx in articles/s, %.0fx in MB of text/s' % ($L_AS / $P_AS, $L_MB / $P_MB))"
