#!/usr/bin/env bash
# API load test on the national dataset (issue 14): see docs/performance.md, "National dataset and API load".
set -euo pipefail

usage() {
  cat <<'TEXT'
Usage: bench/load/run.sh [sqlite] [postgres]

Builds ThiDua.Web in Release once, then for each database: a fresh database, `seed-national --units N`, the app
started with Production settings, and wrk at C connections for D seconds on /healthz (the floor), the public results
(500 rows a page), a unit's public page, the staff results API, explain, the rewards search with q, and concurrent
self-assessment saves (one writer per connection, 300 values each). Then it times a publication of the national
framework and a CSV import dry run of every unit × 300 values, checks that no save was lost, prints one table and
writes it to bench/load/results/<db>-<date>.md.

Environment:
  THIDUA_LOAD_POSTGRES   Npgsql connection string of a server (its Database is ignored: a database
                         thidua_load_<pid> is created for the run and dropped after). Without it only sqlite runs.
  THIDUA_LOAD_UNITS      commune-level units (default 3321)
  THIDUA_LOAD_DURATION   seconds per measurement (default 15)
  THIDUA_LOAD_CONNECTIONS connections = writers (default 32; at most 32 writers are seeded)
  THIDUA_LOAD_PORT       port of the app (default 5391)
  THIDUA_LOAD_KEEP       set to keep the work folder (logs, wrk output, the CSV) after the run
  THIDUA_LOAD_APP        an already published ThiDua.Web (dotnet publish -c Release -o DIR): no build
Needs: dotnet, wrk, curl, jq, python3 (the read-back check), psql (for postgres).
TEXT
}

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then usage; exit 0; fi

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
LOAD_DIR="$ROOT/bench/load"
UNITS=${THIDUA_LOAD_UNITS:-3321}
DURATION=${THIDUA_LOAD_DURATION:-15}
CONNECTIONS=${THIDUA_LOAD_CONNECTIONS:-32}
PORT=${THIDUA_LOAD_PORT:-5391}
BASE="http://127.0.0.1:$PORT"
PASSWORD='ThiDua@2026'
FRAMEWORK=QG-XA-2026
DRAFTS=QG-XA-2027
WORK=$(mktemp -d /tmp/thidua-load.XXXXXX)
APP_PID=""
PG_DB=""

