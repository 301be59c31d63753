#!/usr/bin/env bash
# Soak (not run by CI): builds Release, then 30 minutes of mixed load on one AkkaMcpEcho process and 15 minutes on a
# 3-node cluster (sessions created, echoed, streamed, deleted, left to expire; MCP_SESSION_TIMEOUT=20), RSS of every
# server sampled every 10 s. Writes the section between <!-- soak:begin --> and <!-- soak:end --> of
# benchmarks/RESULTS.md and exits non-zero on any error, memory that is not flat, or final counts that do not add up.
# All load goes to 127.0.0.1; every server it starts is stopped at the end, on failure, and on Ctrl-C or SIGTERM.
#   benchmarks/soak.sh                                   the full soak (about 50 minutes)
#   benchmarks/soak.sh --minutes 2 --cluster-minutes 2 --out benchmarks/out/soak-trial.md    a short trial
#   benchmarks/soak.sh --minutes 0                       the cluster phase only
#   (other LoadGen soak options: --session-timeout 20 --workers 16 --sample 10 --max-slope 0.5 --max-drift 10 --warmup-minutes M)
set -euo pipefail
source "$(dirname "$0")/common.sh"

publish src/Http/AkkaMcpEcho.Http.csproj server
publish benchmarks/LoadGen/LoadGen.csproj loadgen
exec dotnet "$out/loadgen/LoadGen.dll" soak --server "$out/server/AkkaMcpEcho.dll" \
  --command "benchmarks/soak.sh${*:+ $*}" --commit "$commit" "$@"
