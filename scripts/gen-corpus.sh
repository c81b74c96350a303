#!/usr/bin/env bash
# gen-corpus.sh N OUT [SEED]
# Writes N synthetic article files to OUT (a new or empty folder) with the Release build of src/NewsArchive.CorpusGen,
# made from the real articles of ../shared/corpora in the house styles of seeds/ and the corpora, and the ground
# truth beside them in OUT/_truth.tsv (cluster, duplicate or republication, outlet, date of every file).
# Same N, SEED (default 42) and corpora: the same bytes.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 2 ] || { echo "usage: scripts/gen-corpus.sh N OUT [SEED]" >&2; exit 2; }

dotnet build "$here/src/NewsArchive.CorpusGen" -c Release -nologo -v q >/dev/null
exec dotnet "$here/src/NewsArchive.CorpusGen/bin/Release/net10.0/NewsArchive.CorpusGen.dll" \
  --count "$1" --out "$2" --seed "${3:-42}" --source "$here/../shared/corpora"