if [[ $# -gt 0 ]]; then DBS=("$@"); elif [[ -n "${THIDUA_LOAD_POSTGRES:-}" ]]; then DBS=(sqlite postgres); else DBS=(sqlite); fi

for tool in dotnet wrk curl jq python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 1; }
done

pg_admin() {  # psql on the server's postgres database
  local cs="$THIDUA_LOAD_POSTGRES" host port user pass
  host=$(sed -nE 's/.*Host=([^;]+).*/\1/ip' <<<"$cs"); port=$(sed -nE 's/.*Port=([^;]+).*/\1/ip' <<<"$cs")
  user=$(sed -nE 's/.*Username=([^;]+).*/\1/ip' <<<"$cs"); pass=$(sed -nE 's/.*Password=([^;]+).*/\1/ip' <<<"$cs")
  PGPASSWORD="$pass" psql -q -h "${host:-localhost}" -p "${port:-5432}" -U "${user:-postgres}" -d postgres -v ON_ERROR_STOP=1 -c "$1"
}

cleanup() {
  if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; fi
  if [[ -n "$PG_DB" ]]; then pg_admin "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" || true; PG_DB=""; fi
}
trap 'cleanup; [[ -n "${THIDUA_LOAD_KEEP:-}" ]] && echo "(work files kept in $WORK)" || rm -rf "$WORK"' EXIT

APP="${THIDUA_LOAD_APP:-$WORK/app}"
if [[ -z "${THIDUA_LOAD_APP:-}" ]]; then
  echo "== Building ThiDua.Web (Release) into $APP"
  dotnet publish "$ROOT/src/ThiDua.Web" -c Release -o "$APP" -v q -nologo >/dev/null
fi

token() {
  curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"userName\":\"$1\",\"password\":\"$PASSWORD\"}" | jq -r .accessToken
}

# Requests that wrk gave up on may still be computed by the app: wait until it is idle (under 10 % of a core for
# two seconds, at most 2 minutes) so that one measurement does not slow the next.
wait_idle() {
  local ticks=$(getconf CLK_TCK) before after quiet=0
  for _ in $(seq 1 120); do
    before=$(awk '{print $14 + $15}' "/proc/$APP_PID/stat")
    sleep 1
    after=$(awk '{print $14 + $15}' "/proc/$APP_PID/stat")
    if (( (after - before) * 10 < ticks )); then quiet=$((quiet + 1)); else quiet=0; fi
    (( quiet >= 2 )) && return 0
  done
}

# wrk on a list of paths; prints report.lua's JSON line.
measure() {  # name, paths file, [extra wrk args…]
  local name=$1 paths=$2; shift 2
  wait_idle
  echo "   $name" >&2
  LOAD_DIR="$LOAD_DIR" LOAD_PATHS="$paths" wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" --timeout 10s --latency \
    -s "$LOAD_DIR/paths.lua" "$@" "$BASE" | tail -n 1
}

run_db() {
  local db=$1 dir="$WORK/$1" results=()
  mkdir -p "$dir"
  # A national CSV (3,321 × 300 rows) is about 31 MB: the import has its own limit (Assessment:ImportMaxBytes, 64 MB),
  # so the general upload limits stay as in production.
  # The deadline reminders are off: their first round at national scale keeps the app busy for minutes after start
  # (docs/performance.md) and would be measured with every endpoint.
  export ASPNETCORE_ENVIRONMENT=Production THIDUA_ADMIN_PASSWORD="$PASSWORD" Storage__Path="$dir/files" \
    Logging__LogLevel__Default=Warning Signing__Kind=Development Signing__DevelopmentCertificatePath="$dir/signer.pfx" \
    RateLimits__SignInsPerAddressPerMinute=100000 Reminders__Enabled=false
  if [[ "$db" == postgres ]]; then
    [[ -n "${THIDUA_LOAD_POSTGRES:-}" ]] || { echo "run.sh: set THIDUA_LOAD_POSTGRES for postgres" >&2; return 1; }
    PG_DB="thidua_load_$$"
    pg_admin "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)"
    pg_admin "CREATE DATABASE $PG_DB"
    export Database__Provider=Postgres ConnectionStrings__Postgres="$(sed -E 's/(^|;)Database=[^;]*//I' <<<"$THIDUA_LOAD_POSTGRES");Database=$PG_DB"
  else
    export Database__Provider=Sqlite ConnectionStrings__Sqlite="Data Source=$dir/thidua.db"
  fi

  echo "== $db: seed-national --units $UNITS"
  local seed_start seed_s
  seed_start=$(date +%s.%N)
  (cd "$APP" && env 'Logging__LogLevel__Microsoft.EntityFrameworkCore=Error' dotnet ThiDua.Web.dll seed-national --units "$UNITS") | tee "$dir/seed.log" | grep -v '^\[' || true
  seed_s=$(echo "$(date +%s.%N) - $seed_start" | bc)
  local seed_publish
  seed_publish=$(sed -nE 's/^Published .* in ([0-9.]+) s.*/\1/p' "$dir/seed.log")
  [[ -n "$seed_publish" ]] || { echo "run.sh: seed-national failed" >&2; return 1; }

  echo "== $db: starting the app on $BASE"
  (cd "$APP" && exec dotnet ThiDua.Web.dll --urls "$BASE") >"$dir/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 1; done
  curl -sf "$BASE/healthz" >/dev/null || { echo "run.sh: the app did not start; see $dir/app.log" >&2; tail -20 "$dir/app.log" >&2; return 1; }

  local staff
  staff=$(token qg.thuongtruc)
  # Writers: token, own draft of the next year's framework, unit.
  : >"$dir/writers.txt"
  for i in $(seq 1 "$CONNECTIONS"); do
    local user t row
    user=$(printf 'qg.baocao%02d' "$i")
    t=$(token "$user")
    row=$(curl -sf "$BASE/api/v1/assessments?frameworkCode=$DRAFTS" -H "Authorization: Bearer $t" | jq -r '.items[0] | "\(.id) \(.unitCode)"')
    echo "$t $row" >>"$dir/writers.txt"
  done
  curl -sf "$BASE/api/v1/frameworks/$DRAFTS" -H "Authorization: Bearer $staff" \
    | jq -r '.groups[] | recurse(.children[]?) | .indicators[]? | "\(.code) \(.rule.kind) \(.maxPoints)"' >"$dir/indicators.txt"
  # Every unit of the published ranking, page by page (500 a page once the open API pages; all at once before).
  : >"$dir/units.txt"
  for page in $(seq 1 40); do
    local got
    got=$(curl -sf "$BASE/api/open/v1/results?frameworkCode=$FRAMEWORK&pageSize=500&page=$page" | jq -r '.items[].unitCode' | tee -a "$dir/units.txt" | wc -l)
    [[ "$got" -ge 500 ]] || break
    [[ $(sort -u "$dir/units.txt" | wc -l) -lt $(wc -l <"$dir/units.txt") ]] && { sort -u -o "$dir/units.txt" "$dir/units.txt"; break; }
  done
  local unit_count; unit_count=$(wc -l <"$dir/units.txt")
  echo "   $unit_count units, $(wc -l <"$dir/indicators.txt") indicators, $(wc -l <"$dir/writers.txt") writers"

  echo "/healthz" >"$dir/p-health.txt"
  echo "/api/open/v1/results?frameworkCode=$FRAMEWORK&pageSize=500" >"$dir/p-open.txt"
  head -n 200 "$dir/units.txt" | sed "s|^|/cong-khai/don-vi/|" >"$dir/p-unitpage.txt"
  echo "/api/v1/results?frameworkCode=$FRAMEWORK&pageSize=500" >"$dir/p-staff.txt"
  head -n 200 "$dir/units.txt" | sed "s|^\(.*\)$|/api/v1/results/$FRAMEWORK/\1/explain|" >"$dir/p-explain.txt"
  printf '%s\n' "/api/v1/rewards?q=ha%20noi" "/api/v1/rewards?q=phuong" "/api/v1/rewards?q=xa%20thanh%20hoa" "/api/v1/rewards?q=dak%20lak" >"$dir/p-rewards.txt"

  while read -r t id unit; do  # the drafts before the saves: what a writer whose every save was cut off still has
    curl -sf "$BASE/api/v1/assessments/$id" -H "Authorization: Bearer $staff" | jq -c '[.values[] | [.indicatorCode, .value]]' >"$dir/before-$id.json"
  done <"$dir/writers.txt"

  echo "== $db: wrk, $CONNECTIONS connections, ${DURATION} s each"
  local auth=(-H "Authorization: Bearer $staff")
  {
    echo "healthz|GET /healthz (floor)|$(measure healthz "$dir/p-health.txt")"
    echo "open|GET /api/open/v1/results?pageSize=500 (public)|$(measure open "$dir/p-open.txt")"
    echo "unitpage|GET /cong-khai/don-vi/{unit} (public unit page)|$(measure unitpage "$dir/p-unitpage.txt")"
    echo "staff|GET /api/v1/results?pageSize=500 (staff)|$(measure staff "$dir/p-staff.txt" "${auth[@]}")"
    echo "explain|GET /api/v1/results/{fw}/{unit}/explain|$(measure explain "$dir/p-explain.txt" "${auth[@]}")"
    echo "rewards|GET /api/v1/rewards?q=…|$(measure rewards "$dir/p-rewards.txt" "${auth[@]}")"
    wait_idle
    echo "   saves" >&2
    echo "saves|PUT /api/v1/assessments/{id}/values (32 writers × 300 values)|$(LOAD_DIR="$LOAD_DIR" LOAD_WRITERS="$dir/writers.txt" \
      LOAD_INDICATORS="$dir/indicators.txt" LOAD_WRITES="$dir/writes.txt" \
      wrk -t "$CONNECTIONS" -c "$CONNECTIONS" -d "${DURATION}s" --timeout 10s --latency -s "$LOAD_DIR/save.lua" "$BASE" | tail -n 1)"
  } >"$dir/wrk.txt"

  wait_idle  # a save still in flight when wrk stopped may land now
  echo "== $db: reading the drafts back"
  : >"$dir/readback.txt"
  while read -r t id unit; do
    curl -sf "$BASE/api/v1/assessments/$id" -H "Authorization: Bearer $staff" | jq -c '[.values[] | [.indicatorCode, .value]]' >"$dir/readback-$id.json"
  done <"$dir/writers.txt"
  local check
  check=$(python3 - "$dir" <<'PY'
import json, sys, os
d = sys.argv[1]
inds = [l.split() for l in open(os.path.join(d, "indicators.txt")) if l.strip()]
def value(kind, mx, n, v):
    k = v + n
    if kind == "boolean": return k % 2 == 0
    if kind in ("ratio", "index"): return round((k % 101) / 100, 2)
    if kind == "steps": return k % 25
    if kind == "goalposts": return k % 101
    if kind == "choice": return "ABC"[k % 3]
    return (k % int(float(mx) * 2 + 1)) / 2
def same(a, b):
    return a == b if isinstance(b, (bool, str)) or isinstance(a, (bool, str)) else abs(float(a) - float(b)) < 1e-9
bad, lost, failed, writers = 0, 0, 0, 0
for line in open(os.path.join(d, "writes.txt")):
    wid, unit, last_ok, sent, fails = line.split()
    writers += 1; failed += int(fails)
    got = dict((c, v) for c, v in json.load(open(os.path.join(d, f"readback-{wid}.json"))))
    # The draft holds the last variant answered 200 or one sent after it (timed out, or in flight when wrk stopped:
    # the app may still have saved it); with no save answered, possibly still the values it had before.
    first = max(int(last_ok), 1)
    ok = any(all(same(got.get(c), value(k, m, n + 1, v)) for n, (c, k, m) in enumerate(inds)) for v in range(first, int(sent) + 1))
    if not ok and int(last_ok) < 1:
        ok = got == dict((c, v) for c, v in json.load(open(os.path.join(d, f"before-{wid}.json"))))
    if not ok: lost += 1
print(f"{writers} writers, {failed} failed saves, {lost} drafts not equal to their last save")
PY
)
  echo "   $check"

  echo "== $db: publishing $FRAMEWORK again (timed)"
  wait_idle
  local publish_s publish_code
  read -r publish_code publish_s < <(curl -s -o "$dir/publish.json" -w '%{http_code} %{time_total}\n' -X POST \
    "$BASE/api/v1/frameworks/$FRAMEWORK/publish" "${auth[@]}" -H 'Content-Type: application/json' -d '{}')

  echo "== $db: CSV import dry run, $unit_count units × $(wc -l <"$dir/indicators.txt") values"
  python3 - "$dir" "$DRAFTS" <<'PY'
import sys, os
d, fw = sys.argv[1], sys.argv[2]
inds = [l.split() for l in open(os.path.join(d, "indicators.txt")) if l.strip()]
text = {"boolean": lambda n: "có" if n % 2 else "không", "ratio": lambda n: f"{n % 101} %", "index": lambda n: f"0.{n % 100:02d}",
        "steps": lambda n: str(n % 25), "goalposts": lambda n: str(n % 101), "choice": lambda n: "ABC"[n % 3]}
with open(os.path.join(d, "import.csv"), "w", encoding="utf-8") as out:
    out.write("frameworkCode,unitCode,indicatorCode,value\n")
    for u, unit in enumerate(l.strip() for l in open(os.path.join(d, "units.txt")) if l.strip()):
        for n, (code, kind, mx) in enumerate(inds):
            out.write(f"{fw},{unit},{code},{text.get(kind, lambda n: str((n % int(float(mx) * 2 + 1)) / 2))(n + u)}\n")
PY
  local import_code import_s
  wait_idle
  read -r import_code import_s < <(curl -s -o "$dir/import.json" -w '%{http_code} %{time_total}\n' -X POST \
    "$BASE/api/v1/assessments/import?dryRun=true" "${auth[@]}" -H 'Content-Type: text/csv' --data-binary "@$dir/import.csv")
  local import_summary
  import_summary=$(jq -r '"\(.rows // .totalRows // "?") rows, \(.valid // .validRows // "?") valid, \(.errors | length) errors"' "$dir/import.json" 2>/dev/null || echo "?")

  local out="$LOAD_DIR/results/$db-$(date -u +%Y-%m-%d).md"
  {
    echo "### $db — $(date -u '+%Y-%m-%d %H:%M') UTC"
    echo
    echo "$UNITS communes × 300 indicators; $CONNECTIONS connections, ${DURATION} s each; $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); seed-national took $(printf '%.0f' "$seed_s") s."
    echo
    echo "| Measurement | req/s | p50 ms | p95 ms | p99 ms | errors | KB/response |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    while IFS='|' read -r key label json; do
      jq -r --arg name "$label" '"| \($name) | \(.rps) | \(.p50_ms) | \(.p95_ms) | \(.p99_ms) | \(.errors) | \(if .requests > 0 then (.bytes / .requests / 1024 * 10 | round / 10) else 0 end) |"' <<<"$json"
    done <"$dir/wrk.txt"
    echo
    echo "- Saves read back: $check."
    echo "- Publish $FRAMEWORK ($unit_count units): ${seed_publish} s in seed-national (in process); HTTP $publish_code in ${publish_s} s through the API (goal ≤ 2 s)."
    echo "- CSV import dry run ($(($(wc -l <"$dir/import.csv") - 1)) rows, $(du -k "$dir/import.csv" | cut -f1) KB): HTTP $import_code in ${import_s} s — $import_summary (goal ≤ 30 s)."
    local h o
    h=$(grep '^healthz|' "$dir/wrk.txt" | cut -d'|' -f3 | jq .rps); o=$(grep '^open|' "$dir/wrk.txt" | cut -d'|' -f3 | jq .rps)
    echo "- Public results at $(python3 -c "print(f'{100*$o/$h:.1f}')") % of /healthz's requests per second (goal ≥ 25 %)."
  } | tee "$out"
  echo "(written to $out)"
  cleanup
}

for db in "${DBS[@]}"; do run_db "$db"; done
