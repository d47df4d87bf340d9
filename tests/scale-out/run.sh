#!/usr/bin/env bash
# Two ThiDua instances on one PostgreSQL behind nginx (issue 14; docs/operations.md, "Running several instances").
#
#   THIDUA_TEST_POSTGRES="Host=localhost;Port=55432;Username=postgres" tests/scale-out/run.sh
#
# Needs: a build of src/ThiDua.Web (Debug; CONFIGURATION=Release to use that one), bash, curl, python3, psql, nginx,
# openssl. Creates a throwaway database, starts instance A (migrations and seeds), writes through it, restarts it
# beside instance B (both at once, both running their background services) and nginx in front, then checks that any
# instance serves what another one did. One PASS/FAIL line per check; exits 1 if any failed. Everything it started
# is stopped and the database dropped on exit.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

# The cohort check needs the CohortComputations table (results computed once, ADR 025): its absence is a failure
# (export SCALEOUT_REQUIRE_COHORTS=0 to run this script against an older schema).
require_cohorts=${SCALEOUT_REQUIRE_COHORTS:-1}

port_a=${SCALEOUT_PORT_A:-5101}
port_b=${SCALEOUT_PORT_B:-5102}
proxy_http=8088
proxy_https=8443
configuration=${CONFIGURATION:-Debug}
dll="$root/src/ThiDua.Web/bin/$configuration/net10.0/ThiDua.Web.dll"
[[ -f "$dll" ]] || { echo "FAIL: $dll not found; build first (dotnet build ThiDua.slnx)"; exit 1; }
for tool in curl psql nginx openssl python3; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed"; exit 1; }
done

# Host, port, user (and password) of the test server, from the same variable the integration tests read.
pg=${THIDUA_TEST_POSTGRES:-"Host=localhost;Port=55432;Username=postgres"}
pg_part() { tr ';' '\n' <<<"$pg" | awk -F= -v k="$1" 'tolower($1)==tolower(k) {sub(/^[^=]*=/, ""); print; exit}'; }
export PGHOST=$(pg_part Host) PGPORT=$(pg_part Port) PGUSER=$(pg_part Username)
pgpassword=$(pg_part Password)
[[ -n "$pgpassword" ]] && export PGPASSWORD=$pgpassword
database="thidua_scaleout_$$"
connection="Host=$PGHOST;Port=${PGPORT:-5432};Username=$PGUSER${pgpassword:+;Password=$pgpassword};Database=$database"

work=$(mktemp -d /tmp/thidua-scaleout.XXXXXX)
chmod 755 "$work"   # nginx's workers (nobody, when started as root) write their temporary files here
pids=()
failures=0
started=$(date +%s)

cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
    dropdb --if-exists --force "$database" 2>/dev/null || dropdb --if-exists "$database" 2>/dev/null
    if (( failures > 0 )); then
        echo "== Logs kept in $work"
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
die() { echo "FAIL: $*"; failures=$((failures + 1)); exit 1; }
sql() { psql -d "$database" -XAtq -v ON_ERROR_STOP=1 -c "$1"; }

# One app instance, as a server runs it: Storage in the database, the proxy trusted, its own log file.
start_instance() {
    local name=$1 port=$2
    (
        cd "$root/src/ThiDua.Web"
        ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
        Database__Provider=Postgres ConnectionStrings__Postgres="$connection" \
        Storage__Kind=Database Seed__DemoData=true \
        ReverseProxy__KnownProxies__0=127.0.0.1 \
        RateLimits__SignInsPerAddressPerMinute=4 \
        Logging__LogLevel__Default=Information \
        exec dotnet "$dll" >>"$work/$name.log" 2>&1
    ) &
    pids+=($!)
    eval "pid_$name=$!"
}

