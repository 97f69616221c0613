# Shared by the benchmarks that go through the real web host (source it after setting db, port and work):
#   start_web_host      builds the web host and the command line, migrates DB, starts the host on PORT and waits for it;
#   sign_in ACCOUNT     signs in through the login form (a demo account, the demo password);
#   measure ACCOUNT URL [TEXT]  checks the answer is a 200 (holding TEXT if given), then REQUESTS times after a warm-up:
#                       median and 90th percentile of the time as curl sees it.
# Administrators sign in with a password alone here (production asks them for a second factor too, which a script
# cannot give). The keys outside the database are where the command line that seeded it put them (QEDU_KEYS, else the
# checkout's src/Qedu.Web/App_Data/keys; an SQLite file keeps them beside it, which the web host finds by itself).

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
p90() { sort -n | awk '{a[NR]=$1} END {i=int(NR*0.9); if (i<1) i=1; print a[i]}'; }

start_web_host() {
  dotnet build src/Qedu.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
  dotnet build src/Qedu.Cli -c Release -nologo -clp:ErrorsOnly >/dev/null
  # Production asks for schema changes to be explicit: bring the database up to this checkout's schema first.
  dotnet src/Qedu.Cli/bin/Release/net10.0/qedu.dll db migrate --db "$db" >/dev/null
  local keys=()
  [[ -n ${QEDU_KEYS:-} ]] && keys=(--Security:KeyDirectory "$QEDU_KEYS")
  [[ -z ${QEDU_KEYS:-} && $db != *.db ]] && keys=(--Security:KeyDirectory "$PWD/src/Qedu.Web/App_Data/keys")
  ASPNETCORE_ENVIRONMENT=Production dotnet src/Qedu.Web/bin/Release/net10.0/Qedu.Web.dll "${keys[@]}" \
    --urls "http://127.0.0.1:$port" --db "$db" --Security:RequireHttps=false --Logging:LogLevel:Default=Warning \
    --Security:TwoFactor:Required:CityAdmin=false --Security:TwoFactor:Required:DistrictAdmin=false \
    --Security:TwoFactor:Required:SchoolAdmin=false >"$work/web.log" 2>&1 &
  web_pid=$!
  base="http://127.0.0.1:$port"
  until curl -fs -o /dev/null "$base/health"; do kill -0 $web_pid 2>/dev/null || { cat "$work/web.log"; exit 1; }; sleep 0.2; done
}

# Sign in through the login form, as a browser does: its antiforgery token and cookie, then the posted form.
source scripts/lib/shell.sh
sign_in() {
  login_form "$base" "$work/$1.jar" "$1"
  curl -fs -b "$work/$1.jar" "$base/api/me" | grep -q "\"kind\":\"User\"" || { echo "could not sign in as $1"; exit 1; }
}

measure() { # account url [text]
  local jar="$work/$1.jar" status
  status=$(curl -s -o "$work/answer" -w '%{http_code}' -b "$jar" "$base$2")
  [[ $status == 200 ]] || { echo "GET $2 as $1 answered $status"; exit 1; }
  [[ -z ${3:-} ]] || grep -q -- "$3" "$work/answer" || { echo "GET $2 as $1: no '$3' in the answer"; exit 1; }
  for i in 1 2 3; do curl -fs -o /dev/null -b "$jar" "$base$2"; done  # warm-up
  for i in $(seq 1 "$requests"); do curl -fs -o /dev/null -w '%{time_total}\n' -b "$jar" "$base$2"; done > "$work/times"
  printf '  %-14s GET %-42s median %6.1f ms, p90 %6.1f ms\n' "$1" "$2" \
    "$(median < "$work/times" | awk '{print $1*1000}')" "$(p90 < "$work/times" | awk '{print $1*1000}')"
}
