#!/usr/bin/env bash
# bench.sh [CORPUS] [LABEL]
# The archive's benchmark on one corpus (default ../shared/corpora), all in one run, with the Release build:
#   ingestion: RUNS times into a fresh database with the app's own `ingest` verb (articles per second end to end, peak
#     resident memory, database size per article), then once more over the unchanged folder;
#   serving: the app on that database on 127.0.0.1 (startup to first response, memory), the query set
#     scripts/bench-queries.txt through GET /api/search with one client (median per query, p50/p95/p99 over queries)
#     and with 16 and 64 concurrent connections from wrk (requests per second, p50/p95/p99 over requests), page times;
#     then the one-client run again with the match cache off, which is what the first asker of each query waits;
#   bare FTS5: the same queries, compiled as the app compiles them, on the index's two bare statements;
#   anchors: ../shared/anchors (Lucene 8.7 and its own bare FTS5) indexing the same files and timing the same 40 queries.
# Prints one Markdown table with the ratios and appends it, with the machine, to docs/benchmarks.md; per-query
# figures go to stdout only.
# env: RUNS ingestion runs (3), QUERY_RUNS timed runs per query (20), LOAD_SECONDS per concurrency level (15).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(cd "${1:-$here/../shared/corpora}" && pwd)
label=${2:-$(basename "$corpus")}
runs=${RUNS:-3}
query_runs=${QUERY_RUNS:-20}
load_seconds=${LOAD_SECONDS:-15}
queries="$here/scripts/bench-queries.txt"
anchors_src="$here/../shared/anchors"
work=$(mktemp -d)
app_pid=""
stop_app() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; fi; }
trap 'stop_app; rm -rf "$work"' EXIT
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }
for tool in curl wrk; do command -v $tool >/dev/null || { echo "needs $tool: apt-get install -y $tool" >&2; exit 1; }; done
[ -f /usr/share/java/lucene-core-8.7.0.jar ] && command -v javac >/dev/null \
  || { echo "the anchors need Lucene 8.7 and a JDK: apt-get install -y liblucene8-java default-jdk-headless" >&2; exit 1; }
# The anchors time their own copy of the first 40 queries: both files must say the same.
diff <(grep -v '^#' "$queries" | grep -v '^$' | head -40 | cut -f1) <(grep -v '^#' "$anchors_src/queries.txt" | grep -v '^$') >/dev/null \
  || { echo "the first 40 queries of $queries differ from $anchors_src/queries.txt" >&2; exit 1; }

# The app as deployed: published, so precompiled (ReadyToRun), with its content beside it.
dotnet publish "$here/src/NewsArchive.Web" -c Release -r linux-x64 --self-contained false -nologo -v q -o "$work/app" \
  > "$work/publish.log" || { cat "$work/publish.log" >&2; exit 1; }
dotnet build "$here/src/NewsArchive.Bench" -c Release -nologo -v q >/dev/null
app="$work/app/NewsArchive.Web.dll"
bench="$here/src/NewsArchive.Bench/bin/Release/net10.0/NewsArchive.Bench.dll"
export Serilog__MinimumLevel__Default=Warning

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# Nearest-rank percentile P (0-1) of the numbers on stdin, as the bench tool and the anchors compute it.
pct() { sort -g | awk -v p="$1" '{a[NR]=$1} END {r=p*NR; r=(r==int(r))?r:int(r)+1; print a[r<1?1:r]}'; }
# A key=value field of the summary line of the bench tool ("summary: ...") or of load-mix.lua under wrk ("result ...").
field() { grep -E '^(summary:|result) ' "$1" | grep -oE " $2=[^ ]+" | head -1 | cut -d= -f2; }
ms() { printf '%.2f' "$1"; }
rss_mb() { awk -v k="$1:" '$1 == k {printf "%.0f", $2 / 1024}' "/proc/$app_pid/status"; }
warm_corpus() { find "$corpus" -type f -print0 | xargs -0 cat > /dev/null; }