# A first start migrates and seeds the demo data: well under a minute on an idle machine, more on a busy CI runner.
start_seconds=${SCALEOUT_START_SECONDS:-300}
wait_healthy() {
    local name=$1 port=$2 deadline=$(( $(date +%s) + start_seconds ))
    until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do
        if (( $(date +%s) > deadline )); then
            [[ -f "$work/$name.log" ]] && tail -n 40 "$work/$name.log"
            die "$name did not answer /healthz in $start_seconds s"
        fi
        sleep 0.5
    done
}

token() {   # token <base url> <user> → a bearer token
    curl -fsS -k "$1/api/v1/auth/token" -H 'Content-Type: application/json' \
        -d "{\"userName\":\"$2\",\"password\":\"ThiDua@2026\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])'
}

a="http://127.0.0.1:$port_a"
b="http://127.0.0.1:$port_b"
proxy="http://127.0.0.1:$proxy_http"
proxy_tls="https://127.0.0.1:$proxy_https"

echo "== Database $database on $PGHOST:${PGPORT:-5432}; work directory $work"
createdb "$database" || die "cannot create database $database"

echo "== Instance A alone: migrations and seeds"
start_instance a "$port_a"
wait_healthy a "$port_a"
echo "== A ready ($(( $(date +%s) - started )) s)"

# A movement whose annual report deadline passed three days ago (Vietnam time): every unit that has not reported
# is due an overdue notice now, whatever day CI runs (the window is 30 days, across a new year too). Written through A.
today=$(TZ=Asia/Ho_Chi_Minh date +%F)
deadline=$(date -d "$today -3 days" +%m-%d)
[[ "$deadline" == "12-15" ]] && deadline=$(date -d "$today -4 days" +%m-%d)   # not the seeded movement's day
code="SCALEOUT-$$"
token_before=$(token "$a" thuongtruc) || die "no token from instance A"
movement=$(cat <<JSON
{"code":"$code","name":"Phong trào kiểm tra chạy nhiều máy chủ","startDate":"$(date -d "$today -300 days" +%F)",
 "endDate":"$(date -d "$today +300 days" +%F)","reportDeadline":"$deadline","consolidatedDeadline":"$deadline"}
JSON
)
status=$(curl -sS -o "$work/movement.json" -w '%{http_code}' "$a/api/v1/movements" -H "Authorization: Bearer $token_before" \
    -H 'Content-Type: application/json' -d "$movement")
[[ "$status" == 201 ]] || die "creating the movement on A answered $status: $(cat "$work/movement.json")"

echo "== A restarted beside B (both run the reminder and results services from their start), nginx in front"
kill "$pid_a"; wait "$pid_a" 2>/dev/null
start_instance a "$port_a"
start_instance b "$port_b"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout "$work/proxy.key" -out "$work/proxy.crt" 2>/dev/null
cp "$root/tests/scale-out/nginx.conf" "$work/nginx.conf"
nginx -p "$work" -c "$work/nginx.conf" 2>>"$work/nginx.stderr" &
pids+=($!)
wait_healthy a "$port_a"
wait_healthy b "$port_b"
wait_healthy nginx "$proxy_http"
echo "== Both instances answer ($(( $(date +%s) - started )) s so far)"

