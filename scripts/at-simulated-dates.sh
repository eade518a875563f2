#!/usr/bin/env bash
# The date-sensitive tests at simulated dates, under Debian's libfaketime (apt-get install faketime).
# Every process of a run (jest, the API with its embedded PGlite, Chromium) reads the same faked
# clock: real time shifted so that the run starts at the given instant (an offset, not a start time,
# so a process started later agrees with the ones before it). The instants are the calendar's edges
# in China time (UTC+8): the first minutes of a month, the last minute of a month and of a year, and
# an ordinary morning before 10:00. Usage: scripts/at-simulated-dates.sh ["YYYY-MM-DD HH:MM:SS" (UTC) ...]
set -euo pipefail
cd "$(dirname "$0")/.."
LIB=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -1)
[ -n "$LIB" ] || { echo "libfaketime is missing: apt-get install -y faketime" >&2; exit 1; }
AT=("$@")
if [ ${#AT[@]} -eq 0 ]; then
  AT=(
    "2027-02-28 16:05:00"   # 2027-03-01 00:05 China: a month's first minutes, after a short February
    "2027-04-30 15:59:00"   # 2027-04-30 23:59 China: a month's last minute
    "2026-12-31 15:59:00"   # 2026-12-31 23:59 China: the year's last minute
    "2027-06-15 00:30:00"   # 2027-06-15 08:30 China: an ordinary morning
  )
fi
# The seed's calendar and what it wrote, the statements, aging and overdue training, on the embedded database.
# statement.test.ts, training-gate.test.ts and training-assignment.test.ts were split out of finance.test.ts
# and training.test.ts, and read the clock as those did.
API_TESTS=(
  src/db/seed/
  src/modules/finance/finance.test.ts src/modules/finance/statement.test.ts src/modules/finance/aging.test.ts
  src/modules/training/training.test.ts src/modules/training/training-gate.test.ts
  src/modules/training/training-assignment.test.ts
)
# Each run starts at the instant itself, the API tests and then the browser test each with an offset
# taken just before it: taken once, the API tests' minute under load carried the browser test's API
# start across the last minute's boundary (its global setup refuses a seed month it cannot name).
faked() {
  local at=$1
  shift
  local offset=$(( $(date -ud "$at" +%s) - $(date +%s) ))
  # a signed offset: the instants lie ahead of today now, and behind it later
  TZ=UTC FAKETIME="$(printf '%+d' "$offset")" LD_PRELOAD="$LIB" "$@"
}
for at in "${AT[@]}"; do
  echo "--- at $at UTC (China $(date -ud "$at 8 hours" '+%F %H:%M'))"
  faked "$at" node -e "console.log('    the clock reads', new Date().toISOString())"
  (cd api && DATABASE_URL='' NODE_OPTIONS=--experimental-vm-modules faked "$at" npx jest "${API_TESTS[@]}")
  faked "$at" pnpm exec jest -c e2e/jest.config.cjs e2e/portal-statements.e2e.ts
done
