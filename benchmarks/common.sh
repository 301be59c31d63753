# Sourced by run.sh and soak.sh: the repository root as working directory, quiet dotnet, Release publishing into
# benchmarks/out/, and the commit the figures belong to.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out=benchmarks/out
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)

publish() {
  dotnet publish "$1" -c Release -o "$out/$2" --nologo -v quiet
}
