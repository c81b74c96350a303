#!/usr/bin/env bash
# bench-ingest.sh [CORPUS] [RUNS]
# Ingests CORPUS (default ../shared/corpora) into a fresh database RUNS times (default 3) with the Release build of
# the app's own `ingest` verb, then re-runs it over the unchanged folder. Reports medians: articles per second end to
# end (read, parse, store, index), peak resident memory, database size per article, and the incremental re-run time.
# Prints one Markdown table and appends it, with the machine, to docs/benchmarks.md.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(cd "${1:-$here/../shared/corpora}" && pwd)
runs=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }

dotnet build "$here/src/NewsArchive.Web" -c Release -nologo -v q >/dev/null
app="$here/src/NewsArchive.Web/bin/Release/net10.0/NewsArchive.Web.dll"
export Serilog__MinimumLevel__Default=Warning

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# Runs one ingestion under GNU time; prints "seconds peak_kb".
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time" dotnet "$app" ingest "$corpus" --db "$1" > "$work/out" 2>&1 \
    || { cat "$work/out" >&2; exit 1; }
  cat "$work/time"
}

# Read the corpus once so every run starts from the same hot page cache.
find "$corpus" -type f -print0 | xargs -0 cat > /dev/null
: > "$work/full"; : > "$work/rerun"
for run in $(seq 1 "$runs"); do
  db="$work/run$run.db"
  measure "$db" >> "$work/full"
  measure "$db" | awk '{print $1}' >> "$work/rerun"
done
report=$(grep -E '^Done:' "$work/out" | tail -1)
articles=$(dotnet "$app" ingest "$corpus" --db "$db" | grep -oE '[0-9]+ unchanged' | grep -oE '[0-9]+')
seconds=$(awk '{print $1}' "$work/full" | median)
peak_mb=$(awk '{print $2 / 1024}' "$work/full" | median)
rerun=$(median < "$work/rerun")
db_mb=$(du -cm "$db"* | tail -1 | awk '{print $1}')
rate=$(awk -v n="$articles" -v s="$seconds" 'BEGIN {printf "%.0f", n / s}')
per_article=$(awk -v m="$db_mb" -v n="$articles" 'BEGIN {printf "%.1f", m * 1024 / n}')
files=$(find "$corpus" -type f -name '*.txt' | wc -l)

table=$(cat <<TABLE
| corpus | files | articles | runs | ingest s (median) | articles/s | peak RSS MB | DB MB | KB/article | re-run s (unchanged) |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
| $(basename "$corpus") | $files | $articles | $runs | $seconds | $rate | $(printf '%.0f' "$peak_mb") | $db_mb | $per_article | $rerun |
TABLE
)
machine="$(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(free -g | awk '/Mem:/ {print $2}') GB RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version)"
echo "$table"
echo "last run's own report (re-run): $report"
{
  echo
  echo "### Ingestion, $(date -u +%Y-%m-%d) ($(basename "$corpus"))"
  echo
  echo "Machine: $machine. Command: \`scripts/bench-ingest.sh $*\`."
  echo
  echo "$table"
} >> "$here/docs/benchmarks.md"
