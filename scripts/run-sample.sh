#!/usr/bin/env bash
# Builds SynAck and runs its main job on the bundled sample capture (samples/sample.pcap, real loopback TCP
# traffic): every TCP connection with its Zeek conn.log fields and both endpoints' final RFC 9293 states, then the
# ladder diagram of the first connection (handshake, request/response, graceful close).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build src/SynAck.Cli -c Release --verbosity quiet -nologo >/dev/null
synack=(dotnet run --project src/SynAck.Cli -c Release --no-build --)
"${synack[@]}" conns samples/sample.pcap
echo
"${synack[@]}" ladder samples/sample.pcap --conn 1
