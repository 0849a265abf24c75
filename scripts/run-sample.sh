#!/usr/bin/env bash
# Builds SynAck and runs it on the bundled sample capture (samples/sample.pcap, real loopback TCP traffic):
# the capture summary, then every packet.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build src/SynAck.Cli -c Release --verbosity quiet -nologo >/dev/null
synack=(dotnet run --project src/SynAck.Cli -c Release --no-build --)
"${synack[@]}" info samples/sample.pcap
echo
"${synack[@]}" packets samples/sample.pcap
