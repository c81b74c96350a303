#!/usr/bin/env bash
# bench-load.sh [CORPUS] [SECONDS] [CONNECTIONS]
# The web app under load, as deployed: the Release build serves CORPUS (default ../shared/corpora), first ingested
# with the ingest verb (DB=/path/archive.db reuses a database of that corpus instead of a fresh one), with its own
# start-up run and watcher on. wrk (installed with apt-get when missing, as is sqlite3) drives CONNECTIONS connections
# (default 64) on 127.0.0.1 for SECONDS (default 60) over a seeded mix of reading addresses taken from the database:
# lists and filters, search, suggestions, articles, outlets, pages and API, feeds; after a 30 s warm-up. The server's resident
# memory is sampled every second. Then 15 s of the most expensive requests the limits allow, on 8 connections.
# Fails on any answer that is not a 2xx, on a socket error, on a most-expensive request slower than MAX_MS (default
# 10000: generous, as the machine may be shared), or on memory growing more than 20 % over the measured run.
# Appends the table, with the machine, to docs/benchmarks.md.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(cd "${1:-$here/../shared/corpora}" && pwd)
seconds=${2:-60}
connections=${3:-64}
max_ms=${MAX_MS:-10000}
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
work=$(mktemp -d)
pid=""
sampler=""
trap '[ -n "$sampler" ] && kill "$sampler" 2>/dev/null; [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

for tool in wrk sqlite3; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench-load.sh: installing $tool" >&2
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$tool" >/dev/null
  fi
done

# The app as deployed: published, so precompiled (ReadyToRun), with its content beside it.
dotnet publish "$here/src/NewsArchive.Web" -c Release -r linux-x64 --self-contained false -nologo -v q -o "$work/app" \
  > "$work/publish.log" || { cat "$work/publish.log" >&2; exit 1; }
app="$work/app/NewsArchive.Web.dll"
export Serilog__MinimumLevel__Default=Warning
db=${DB:-$work/archive.db}
dotnet "$app" ingest "$corpus" --db "$db" > "$work/ingest.log" || { cat "$work/ingest.log" >&2; exit 1; }
sql() { sqlite3 -readonly "$db" "$1"; }
runs_before=$(sql "SELECT count(*) FROM IngestionRuns WHERE FinishedAt IS NOT NULL")

port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
# From the published folder, so wwwroot and appsettings.json are found.
(cd "$work/app" && exec dotnet "$app" --urls "$base" --Archive:DatabasePath="$db" --Archive:CorpusPath="$corpus") > "$work/app.log" 2>&1 &
pid=$!
# Until the app's own start-up run has finished (over an unchanged folder it reads no file).
for _ in $(seq 1 600); do
  [ "$(sql "SELECT count(*) FROM IngestionRuns WHERE FinishedAt IS NOT NULL")" -gt "$runs_before" ] && break
  sleep 0.5
done
curl -sf -o /dev/null "$base/healthz" || { cat "$work/app.log" >&2; exit 1; }

# The reading mix, from what the archive holds: 20,000 addresses, the same for the same database.
sql "SELECT Id FROM Articles ORDER BY Id" > "$work/ids"
sql "SELECT Slug FROM Outlets" > "$work/outlets"
sql "SELECT term FROM ArticlesFtsVocab WHERE length(term) >= 4 AND term NOT GLOB '*[^a-z]*' ORDER BY doc DESC LIMIT 300" > "$work/words"
sql "SELECT DISTINCT substr(PublishedAt, 1, 7) FROM Articles WHERE PublishedAt IS NOT NULL" > "$work/months"
awk -v seed=20261121 -v n=20000 '
  FNR == 1 { f++ }
  f == 1 { ids[++ni] = $0; next }
  f == 2 { outlets[++no] = $0; next }
  f == 3 { words[++nw] = $0; next }
  f == 4 { months[++nm] = $0; next }
  function pick(a, size) { return a[int(rand() * size) + 1] }
  END {
    srand(seed)
    for (i = 0; i < n; i++) {
      id = pick(ids, ni); o = pick(outlets, no); w = pick(words, nw); v = pick(words, nw); m = pick(months, nm); p = int(rand() * 20) + 1
      k = int(rand() * 15)
      if (k == 0) print "/api/articles?outlet=" o "&page=" p
      else if (k == 1) print "/api/articles/" id
      else if (k == 2) print "/api/search?q=" w "+" v
      else if (k == 3) print "/api/search?q=%22" w "%20" v "%22&page=" p
      else if (k == 4) print "/api/search?q=" substr(w, 1, 3) "*+" v
      else if (k == 5) print "/api/search?q=" w "+OR+" v "&sort=newest"
      else if (k == 6) print "/?q=" w
      else if (k == 7) print "/articles/" id
      else if (k == 8) print "/?from=" m "&sort=oldest&page=" p
      else if (k == 9) print "/outlets/" o "?page=" p
      else if (k == 10) print "/search.atom?q=" w
      else if (k == 11) print "/"
      else if (k == 12) print "/outlets"
      else if (k == 13) print "/api/suggest?q=" substr(w, 1, 2 + int(rand() * 3))
      else print "/articles/" id "?q=" w
    }
  }' "$work/ids" "$work/outlets" "$work/words" "$work/months" > "$work/mix"

