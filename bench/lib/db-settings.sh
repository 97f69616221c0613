# Shared by the benchmarks (source it): db_settings DB prints the database a figure was measured on and the settings
# that decide what it means: an SQLite file (Qedu's own WAL and synchronous=NORMAL), or PostgreSQL with its durability
# settings. The test clusters run with fsync, synchronous_commit and full_page_writes off; a bureau's server has them
# on, so a figure measured without them says so.
db_settings() {
  local db=$1
  if [[ $db != *Host=* && $db != postgres://* && $db != postgresql://* ]]; then
    echo "database: SQLite file $db (journal_mode=WAL, synchronous=NORMAL, as Qedu opens it)"
    return
  fi
  local host port user name password settings
  host=$(sed -n 's/.*Host=\([^;,]*\).*/\1/p' <<<"$db"); port=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$db")
  [[ $host == *:* ]] && { port=${host#*:}; host=${host%%:*}; }
  user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$db"); name=$(sed -n 's/.*Database=\([^;]*\).*/\1/p' <<<"$db")
  password=$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$db")
  [[ $db == postgres*://* ]] && { echo "database: PostgreSQL $db (settings not read from a URL)"; return; }
  settings=$(PGPASSWORD=$password psql -X -At -h "${host:-127.0.0.1}" -p "${port:-5432}" -U "${user:-postgres}" -d "${name:-postgres}" -c \
    "select string_agg(name || '=' || current_setting(name), ', ' order by name) from pg_settings
     where name in ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'synchronous_standby_names', 'server_version')" 2>/dev/null) \
    || settings="settings not readable"
  echo "database: PostgreSQL ${host:-127.0.0.1}:${port:-5432}/${name:-postgres} ($settings)"
  [[ $settings == *fsync=off* ]] && echo "  not durable (fsync off): a bureau's server, with fsync on, gives lower write figures"
  return 0
}
