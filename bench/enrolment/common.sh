# Shared by bench/enrolment-load and bench/enrolment-faults (sourced, from the repository root): a throwaway PostgreSQL
# cluster, durable (fsync and synchronous_commit on: nothing acknowledged may be lost), with the small demo city seeded;
# the web host in Release with production settings against it; and clean-up of everything, whatever happens.
# KEEP=1 keeps the work directory (logs, parents.tsv, acked.tsv) and prints where it is.

log() { printf '\n== %s\n' "$*"; }
source scripts/lib/shell.sh

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  log "installing postgresql"
  as_root apt-get update -q
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends postgresql
fi
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

work=$(mktemp -d /tmp/qedu-enrolment.XXXXXX)
chmod 755 "$work"
pg_user=$(id -un)
[[ $(id -u) -eq 0 ]] && pg_user=postgres
pg_started=
web_pid=
cleanup() {
  # The acknowledged ids and keys outlive the run (bench/results is git-ignored).
  if [[ -s "$work/run/acked.tsv" ]]; then
    mkdir -p bench/results/enrolment && cp "$work/run/acked.tsv" "bench/results/enrolment/$(basename "$0")-acked.tsv"
    echo "acknowledged ids and keys: bench/results/enrolment/$(basename "$0")-acked.tsv"
  fi
  if [[ -n "$web_pid" ]]; then kill "$web_pid" 2>/dev/null || true; wait "$web_pid" 2>/dev/null || true; fi
  if [[ -n "$pg_started" ]]; then run_pg "$pgbin/pg_ctl" -D "$work/pgdata/data" -m immediate stop >/dev/null 2>&1 || true; fi
  if [[ "${KEEP:-}" == 1 ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT INT TERM

pg_port=$(free_port)
web_port=$(free_port)
base="http://127.0.0.1:$web_port"
db="Host=127.0.0.1;Port=$pg_port;Username=$pg_user;Database=qedu_bench"
keys="$work/keys"
mkdir -p "$work/pgdata" "$keys" && chmod 700 "$keys"
[[ $(id -u) -eq 0 ]] && chown postgres "$work/pgdata"
export QEDU_KEYS="$keys" QEDU_FILES="$work/files"

# Sized for a 2-core machine with a few GB to spare, durable as production must be. Statements over 200 ms, lock waits
# and checkpoints go to the log, which the scripts summarise at the end.
pg_options="-p $pg_port -k $work/pgdata -c listen_addresses=127.0.0.1 -c max_connections=300
  -c fsync=on -c synchronous_commit=on -c full_page_writes=on
  -c shared_buffers=512MB -c effective_cache_size=2GB -c work_mem=8MB -c maintenance_work_mem=128MB
  -c wal_buffers=16MB -c max_wal_size=2GB -c checkpoint_timeout=15min -c checkpoint_completion_target=0.9
  -c log_min_duration_statement=200 -c log_lock_waits=on -c log_checkpoints=on"
pg_options=${pg_options//$'\n'/ }

start_pg() { run_pg "$pgbin/pg_ctl" -D "$work/pgdata/data" -l "$work/pgdata/pg.log" -w -t 300 -o "$pg_options" start >/dev/null; pg_started=1; }

setup_database() {
  log "PostgreSQL $(basename "$(dirname "$pgbin")") on 127.0.0.1:$pg_port (fsync, synchronous_commit and full_page_writes on)"
  run_pg "$pgbin/initdb" -D "$work/pgdata/data" -U "$pg_user" -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  start_pg
  run_pg "$pgbin/createdb" -h 127.0.0.1 -p "$pg_port" -U "$pg_user" qedu_bench

  log "build (Release)"
  dotnet build src/Qedu.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
  dotnet build src/Qedu.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
  dotnet build bench/enrolment/Qedu.Bench.Enrolment -c Release -nologo -clp:ErrorsOnly >/dev/null

  log "the small demo city (qedu seed: schema and org units)"
  dotnet src/Qedu.Cli/bin/Release/net10.0/qedu.dll seed --db "$db" | tail -1
  db_settings "$db"
}

source bench/lib/db-settings.sh

bench_tool() { dotnet bench/enrolment/Qedu.Bench.Enrolment/bin/Release/net10.0/Qedu.Bench.Enrolment.dll "$@"; }

# The web host as production runs it (Production environment, schema checked not migrated, no demo seed), with the
# same key directory the parents' cookies were minted under. Appends to web.log across restarts.
start_web() {
  ASPNETCORE_ENVIRONMENT=Production dotnet src/Qedu.Web/bin/Release/net10.0/Qedu.Web.dll \
    --urls "$base" --db "$db" --Security:RequireHttps=false --Logging:LogLevel:Default=Warning \
    --Security:KeyDirectory="$keys" --Files:StoreDirectory="$work/files" --Files:WorkDirectory="$work/work" \
    >>"$work/web.log" 2>&1 &
  web_pid=$!
}

wait_healthy() {
  until curl -fs -o /dev/null --max-time 2 "$base/health"; do
    kill -0 "$web_pid" 2>/dev/null || { echo "the web host stopped:"; tail -50 "$work/web.log"; exit 1; }
    sleep 0.1
  done
}

# A minted cookie must sign the parent in: the parents' hub answers 200 rather than sending to /parent/login.
check_cookie() {
  local cookie code
  cookie=$(head -1 "$work/run/parents.tsv" | cut -f1)
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: qedu.parent=$cookie" "$base/parent")
  if [[ $code != 200 ]]; then
    echo "a prepared parent's cookie does not sign in: GET /parent answered $code"; exit 1
  fi
  echo "a prepared parent's cookie signs in (GET /parent: 200)"
}

# From here on the logs are the load's (set-up, migrations and the seed left lines before).
mark_logs() { pg_log_from=$(stat -c %s "$work/pgdata/pg.log"); web_log_from=$(stat -c %s "$work/web.log"); }
pg_log_from=0
web_log_from=0

# What PostgreSQL and the web host complained about during the load.
summarise_logs() {
  tail -c +$((pg_log_from + 1)) "$work/pgdata/pg.log" >"$work/pg-load.log"
  tail -c +$((web_log_from + 1)) "$work/web.log" >"$work/web-load.log"
  log "PostgreSQL log during the load: statements over 200 ms, lock waits, errors (most frequent first)"
  grep -E "duration: |still waiting|ERROR|FATAL|PANIC" "$work/pg-load.log" \
    | sed -E 's/^[0-9-]+ [0-9:.]+ [A-Z]+ \[[0-9]+\] //; s/duration: [0-9.]+ ms/duration: N ms/; s/\$[0-9]+/$N/g' \
    | cut -c1-220 | sort | uniq -c | sort -rn | head -15 || true
  grep -c "duration: " "$work/pg-load.log" | sed 's/^/  statements over 200 ms: /' || true
  grep -E "checkpoint complete" "$work/pg-load.log" | tail -3 | sed -E 's/^.*checkpoint complete: /  checkpoint: /' | cut -c1-200 || true
  log "web host log during the load: warnings and errors (most frequent first)"
  grep -E "^(warn|fail|crit)|Exception" "$work/web-load.log" | cut -c1-200 | sort | uniq -c | sort -rn | head -15 || true
}