# --- Sign-in on one instance, valid on the other (Data Protection keys in the database) ---
jar="$work/cookies.txt"
form=$(curl -fsS -c "$jar" "$a/dang-nhap")
antiforgery=$(sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' <<<"$form" | head -n 1)
status=$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar" -c "$jar" "$a/dang-nhap" \
    --data-urlencode "Input.UserName=admin" --data-urlencode "Input.Password=ThiDua@2026" \
    --data-urlencode "__RequestVerificationToken=$antiforgery")
page=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar" "$b/thong-bao")
anonymous=$(curl -sS -o /dev/null -w '%{http_code}' "$b/thong-bao")
if [[ -n "$antiforgery" && "$status" == 302 && "$page" == "200 " && "$anonymous" == 302 ]] && grep -q thidua.auth "$jar"; then
    pass "cookie sign-in through A's form (302) opens /thong-bao on B (200; signed out: $anonymous)"
else
    fail "cookie sign-in on A → B: form token ${antiforgery:+found}, sign-in $status, /thong-bao on B: $page, signed out: $anonymous"
fi

token_a=$(token "$a" thuongtruc)
status=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token_a" "$b/api/v1/movements/$code")
status_before=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token_before" "$b/api/v1/movements/$code")
status_none=$(curl -sS -o /dev/null -w '%{http_code}' "$b/api/v1/movements/$code")
if [[ "$status" == 200 && "$status_before" == 200 && "$status_none" == 401 ]]; then
    pass "bearer token from A accepted by B (200), also one A issued before its restart (200); without a token 401"
else
    fail "bearer token from A on B: $status, issued before A's restart: $status_before, without: $status_none"
fi

# --- A write on one instance is read on the other ---
name_b=$(curl -fsS -H "Authorization: Bearer $token_a" "$b/api/v1/movements/$code" | python3 -c 'import json,sys; print(json.load(sys.stdin)["name"])')
status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$a/api/v1/movements/$code/milestones" -H "Authorization: Bearer $token_a" \
    -H 'Content-Type: application/json' -d "{\"code\":\"M1\",\"title\":\"Mốc kiểm tra\",\"dueDate\":\"$(date -d "$today +30 days" +%F)\"}")
seen_b=$(curl -fsS -H "Authorization: Bearer $token_a" "$b/api/v1/movements/$code" | grep -c 'Mốc kiểm tra')
seen_proxy=0
for _ in 1 2; do   # round robin: one of the two requests is answered by each instance
    seen_proxy=$(( seen_proxy + $(curl -fsS -H "Authorization: Bearer $token_a" "$proxy/api/v1/movements/$code" | grep -c 'Mốc kiểm tra') ))
done
if [[ "$name_b" == "Phong trào kiểm tra chạy nhiều máy chủ" && "$status" =~ ^20 && "$seen_b" == 1 && "$seen_proxy" == 2 ]]; then
    pass "movement created on A and milestone added on A ($status) are read on B and twice through nginx"
else
    fail "write on A, read elsewhere: movement name on B '$name_b', milestone on A $status, seen on B $seen_b, through nginx $seen_proxy/2"
fi

# --- A file uploaded through one instance downloads through the other (Storage__Kind=Database) ---
python3 - "$work/upload.pdf" <<'PY'
import os, sys
with open(sys.argv[1], "wb") as f:
    f.write(b"%PDF-1.4\n% " + os.urandom(200_000).hex().encode() + b"\n%%EOF\n")
PY
uploaded=$(curl -fsS "$a/api/v1/files" -H "Authorization: Bearer $token_a" -F "file=@$work/upload.pdf;type=application/pdf")
file_id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["id"])' "$uploaded" 2>/dev/null)
curl -fsS -o "$work/download.pdf" -H "Authorization: Bearer $token_a" "$b/api/v1/files/$file_id"
sent=$(sha256sum <"$work/upload.pdf" | cut -d' ' -f1)
got=$(sha256sum <"$work/download.pdf" 2>/dev/null | cut -d' ' -f1)
if [[ -n "$file_id" && "$sent" == "$got" ]]; then
    pass "file uploaded through A ($(stat -c %s "$work/upload.pdf") bytes) downloads through B with the same SHA-256 ${sent:0:16}…"
else
    fail "upload through A ($uploaded) → download through B: sha256 $sent vs ${got:-nothing}"
fi

# --- Each reminder sent once although both instances run the reminder service ---
# Both ran their first round at start; wait until the claims stop growing (at most 60 s).
key_like="report:$code:%"
previous=-1
for _ in $(seq 1 60); do
    claims=$(sql "SELECT COUNT(*) FROM \"SentReminders\" WHERE \"DeadlineKey\" LIKE '$key_like'")
    if (( claims > 0 && claims == previous )); then break; fi
    previous=$claims
    sleep 1
