#!/usr/bin/env bash
# bench-pages.sh [CORPUS] [REQUESTS]
# Ingests CORPUS (default ../shared/corpora) into a fresh database with the Release build, serves it (no background
# ingestion, no watcher), warms each page, then times REQUESTS sequential requests per page (default 20) with curl and
# reports the median and 90th percentile in milliseconds. APP=/path/to/NewsArchive.Web.dll measures another build
# (e.g. an older commit's) over the same kind of database; LABEL names the run in the table.
# Prints one Markdown table and appends it, with the machine, to docs/benchmarks.md.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(cd "${1:-$here/../shared/corpora}" && pwd)
requests=${2:-20}
label=${LABEL:-$(git -C "$here" rev-parse --short HEAD)}
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
command -v sqlite3 >/dev/null || { echo "needs sqlite3: apt-get install -y sqlite3" >&2; exit 1; }

if [ -z "${APP:-}" ]; then
  dotnet build "$here/src/NewsArchive.Web" -c Release -nologo -v q >/dev/null
  APP="$here/src/NewsArchive.Web/bin/Release/net10.0/NewsArchive.Web.dll"
fi
export Serilog__MinimumLevel__Default=Warning
db="$work/archive.db"
dotnet "$APP" ingest "$corpus" --db "$db" > "$work/ingest.log"

# A corpus folder that does not exist: the app serves the database as it is; it writes only the record of that failed run.
port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
# From the web project's folder, as under dotnet run, so wwwroot is found (asp-append-version reads the files).
(cd "$(dirname "$APP")/../../.." && exec dotnet "$APP" --urls "$base" --Archive:DatabasePath="$db" \
  --Archive:CorpusPath="$work/no-corpus" --Archive:WatchCorpus=false) > "$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -sf -o /dev/null "$base/" && break; sleep 0.2; done
curl -sf -o /dev/null "$base/" || { cat "$work/app.log" >&2; exit 1; }

largest=$(sqlite3 "$db" "SELECT o.Slug FROM Articles a JOIN Outlets o ON o.Id = a.OutletId GROUP BY o.Id ORDER BY count(*) DESC LIMIT 1")
article=$(sqlite3 "$db" "SELECT max(Id) FROM Articles")
pages=("/" "/outlets" "/outlets/$largest" "/outlets/$largest?page=100" "/articles/$article" "/api/articles"
  "/compare?q=iran&q=iraq&q=syria" "/api/compare?q=iran&q=iraq&q=syria")

median_p90() { sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f %.1f\n", m, a[int(NR * 0.9 + 0.5)]}'; }
rows=""
for page in "${pages[@]}"; do
  for _ in 1 2 3 4 5; do curl -s -o /dev/null "$base$page"; done
  : > "$work/times"
  for _ in $(seq 1 "$requests"); do
    curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' "$base$page" >> "$work/times"
  done
  status=$(tail -1 "$work/times" | awk '{print $1}')
  bytes=$(tail -1 "$work/times" | awk '{print $2}')
  read -r median p90 < <(awk '{print $3 * 1000}' "$work/times" | median_p90)
  rows+="| $label | \`$page\` | $status | $bytes | $median | $p90 |"$'\n'
done

articles=$(sqlite3 "$db" "SELECT count(*) FROM Articles")
table=$(cat <<TABLE
| build | page | status | bytes | median ms | p90 ms |
|---|---|---:|---:|---:|---:|
${rows%$'\n'}
TABLE
)
machine="$(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version)"
echo "$table"
{
  echo
  echo "### Pages, $(date -u +%Y-%m-%d) ($(basename "$corpus"), $articles articles, $label)"
  echo
  echo "Machine: $machine. Command: \`scripts/bench-pages.sh $*\`, $requests requests per page after 5 to warm up."
  echo
  echo "$table"
} >> "$here/docs/benchmarks.md"