# --- Ingestion: RUNS fresh databases (the last one is served), then the re-run over the unchanged folder.
# Runs one ingestion under GNU time; prints "seconds peak_kb".
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" dotnet "$app" ingest "$corpus" --db "$1" > "$work/out" 2>&1 \
    || { cat "$work/out" >&2; exit 1; }
  cat "$work/time"
}
warm_corpus
: > "$work/full"; : > "$work/rerun"
for run in $(seq 1 "$runs"); do
  rm -f "$work"/archive.db*
  db="$work/archive.db"
  echo "ingest run $run/$runs" >&2
  measure "$db" >> "$work/full"
  measure "$db" | awk '{print $1}' >> "$work/rerun"
done
articles=$(grep -oE '[0-9]+ unchanged' "$work/out" | grep -oE '[0-9]+')
files=$(find "$corpus" -type f -name '*.txt' | wc -l)
ingest_s=$(awk '{print $1}' "$work/full" | median)
ingest_rate=$(awk -v n="$articles" -v s="$ingest_s" 'BEGIN {printf "%.0f", n / s}')
ingest_peak=$(awk '{print $2 / 1024}' "$work/full" | median)
rerun_s=$(median < "$work/rerun")
db_mb=$(du -cm "$db"* | tail -1 | awk '{print $1}')
kb_per_article=$(awk -v m="$db_mb" -v n="$articles" 'BEGIN {printf "%.1f", m * 1024 / n}')

# --- Serving: the app reads the database; a corpus folder that does not exist means no scan and no watcher.
# Port 0 lets the kernel pick a free port: the machine may run other copies of the app.
# start_app [ARG...]: the Release app on a free port with extra configuration; sets app_pid and url.
start_app() {
  (cd "$work/app" && exec dotnet "$app" --urls http://127.0.0.1:0 --Archive:DatabasePath="$db" \
    --Archive:CorpusPath="$work/no-corpus" --Archive:WatchCorpus=false "$@" > "$work/app.log" 2>&1) &
  app_pid=$!
  url=""
  until [ -n "$url" ] && curl -fs -o /dev/null "$url/"; do
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
    url=$(grep -oE 'Now listening on: http://[0-9.:]+' "$work/app.log" | awk '{print $4}' || true)
    sleep 0.01
  done
}
echo "serving" >&2
started=$(date +%s%N)
start_app
startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))
rss_idle=$(rss_mb VmRSS)

dotnet "$bench" http "$url" "$queries" --runs "$query_runs" --out "$work/api.tsv" | tee "$work/api.out"
rss_single=$(rss_mb VmRSS)
# wrk, not a .NET client: on 2 cores the load generator takes CPU from the app, and wrk takes the least.
dotnet "$bench" paths "$queries" > "$work/paths"
for clients in 16 64; do
  threads=$(( $(nproc) < clients ? $(nproc) : clients ))
  wrk -t"$threads" -c"$clients" -d"${load_seconds}s" --timeout 30s -s "$here/scripts/load-mix.lua" "$url" -- "$work/paths" \
    | tee "$work/load$clients.out"
done
rss_load=$(rss_mb VmRSS)
rss_peak=$(rss_mb VmHWM)
# A reader's path: the home page, a search, the first hit.
article=$(curl -fs "$url/api/search?q=government&pageSize=1" | grep -oE '"id":[0-9]+' | head -1 | cut -d: -f2)
pages=("/" "/search?q=government" "/articles/$article")
for page in "${pages[@]}"; do
  dotnet "$bench" pages "$url" "$page" --runs "$query_runs" --warmup 3 | tee "$work/page.out"
  field "$work/page.out" median_ms >> "$work/pages"
done
stop_app
# The same queries with the match cache off: every run scans, as the first asker of a query does.
start_app --Search:CacheMegabytes=0
dotnet "$bench" http "$url" "$queries" --runs "$query_runs" --out "$work/api-cold.tsv" | tee "$work/api-cold.out"
stop_app