done
sql "SELECT \"DeadlineKey\", \"UnitId\", \"DaysBefore\", \"Sent\" FROM \"SentReminders\" WHERE \"DeadlineKey\" LIKE '$key_like'" >"$work/reminders.txt"
sent_count=$(sql "SELECT COUNT(*) FROM \"SentReminders\" WHERE \"DeadlineKey\" LIKE '$key_like' AND \"Sent\"")
twice=$(sql "SELECT COUNT(*) FROM (SELECT 1 FROM \"SentReminders\" GROUP BY \"DeadlineKey\", \"UnitId\", \"DaysBefore\" HAVING COUNT(*) > 1) d")
# The notice names the unit and this movement's deadline day, so (user, title, body) is one notice.
deadline_text=$(date -d "$(date -d "$today -3 days" +%Y)-$deadline" +%d/%m/%Y 2>/dev/null)
notices=$(sql "SELECT COUNT(*) FROM \"Notifications\" WHERE \"Title\" LIKE 'Quá hạn báo cáo%' AND \"Body\" LIKE '%$deadline_text%'")
duplicates=$(sql "SELECT COUNT(*) FROM (SELECT 1 FROM \"Notifications\" WHERE \"Body\" LIKE '%$deadline_text%' GROUP BY \"UserId\", \"Title\", \"Body\" HAVING COUNT(*) > 1) d")
ran_a=$(grep -cE 'Sent [0-9]+ deadline reminders|claimed by another run' "$work/a.log")
ran_b=$(grep -cE 'Sent [0-9]+ deadline reminders|claimed by another run' "$work/b.log")
sent_a=$(grep -oE 'Sent [0-9]+ deadline reminders' "$work/a.log" | awk '{s+=$2} END {print s+0}')
sent_b=$(grep -oE 'Sent [0-9]+ deadline reminders' "$work/b.log" | awk '{s+=$2} END {print s+0}')
if (( sent_count > 0 && notices > 0 && twice == 0 && duplicates == 0 )); then
    pass "reminders: $sent_count units reminded once ($notices notices to users, no (user, notice) twice; A sent $sent_a, B sent $sent_b)"
else
    fail "reminders: $sent_count sent claims, $twice claims twice, $notices notices, $duplicates (user, notice) twice; A sent $sent_a, B sent $sent_b"
fi

# --- The results background service computes each cohort once (helper B's CohortComputations) ---
if [[ "$(sql "SELECT to_regclass('\"CohortComputations\"') IS NOT NULL")" == t ]]; then
    # A new unit changes the inputs of every framework's cohort (unit names and codes are in the rows): both
    # instances' background services then see every cohort stale at once and race to recompute it.
    frameworks=$(sql 'SELECT COUNT(*) FROM "Frameworks"')
    before=$(sql 'SELECT COUNT(*) FROM "CohortComputations" WHERE "FinishedAt" IS NOT NULL')
    token_admin=$(token "$a" admin)
    status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$a/api/v1/units" -H "Authorization: Bearer $token_admin" \
        -H 'Content-Type: application/json' \
        -d '{"code":"SCALEOUT-XA","name":"Xã Thử Nghiệm Hai Máy","type":"commune","parentCode":"QN-22","validFrom":"2026-07-01"}')
    [[ "$status" == 201 ]] || fail "cohorts: creating a unit through A answered $status"
    for _ in $(seq 1 60); do
        [[ "$(sql 'SELECT COUNT(*) FROM "CohortComputations" WHERE "FinishedAt" IS NOT NULL')" -ge $((before + frameworks)) ]] && break
        sleep 1
    done
    after=$(sql 'SELECT COUNT(*) FROM "CohortComputations" WHERE "FinishedAt" IS NOT NULL')
    (( after >= before + frameworks )) || fail "cohorts: after the new unit $((after - before)) of $frameworks cohorts recomputed within 60 s"
    rows=$(sql 'SELECT COUNT(*) FROM "CohortComputations"')
    twice=$(sql 'SELECT COUNT(*) FROM (SELECT 1 FROM "CohortComputations" GROUP BY "FrameworkId", "InputsKey" HAVING COUNT(*) > 1) d')
    by_instance=""
    if [[ "$(sql "SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'CohortComputations' AND column_name = 'Instance'")" == 1 ]]; then
        by_instance=$(sql "SELECT string_agg(\"Instance\" || ': ' || n, ', ') FROM (SELECT \"Instance\", COUNT(*) AS n FROM \"CohortComputations\" GROUP BY 1) i")
    fi
    if (( rows > 0 && twice == 0 )); then
        pass "cohorts: $rows computations, none of (framework, inputs) twice (${by_instance:-no Instance column})"
    else
        fail "cohorts: $rows computations, $twice (framework, inputs) computed twice (${by_instance})"
    fi
