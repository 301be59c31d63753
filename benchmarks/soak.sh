#!/usr/bin/env bash
# Soak (not run by CI): builds Release, then 30 minutes of mixed load on one AkkaMcpEcho process and 15 minutes on a
# 3-node cluster (sessions created, echoed, streamed, deleted, left to expire; MCP_SESSION_TIMEOUT=20), RSS of every
# server sampled every 10 s. Before each phase's load, every node must create a session (initialize probes, deleted at
# once; up to 60 s). Writes the section between <!-- soak:begin --> and <!-- soak:end --> of
# benchmarks/RESULTS.md and exits non-zero on any error, memory that is not flat, or final counts that do not add up.
# Flat, per node, judges the floor of RSS: after the warm-up (the first sixth of each phase but at least 5 minutes, at
# most half the phase; or --warmup-minutes), the minimum of each 3-minute window (--floor-window-minutes); at least 3
# such floors, their least-squares slope at most 0.5 MB/min (--max-slope) and the last at most 10 % (--max-drift) above
# the first. GC steps of ~10 MB come and go, kept memory raises the floor (benchmarks/SOAK-MEMORY.md).
# All load goes to 127.0.0.1; every server it starts is stopped at the end, on failure, and on Ctrl-C or SIGTERM.
#   benchmarks/soak.sh                                   the full soak (about 50 minutes)
#   benchmarks/soak.sh --minutes 2 --cluster-minutes 3 --warmup-minutes 1 --out benchmarks/out/soak-trial.md    a short
#                                                        trial (too short to judge memory: expect "not flat")
#   benchmarks/soak.sh --minutes 0                       the cluster phase only
#   (other LoadGen soak options: --session-timeout 20 --workers 16 --sample 10)
set -euo pipefail
source "$(dirname "$0")/common.sh"

publish src/Http/AkkaMcpEcho.Http.csproj server
publish benchmarks/LoadGen/LoadGen.csproj loadgen
exec dotnet "$out/loadgen/LoadGen.dll" soak --server "$out/server/AkkaMcpEcho.dll" \
  --command "benchmarks/soak.sh${*:+ $*}" --commit "$commit" "$@"
