#!/usr/bin/env bash
# Times SynAck against tcpdump, argus, tcptrace and tshark on one capture in the same run, with
# ../shared/bench/compare.sh, using the published release build of the synack tool (not `dotnet run`),
# then prints each SynAck command's peak RSS (also on the capture multiplied 10 times with `synack dev multiply`).
# Usage: scripts/bench.sh [CAPTURE]
#   CAPTURE defaults to ../shared/bench/real-close.pcap (decompressed once into $TMPDIR).
#   RUNS=N timed runs per command (default 3); PEERS="tcpdump tshark" to choose peers; SCALE=0 skips the x10 run.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/bench
tmp=${TMPDIR:-/tmp}
cap=${1:-}
if [ -z "$cap" ]; then
  cap=$tmp/real-close.pcap
  [ -f "$cap" ] || zstd -q -d -k -o "$cap" "$shared/real-close.pcap.zst"
fi
cap=$(realpath "$cap")
out=$tmp/synack-bench
dotnet publish src/SynAck.Cli -c Release -r linux-x64 --self-contained false -o "$out" --nologo -v quiet >/dev/null
bin=$out/synack
cores=$(nproc)

echo "capture: $cap"
echo "machine: $cores cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
# `synack conns` is single-threaded; the sharded pipeline (docs/performance.md) is not yet behind a --threads option.
"$shared/compare.sh" "$cap" "$bin conns --format zeek {}"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"

rss() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }
echo
echo "peak RSS (MB), synack conns --format zeek:"
printf '  %-28s %6d\n' "capture" $(( $(rss "$bin" conns --format zeek "$cap") / 1024 ))
if [ "${SCALE:-1}" != 0 ]; then
  big=$tmp/$(basename "$cap" .pcap)-x10.pcap
  [ -f "$big" ] || "$bin" dev multiply "$cap" "$big" --times 10 2>/dev/null
  printf '  %-28s %6d\n' "capture x10" $(( $(rss "$bin" conns --format zeek "$big") / 1024 ))
fi