# --- Bare FTS5: the same expressions on the same index, with nothing else running.
dotnet "$bench" fts "$db" "$queries" --runs "$query_runs" --out "$work/fts.tsv" | tee "$work/fts.out"

# --- Anchors on the same files: a writable copy, so that their build and results stay out of the shared folder.
echo "anchors" >&2
anchors="$work/anchors"
cp -r "$anchors_src" "$anchors" && chmod -R u+w "$anchors"
"$anchors/lucene/build.sh" >/dev/null
dotnet build "$anchors/fts5" -c Release -nologo -v q >/dev/null 2>&1
classpath=$(cat "$anchors/lucene/classes/classpath.txt")
java_opts="-Xms2g -Xmx2g -XX:+UseParallelGC" # as run-all.sh: G1 is slower and unstable on this kind of VM
fts5_anchor="$anchors/fts5/bin/Release/net10.0/Fts5Anchor.dll"
warm_corpus
java $java_opts -cp "$classpath" Index "$corpus" "$work/lucene" "$work/lucene-index.json"
java $java_opts -cp "$classpath" Search "$work/lucene" "$anchors/queries.txt" "$work/lucene.jsonl" > "$work/lucene.out"
warm_corpus
dotnet "$fts5_anchor" index "$corpus" "$work/fts5-anchor.db" "$work/fts5-anchor-index.json"
dotnet "$fts5_anchor" search "$work/fts5-anchor.db" "$anchors/queries.txt" "$work/fts5-anchor.jsonl" > "$work/fts5-anchor.out"

# --- Figures over the 40 anchor queries, in milliseconds, per engine.
anchor_ms() { grep -v '"summary"' "$1" | grep -oE '"median_us":[0-9.]+' | cut -d: -f2 | awk '{print $1 / 1000}'; }
first40() { awk -F'\t' 'NR > 1 && NR <= 41 {print $2}' "$1"; }
first40 "$work/api.tsv" > "$work/api40"
first40 "$work/api-cold.tsv" > "$work/cold40"
first40 "$work/fts.tsv" > "$work/fts40"
anchor_ms "$work/lucene.jsonl" > "$work/lucene40"
anchor_ms "$work/fts5-anchor.jsonl" > "$work/anchor40"
raw() { pct "$2" < "$work/$1"; }
p() { ms "$(raw "$@")"; }
index_rate() { grep -oE '"docs_per_s": ?[0-9.]+' "$1" | grep -oE '[0-9.]+$'; }
index_s() { grep -oE '"seconds": ?[0-9.]+' "$1" | grep -oE '[0-9.]+$'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a / b}'; }
lucene_rate=$(index_rate "$work/lucene-index.json")
anchor_rate=$(index_rate "$work/fts5-anchor-index.json")
load_row() {
  local f="$work/load$1.out"
  echo "| API, $1 connections (wrk, ${load_seconds} s): req/s; p50 / p95 / p99 ms; non-2xx + socket errors | $(field "$f" rps); $(ms "$(field "$f" p50)") / $(ms "$(field "$f" p95)") / $(ms "$(field "$f" p99)"); $(( $(field "$f" non2xx) + $(field "$f" socket_errors) )) |"
}
api_queries=$(field "$work/api.out" queries)
fts_queries=$(field "$work/fts.out" queries)

echo
echo "per query, ms (median of $query_runs runs): API, the app's own tookMs, API cache off, bare FTS5, anchor FTS5, Lucene"
paste <(awk -F'\t' 'NR > 1 && NR <= 41 {print $1 "\t" $2 "\t" $3}' "$work/api.tsv") "$work/cold40" "$work/fts40" "$work/anchor40" "$work/lucene40" \
  <(awk -F'\t' 'NR > 1 && NR <= 41 {print $6}' "$work/api.tsv") \
  | awk -F'\t' '{printf "%3d %9.2f %9.2f %9.2f %9.2f %9.2f %9.3f  %s\n", $1, $2, $3, $4, $5, $6, $7, $8}'