# The most expensive requests the limits allow: the deepest page, 32 terms, 4 short prefixes, 8 levels of
# parentheses, the widest export; each of the commonest words.
mapfile -t top < <(head -32 "$work/words")
join() { local IFS="$1"; shift; echo "$*"; }
terms32=$(join + "${top[@]}")
ors32=$(printf '%s+OR+' "${top[@]}"); ors32=${ors32%+OR+}
prefixes=$(for w in "${top[@]:0:4}"; do printf '%s*+OR+' "${w:0:3}"; done); prefixes=${prefixes%+OR+}
largest=$(sql "SELECT o.Slug FROM Articles a JOIN Outlets o ON o.Id = a.OutletId GROUP BY o.Id ORDER BY count(*) DESC LIMIT 1")
cat > "$work/worst" <<URLS
/api/articles?page=10000&pageSize=100
/api/articles?page=10000&pageSize=100&sort=oldest
/?page=10000&pageSize=100&sort=oldest
/outlets/$largest?page=10000&pageSize=100
/api/search?q=${top[0]}&page=10000&pageSize=100
/api/search?q=${top[0]}&pageSize=100
/api/search?q=$terms32
/api/search?q=$ors32&pageSize=100
/api/search?q=$prefixes&pageSize=100
/api/search?q=%28%28%28%28%28%28%28%28${top[0]}+OR+${top[1]}%29%29%29%29%29%29%29%29+${top[2]}
/?q=$ors32&pageSize=100
/search.atom?q=$ors32
/search.csv?q=${top[0]}
/search.json?q=$prefixes
URLS

: > "$work/alone"
while read -r url; do
  curl -s -o /dev/null -w "%{http_code} %{time_total} $url\n" "$base$url" >> "$work/alone"
done < "$work/worst"

rss_mb() { awk '/VmRSS/ {printf "%.0f\n", $2 / 1024}' "/proc/$pid/status"; }
result() { grep '^result ' "$1" | tr ' ' '\n' | awk -F= -v key="$2" '$1 == key {print $2}'; }
script="$here/scripts/load-mix.lua"
wrk -t 2 -c "$connections" -d 30s -s "$script" "$base" -- "$work/mix" > "$work/warmup" 2>&1
rss_start=$(rss_mb)
(while sleep 1; do rss_mb; done) > "$work/rss" 2>/dev/null &
sampler=$!
wrk -t 2 -c "$connections" -d "${seconds}s" --timeout 10s -s "$script" "$base" -- "$work/mix" > "$work/load" 2>&1
kill "$sampler"; sampler=""
rss_end=$(rss_mb)
rss_max=$(sort -n "$work/rss" | tail -1)
# Growth: the median of the last ten samples against the median of the first ten, so one GC does not decide.
first=$(head -10 "$work/rss" | sort -n | sed -n 5p)
last=$(tail -10 "$work/rss" | sort -n | sed -n 5p)
growth=$(( (last - first) * 100 / first ))
wrk -t 2 -c 8 -d 15s --timeout 30s -s "$script" "$base" -- "$work/worst" > "$work/expensive" 2>&1

articles=$(sql "SELECT count(*) FROM Articles")
row() { echo "| $1 | $2 | $(result "$3" requests) | $(result "$3" rps) | $(result "$3" p50) | $(result "$3" p90) | $(result "$3" p99) | $(result "$3" max) | $(result "$3" non2xx) | $(result "$3" socket_errors) |"; }
table=$(cat <<TABLE
| phase | connections × s | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | socket errors |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
$(row "reading mix" "$connections × $seconds" "$work/load")
$(row "most expensive" "8 × 15" "$work/expensive")
TABLE
)
alone=$(awk '{printf "| `%s` | %s | %.0f |\n", (length($3) > 90 ? substr($3, 1, 90) "…" : $3), $1, $2 * 1000}' "$work/alone")
series=$(awk 'NR % 10 == 1' "$work/rss" | paste -sd ' ')
memory="Server memory (RSS): $rss_start MB after the warm-up, $rss_end MB at the end, $rss_max MB at most; growth over the run $growth % (median of the last 10 samples against the first 10). Every 10 s: $series MB."
machine="$(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version), load average $load_before before the run and $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "$table"
echo "$memory"
echo "$alone"
{
  echo
  echo "### Load, $(date -u +%Y-%m-%d) ($(basename "$corpus"), $articles articles)"
  echo
  echo "Machine: $machine. Command: \`scripts/bench-load.sh $*\`."
  echo
  echo "$table"
  echo
  echo "$memory"
  echo
  echo "Each most expensive request alone (status, ms):"
  echo
  echo "| request | status | ms |"
  echo "|---|---:|---:|"
  echo "$alone"
} >> "$here/docs/benchmarks.md"

failed=0
for phase in load expensive; do
  if [ "$(result "$work/$phase" non2xx)" != 0 ] || [ "$(result "$work/$phase" socket_errors)" != 0 ]; then
    echo "bench-load.sh: $phase: answers that were not 2xx, or socket errors" >&2
    failed=1
  fi
done
awk -v max="$(result "$work/expensive" max)" -v bound="$max_ms" 'BEGIN {exit !(max > bound)}' \
  && { echo "bench-load.sh: the slowest expensive request took $(result "$work/expensive" max) ms, over $max_ms ms" >&2; failed=1; }
[ "$growth" -gt 20 ] && { echo "bench-load.sh: memory grew $growth % over the run" >&2; failed=1; }
exit "$failed"
