#!/usr/bin/env bash
# Benchmarks: builds Release, then runs the whole matrix (AkkaMcpEcho vs the official C# SDK in its stateful and stateless
# modes vs bare Kestrel, in both protocol generations, then a 3-node AkkaMcpEcho cluster, then up to a million idle sessions)
# and writes benchmarks/RESULTS.md. All load goes to 127.0.0.1 and stops by itself (about 13 minutes on 2 cores); every
# server it starts is stopped at the end, on failure, and on Ctrl-C or SIGTERM.
#   benchmarks/run.sh                 the full matrix
#   benchmarks/run.sh --smoke         a few seconds against AkkaMcpEcho only, 2 sessions and 2026-07-28 clients; exits non-zero on any error
#   benchmarks/run.sh --traffic-memory [LoadGen traffic-memory options]
#                                     10,000 sessions whose traffic rings are filled, recording off then on (about 5 minutes);
#                                     writes the traffic section of RESULTS.md only
#   benchmarks/run.sh --allocations [NAME=VALUE ...]
#                                     bytes allocated per echo request by type: the server in a sampling process, 64 sessions
#                                     for 26 s (10 s sampled after 14 s of warm-up), server settings as given (about 1 minute)
#   benchmarks/run.sh --session-allocations [NAME=VALUE ...]
#                                     bytes allocated per session (initialize, notifications/initialized, DELETE) by type:
#                                     40,000 sessions of warm-up, then 10,000 measured (LoadGen churn), settings as given
#   benchmarks/run.sh [LoadGen matrix options, e.g. --duration 5 --idle 10000 --phases throughput,cluster]
set -euo pipefail
source "$(dirname "$0")/common.sh"

if [ "${1:-}" = "--smoke" ]; then
  publish src/Http/AkkaMcpEcho.Http.csproj server
  publish benchmarks/LoadGen/LoadGen.csproj loadgen
  exec dotnet "$out/loadgen/LoadGen.dll" smoke --server "$out/server/AkkaMcpEcho.dll"
fi

if [ "${1:-}" = "--allocations" ]; then
  shift
  publish benchmarks/AllocationProfile/AllocationProfile.csproj allocations
  publish benchmarks/LoadGen/LoadGen.csproj loadgen
  port=$((39700 + RANDOM % 200))
  dotnet "$out/allocations/AllocationProfile.dll" --wait=14 --window=10 --MCP_ECHO_HOST=127.0.0.1 --MCP_ECHO_PORT=$port \
    --MCP_MAX_SESSIONS=200000 --ECHO_LOG_LEVEL=WARNING "${@/#/--}" &
  profiler=$!
  trap 'kill $profiler 2>/dev/null || true' EXIT INT TERM
  for _ in $(seq 60); do curl -sf "127.0.0.1:$port/health" >/dev/null && break; sleep 0.25; done
  dotnet "$out/loadgen/LoadGen.dll" run --port "$port" --sessions 64 --duration 26
  wait $profiler
  exit
fi

if [ "${1:-}" = "--session-allocations" ]; then
  shift
  publish benchmarks/AllocationProfile/AllocationProfile.csproj allocations
  publish benchmarks/LoadGen/LoadGen.csproj loadgen
  port=$((39700 + RANDOM % 200))
  dotnet "$out/allocations/AllocationProfile.dll" --churn --MCP_ECHO_HOST=127.0.0.1 --MCP_ECHO_PORT=$port \
    --MCP_MAX_SESSIONS=200000 --ECHO_LOG_LEVEL=WARNING "${@/#/--}" >/dev/null &
  profiler=$!
  trap 'kill $profiler 2>/dev/null || true' EXIT INT TERM
  for _ in $(seq 60); do curl -sf "127.0.0.1:$port/health" >/dev/null && break; sleep 0.25; done
  dotnet "$out/loadgen/LoadGen.dll" churn --port "$port" --sessions 20000
  dotnet "$out/loadgen/LoadGen.dll" churn --port "$port" --sessions 20000
  curl -sf -X POST "127.0.0.1:$port/allocations/start" >/dev/null
  dotnet "$out/loadgen/LoadGen.dll" churn --port "$port" --sessions 10000
  curl -sf -X POST "127.0.0.1:$port/allocations/stop"
  wait $profiler
  exit
fi

if [ "${1:-}" = "--traffic-memory" ]; then
  shift
  publish src/Http/AkkaMcpEcho.Http.csproj server
  publish benchmarks/LoadGen/LoadGen.csproj loadgen
  exec dotnet "$out/loadgen/LoadGen.dll" traffic-memory --server "$out/server/AkkaMcpEcho.dll" --out benchmarks/RESULTS.md \
    --command "benchmarks/run.sh --traffic-memory${*:+ $*}" --commit "$commit" "$@"
fi

publish src/Http/AkkaMcpEcho.Http.csproj server
publish benchmarks/SdkPeer/SdkPeer.csproj peer
publish benchmarks/BareKestrel/BareKestrel.csproj bare
publish benchmarks/LoadGen/LoadGen.csproj loadgen
# The postgres session-store row: a throwaway server when PostgreSQL is installed and none is named (stopped on exit).
if [ -z "${MCP_BENCH_POSTGRES:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  source .ci/postgres.sh
  export MCP_BENCH_POSTGRES="$MCP_TEST_POSTGRES"
fi
dotnet "$out/loadgen/LoadGen.dll" matrix \
  --server "$out/server/AkkaMcpEcho.dll" --peer "$out/peer/SdkPeer.dll" --bare "$out/bare/BareKestrel.dll" \
  --out benchmarks/RESULTS.md --command "benchmarks/run.sh${*:+ $*}" --commit "$commit" "$@"