table=$(cat <<TABLE
| measure | value |
|---|---:|
| corpus: files, articles | $files, $articles |
| ingestion, median of $runs: s, articles/s | $ingest_s, $ingest_rate |
| ingestion: peak RSS MB | $(printf '%.0f' "$ingest_peak") |
| database: MB, KB per article | $db_mb, $kb_per_article |
| re-run over the unchanged folder: s | $rerun_s |
| startup to first response (existing database): ms | $startup_ms |
| API, 1 client, $api_queries queries: p50 / p95 / p99 ms | $(ms "$(field "$work/api.out" p50_ms)") / $(ms "$(field "$work/api.out" p95_ms)") / $(ms "$(field "$work/api.out" p99_ms)") |
| same, the app's own tookMs: p50 / p95 / p99 ms | $(ms "$(field "$work/api.out" app_p50_ms)") / $(ms "$(field "$work/api.out" app_p95_ms)") / $(ms "$(field "$work/api.out" app_p99_ms)") |
| API, 1 client, match cache off (every run scans): p50 / p95 / p99 ms | $(ms "$(field "$work/api-cold.out" p50_ms)") / $(ms "$(field "$work/api-cold.out" p95_ms)") / $(ms "$(field "$work/api-cold.out" p99_ms)") |
$(load_row 16)
$(load_row 64)
| pages, median: home / search / article ms | $(ms "$(sed -n 1p "$work/pages")") / $(ms "$(sed -n 2p "$work/pages")") / $(ms "$(sed -n 3p "$work/pages")") |
| server RSS: idle / after 1 client / after load / peak MB | $rss_idle / $rss_single / $rss_load / $rss_peak |
| bare FTS5, $fts_queries queries: p50 / p95 / p99 ms | $(ms "$(field "$work/fts.out" p50_ms)") / $(ms "$(field "$work/fts.out" p95_ms)") / $(ms "$(field "$work/fts.out" p99_ms)") |
| 40 anchor queries, p50 ms: API / API cache off / bare FTS5 / anchor FTS5 / Lucene 8.7 | $(p api40 0.5) / $(p cold40 0.5) / $(p fts40 0.5) / $(p anchor40 0.5) / $(p lucene40 0.5) |
| 40 anchor queries, p99 ms: API / API cache off / bare FTS5 / anchor FTS5 / Lucene 8.7 | $(p api40 0.99) / $(p cold40 0.99) / $(p fts40 0.99) / $(p anchor40 0.99) / $(p lucene40 0.99) |
| anchors' indexing, same files: Lucene s, docs/s; FTS5 s, docs/s | $(index_s "$work/lucene-index.json"), $(printf '%.0f' "$lucene_rate"); $(index_s "$work/fts5-anchor-index.json"), $(printf '%.0f' "$anchor_rate") |
| **API p50 ÷ bare FTS5 p50** (40 anchor queries): cache on; off | **$(ratio "$(raw api40 0.5)" "$(raw fts40 0.5)"); $(ratio "$(raw cold40 0.5)" "$(raw fts40 0.5)")** |
| **API p50 ÷ Lucene p50**: cache on; off | **$(ratio "$(raw api40 0.5)" "$(raw lucene40 0.5)"); $(ratio "$(raw cold40 0.5)" "$(raw lucene40 0.5)")** |
| **API p99 ÷ Lucene p99**: cache on; off | **$(ratio "$(raw api40 0.99)" "$(raw lucene40 0.99)"); $(ratio "$(raw cold40 0.99)" "$(raw lucene40 0.99)")** |
| **Lucene docs/s ÷ ingestion articles/s** | **$(ratio "$lucene_rate" "$ingest_rate")** |
TABLE
)
machine="$(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version)"
echo
echo "$table"
{
  echo
  echo "### Search and serving, $(date -u +%Y-%m-%d) ($label)"
  echo
  echo "Machine: $machine; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end. Commit $(git -C "$here" rev-parse --short HEAD)."
  echo "Command: \`scripts/bench.sh${*:+ $*}\`."
  echo
  echo "$table"
} >> "$here/docs/benchmarks.md"
