#!/usr/bin/env bash
# Runs every test: parser and importer units, HTTP integration tests against a real SQLite file,
# and end-to-end tests in headless Chromium. Installs what a fresh machine lacks (Debian's Chromium).
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "test.sh: installing Debian's chromium for the browser tests" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  # Wait for another apt run (an unattended upgrade, a parallel job) rather than fail on its lock.
  apt_wait="-o DPkg::Lock::Timeout=600"
  $sudo_cmd apt-get $apt_wait update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get $apt_wait install -y -qq chromium >/dev/null
fi

if [ ! -d ../shared/corpora ]; then
  echo "test.sh: ../shared/corpora is missing; the corpus tests need it beside the repository (see README)." >&2
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test NewsArchive.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line over all test projects.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
exit "$status"
