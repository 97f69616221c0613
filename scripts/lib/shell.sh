# Shell helpers shared by scripts/ and bench/ (source it from the repository root: `source scripts/lib/shell.sh`).
#   as_root CMD…            CMD as root (sudo when not root already: package installs)
#   run_pg CMD…             a PostgreSQL server program as the postgres user when we are root (initdb refuses root)
#   port_free PORT          whether nothing listens on 127.0.0.1:PORT
#   free_port               a free port on 127.0.0.1 between 20000 and 50000
#   seconds_since START     seconds since START (from `date +%s.%N`), one decimal
#   token_of                the antiforgery token in the page on standard input
#   login_form BASE JAR USER   signs USER in through BASE's login form with the demo password, cookies in JAR

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
run_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$((20000 + RANDOM % 30000)); while ! port_free "$p"; do p=$((20000 + RANDOM % 30000)); done; echo "$p"; }
seconds_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
token_of() { grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)"/\1/'; }
login_form() {
  local token
  token=$(curl -fs -c "$2" -b "$2" "$1/login" | token_of)
  curl -s -o /dev/null -b "$2" -c "$2" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "_handler=login" \
    --data-urlencode "Input.UserName=$3" --data-urlencode "Input.Password=Zhanqiao#2026" "$1/login"
}
