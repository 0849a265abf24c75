#!/usr/bin/env bash
# Packs the synack .NET tool, installs it from the local package into a scratch tool path and runs
# `synack --help` and `synack info` on the sample. Exit 0 when the installed tool works.
# Usage: scripts/check-pack.sh [--no-build] [-c CONFIGURATION] [WORKDIR]
#   --no-build  pack the existing build output (the tests use this after `dotnet build`)
#   WORKDIR     where the package and the tool go (default: a fresh temporary directory, removed afterwards)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
config=Release
build=()
work=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=(--no-build); shift ;;
    -c) config="$2"; shift 2 ;;
    *) work="$1"; shift ;;
  esac
done
if [[ -z "$work" ]]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/nupkg" "$work/tools"
dotnet pack src/SynAck.Cli -c "$config" "${build[@]}" -o "$work/nupkg" --verbosity quiet -nologo >/dev/null
ls "$work"/nupkg/SynAck.*.nupkg >/dev/null
# A private NuGet.config keeps the install from consulting any other feed than the freshly packed one.
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/nupkg" />
  </packageSources>
</configuration>
XML
dotnet tool install --tool-path "$work/tools" --configfile "$work/nuget.config" SynAck >/dev/null
"$work/tools/synack" --help | grep -q "info"
"$work/tools/synack" info samples/sample.pcap | grep -q "^TCP packets: *36$"
echo "synack tool: packed, installed and ran from $work/tools"