elif (( require_cohorts )); then
    fail "cohorts: table CohortComputations not present"
else
    echo "SKIP (table not present): cohorts computed once (CohortComputations)"
fi

# --- nginx: both instances serve, the client's address and scheme are believed from the proxy ---
for _ in 1 2 3 4 5 6; do curl -fsS -o /dev/null "$proxy/healthz"; done
upstreams=$(grep -o 'upstream=[0-9.:]*' "$work/access.log" | sort | uniq -c | tr -s ' ' | tr '\n' ';')
if grep -q "upstream=127.0.0.1:$port_a" "$work/access.log" && grep -q "upstream=127.0.0.1:$port_b" "$work/access.log"; then
    pass "nginx spreads requests over both instances ($upstreams)"
else
    fail "nginx did not reach both instances: $upstreams"
fi

# X-Forwarded-Proto: over nginx's TLS the app sees https and marks its cookies Secure; directly over http it does not.
secure_tls=$(curl -sS -k -o /dev/null -D - "$proxy_tls/dang-nhap" | grep -i '^set-cookie:' | grep -ci 'secure')
secure_plain=$(curl -sS -o /dev/null -D - "$a/dang-nhap" | grep -i '^set-cookie:' | grep -ci 'secure')
if (( secure_tls > 0 && secure_plain == 0 )); then
    pass "X-Forwarded-Proto believed: cookies Secure through nginx's https, not over plain http to an instance"
else
    fail "X-Forwarded-Proto: Secure cookies through https $secure_tls, over plain http $secure_plain"
fi

# X-Forwarded-For: sign-in attempts are limited per client address (4 a minute per instance here). Ten attempts
# from 127.0.0.2 through nginx exhaust that address on both instances; one from 127.0.0.3 still passes. If the app
# took nginx's own address (127.0.0.1) for the client, 127.0.0.3 would be refused too.
limited=0
for i in $(seq 1 10); do
    status=$(curl -sS -o /dev/null -w '%{http_code}' --interface 127.0.0.2 "$proxy/api/v1/auth/token" \
        -H 'Content-Type: application/json' -d "{\"userName\":\"khongco$i\",\"password\":\"sai-mat-khau\"}")
    [[ "$status" == 429 ]] && limited=$((limited + 1))
done
other=$(curl -sS -o /dev/null -w '%{http_code}' --interface 127.0.0.3 "$proxy/api/v1/auth/token" \
    -H 'Content-Type: application/json' -d '{"userName":"khongco","password":"sai-mat-khau"}')
if (( limited > 0 )) && [[ "$other" == 401 ]]; then
    pass "X-Forwarded-For believed: 127.0.0.2 limited ($limited × 429), 127.0.0.3 through the same proxy not (401)"
else
    fail "X-Forwarded-For: 127.0.0.2 got $limited × 429, 127.0.0.3 got $other"
fi

echo "== $(( $(date +%s) - started )) s; $failures failed"
(( failures == 0 ))
