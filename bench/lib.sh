# shellcheck shell=bash
# Shared by bench/api, bench/renditions and bench/media (sourced, not run): building, installing the peers, and
# starting servers that are always stopped on exit, failure or Ctrl-C. Set BENCH_KEEP=1 to keep the temp folder.

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench_dll="$bench_root/artifacts/bench/VehicleImages.Benchmarks.dll"
cli_dll="$bench_root/artifacts/cli/vehicle-images.dll"
bench_pids=()
bench_tmp=""

bench_cleanup() {
  local pid
  for pid in "${bench_pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${bench_pids[@]}"; do
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [[ -n "$bench_tmp" && -d "$bench_tmp" ]]; then
    if [[ -n "${BENCH_KEEP:-}" ]]; then
      echo "bench: kept $bench_tmp" >&2
    else
      rm -rf "$bench_tmp"
    fi
  fi
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

bench_say() { echo "bench: $*" >&2; }

# bench_need COMMAND PACKAGE [COMMAND PACKAGE ...]: installs the Debian packages whose command is missing.
bench_need() {
  local missing=()
  while (($# >= 2)); do
    command -v "$1" >/dev/null 2>&1 || missing+=("$2")
    shift 2
  done
  ((${#missing[@]})) || return 0
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      echo "bench: missing ${missing[*]}; install with: sudo apt-get install ${missing[*]}" >&2
      return 1
    fi
  fi
  bench_say "installing ${missing[*]} ..."
  # apt must not start the system nginx service: the benchmark runs its own nginx on a loopback port.
  local policy=false status=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee /usr/sbin/policy-rc.d >/dev/null
    "${sudo[@]}" chmod 755 /usr/sbin/policy-rc.d
    policy=true
  fi
  { "${sudo[@]}" apt-get update -qq && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >/dev/null || status=$?
  if $policy; then
    "${sudo[@]}" rm -f /usr/sbin/policy-rc.d
  fi
  return "$status"
}

# Builds the CLI (through ./vehicle-images, which rebuilds only when sources changed) and the benchmark project.
# BENCH_NO_BUILD=1 uses the binaries already in artifacts/ (e.g. while someone's half-made change breaks the build).
bench_build() {
  if [[ -n "${BENCH_NO_BUILD:-}" ]]; then
    [[ -f "$cli_dll" && -f "$bench_dll" ]] || { echo "bench: BENCH_NO_BUILD is set but artifacts/cli or artifacts/bench is missing" >&2; return 1; }
    bench_say "BENCH_NO_BUILD: using artifacts/cli ($(date -u -r "$cli_dll" '+%Y-%m-%d %H:%M') UTC) and artifacts/bench as built"
    return 0
  fi
  "$bench_root/vehicle-images" --help >/dev/null
  dotnet build "$bench_root/bench/VehicleImages.Benchmarks" -c Release --nologo -v quiet -clp:ErrorsOnly -o "$bench_root/artifacts/bench" >&2
}

# Installs sharp for bench/renditions from the committed lock file, when node_modules is missing or older.
bench_sharp() {
  bench_need node nodejs npm npm
  local dir="$bench_root/bench/sharp"
  if [[ ! -d "$dir/node_modules/sharp" || "$dir/package-lock.json" -nt "$dir/node_modules" ]]; then
    bench_say "installing sharp (bench/sharp, npm ci) ..."
    (cd "$dir" && npm ci --silent --no-audit --no-fund)
    touch "$dir/node_modules"
  fi
}

# bench_tempdir NAME: the run's temp folder (deleted on exit).
bench_tempdir() {
  bench_tmp="$(mktemp -d "${TMPDIR:-/tmp}/vi-bench-$1.XXXXXX")"
}

# A free loopback port (probed; servers are started right after choosing one). Below the kernel's ephemeral range
# (32768 and up), where a port can be taken by an outgoing connection that a probe cannot see.
bench_port() {
  local port
  for _ in $(seq 200); do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "bench: no free port found" >&2
  return 1
}

# bench_start NAME URL_TO_POLL COMMAND...: starts a server in the background (log in the temp folder), records its
# PID for cleanup in bench_started_pid, and waits until URL_TO_POLL answers.
bench_start() {
  local name="$1" url="$2"
  shift 2
  "$@" >"$bench_tmp/$name.log" 2>&1 &
  bench_started_pid=$!
  bench_pids+=("$bench_started_pid")
  for _ in $(seq 600); do
    if curl -s -o /dev/null --max-time 2 "$url"; then
      bench_say "$name is up (pid $bench_started_pid)"
      return 0
    fi
    if ! kill -0 "$bench_started_pid" 2>/dev/null; then
      echo "bench: $name exited before answering; its log:" >&2
      cat "$bench_tmp/$name.log" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "bench: $name did not answer $url within 60 s; its log:" >&2
  cat "$bench_tmp/$name.log" >&2
  return 1
}

# CPU pinning for the wrk benchmarks (2 cores: servers on CPU 0, wrk on CPU 1), so the client never takes the
# server's core and every server under test gets the same single core. BENCH_PIN=0 turns it off (then both float).
bench_pin_setup() {
  bench_server_pin=() bench_client_cpus="" bench_server_cpus="$(nproc)"
  if [[ "${BENCH_PIN:-1}" != 0 ]] && (($(nproc) >= 2)) && command -v taskset >/dev/null 2>&1; then
    bench_server_pin=(taskset -c 0) bench_client_cpus=1 bench_server_cpus=1
  fi
}
bench_server_pin=() bench_client_cpus="" bench_server_cpus="$(nproc)"

# A plan no benchmark load can reach, so throughput benchmarks measure the key check, limiter and meter, never a 429.
bench_plan_env=(
  VEHICLE_IMAGES_Access__Plans__bench__RequestsPerSecond=1000000000
  VEHICLE_IMAGES_Access__Plans__bench__Burst=1000000000
  VEHICLE_IMAGES_Access__Plans__bench__MonthlyQuota=0
)

# bench_key DATA: a new API key on the bench plan, printed.
bench_key() {
  env "${bench_plan_env[@]}" dotnet "$cli_dll" keys create --name bench --plan bench --data "$1" 2>/dev/null
}

# bench_serve NAME DATA PORT [ENV=VALUE ...]: our server, started with the real CLI, the run's signing key and the
# bench plan (pinned when bench_pin_setup chose to).
bench_serve() {
  local name="$1" data="$2" port="$3"
  shift 3
  bench_start "$name" "http://127.0.0.1:$port/healthz" \
    "${bench_server_pin[@]}" env VEHICLE_IMAGES_Media__SigningKeys__0="$bench_signing_key" "${bench_plan_env[@]}" "$@" \
    dotnet "$cli_dll" serve --data "$data" --urls "http://127.0.0.1:$port" --no-demo --no-vin-setup
}

# Pinning line for the report.
bench_pin_note() {
  if [[ -n "$bench_client_cpus" ]]; then
    echo "Servers pinned to CPU 0 (taskset -c 0), wrk to CPU $bench_client_cpus; BENCH_PIN=0 lets both float."
  else
    echo "No CPU pinning."
  fi
}

# bench_ingest DATA CORPUS: the corpus into a data folder with the real CLI (every file; labels defaulted).
bench_ingest() {
  bench_say "ingesting $2 into $1 ..."
  dotnet "$cli_dll" ingest "$2/manifest.csv" --data "$1" --make Bench --model Corpus --json >"$bench_tmp/ingest.json" 2>"$bench_tmp/ingest.log"
  grep -E '"(items|ingested|rejected)"' "$bench_tmp/ingest.json" | tr -d ' ,\n' >&2
  echo >&2
}

# Machine and date line for the report.
bench_header() {
  echo "$(date -u '+%Y-%m-%d %H:%M') UTC on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ {v=$2} END {print v}'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

bench_footer() {
  echo
  echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg). Rounds wait (up to BENCH_QUIET_WAIT=${BENCH_QUIET_WAIT:-60} s) for the machine to be idle before they start."
}

bench_signing_key="$(head -c 32 /dev/urandom | base64)"
