#!/usr/bin/env bash
# Times SynAck against tcpdump, argus, tcptrace and tshark on one capture in the same run, with
# ../shared/bench/compare.sh, using the published release build of the synack tool (not `dotnet run`):
#   1. compare.sh: `synack conns --format zeek` with --threads 1 and with the default (one thread per core)
#      against the peers (hyperfine medians, ratios to the first command);
#   2. 1 thread, the default and the tcpdump copy, run alternately (ABCABC...) so all see the same machine load;
#   3. start-up: the same command on a 1-packet capture;
#   4. peak RSS on the capture and on the capture multiplied 10 times (hidden `synack dev multiply`), for conns
#      --format zeek and the other commands (csv, parquet, anomalies, analyze), and the page faults of a run (each
#      costs about 14 us on a VM; see docs/performance.md, Page faults).
# Usage: scripts/bench.sh [CAPTURE]
#   CAPTURE defaults to ../shared/bench/real-close.pcap (decompressed once into $TMPDIR).
#   RUNS=N timed runs per command (default 3); PEERS="tcpdump tshark" to choose peers; SCALE=0 skips the x10 run;
#   ALT=N alternating rounds for the threads and tcpdump comparison (default 5).
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
out=$tmp/synack-bench-aot
# A runtime-specific publish is Native AOT (src/SynAck.Cli/SynAck.Cli.csproj).
dotnet publish src/SynAck.Cli -c Release -r linux-x64 -o "$out" --nologo -v quiet 1>&2
# The build servers the publish leaves behind keep a core busy for a while: stop them and let the machine settle
# before the first timed run (otherwise the first command's runs, SynAck's, are measured on a loaded machine).
dotnet build-server shutdown >/dev/null 2>&1 || true
sleep "${SETTLE:-10}"
bin=$out/synack
cores=$(nproc)

echo "capture: $cap"
echo "machine: $cores cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"
"$shared/compare.sh" "$cap" "$bin conns --format zeek --threads 1 {}" "$bin conns --format zeek {}"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"

# Wall seconds of one run, output discarded.
wall() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo
echo "alternating runs (${ALT:-5} rounds of 1 thread, $cores threads, tcpdump), load average $(cut -d' ' -f1-3 /proc/loadavg):"
# Each round runs the three commands back to back, so all three see the same machine: on a VM whose speed drifts
# from minute to minute this ratio is steadier than compare.sh's, which runs each command's repetitions together.
one=(); many=(); copy=()
for _ in $(seq "${ALT:-5}"); do
  one+=("$(wall "$bin" conns --format zeek --threads 1 "$cap")")
  many+=("$(wall "$bin" conns --format zeek --threads "$cores" "$cap")")
  copy+=("$(wall tcpdump -r "$cap" -w /dev/null)")
done
m1=$(printf '%s\n' "${one[@]}" | median)
mn=$(printf '%s\n' "${many[@]}" | median)
mc=$(printf '%s\n' "${copy[@]}" | median)
printf '  synack --threads 1        median %6.3f s   %.2fx the tcpdump copy\n' "$m1" "$(echo "$m1 / $mc" | bc -l)"
printf '  synack --threads %-8s median %6.3f s   speed-up %.2fx over 1 thread\n' "$cores" "$mn" "$(echo "$m1 / $mn" | bc -l)"
printf '  tcpdump -w /dev/null      median %6.3f s\n' "$mc"

echo
small=$tmp/synack-bench-1packet.pcap
tcpdump -r "$cap" -c 1 -w "$small" 2>/dev/null
echo "start-up, 1-packet capture (median of 10):"
printf '  synack conns --format zeek   %6.3f s\n' "$(for _ in $(seq 10); do wall "$bin" conns --format zeek "$small"; done | median)"

rss() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }
echo
echo "peak RSS (MB), synack conns --format zeek:"
printf '  %-28s %6d %6d\n' "" 1 "$cores"
printf '  %-28s %6d %6d\n' "capture" $(( $(rss "$bin" conns --format zeek --threads 1 "$cap") / 1024 )) $(( $(rss "$bin" conns --format zeek "$cap") / 1024 ))
if [ "${SCALE:-1}" != 0 ]; then
  big=$tmp/$(basename "$cap" .pcap)-x10.pcap
  [ -f "$big" ] || "$bin" dev multiply "$cap" "$big" --times 10 2>/dev/null
  printf '  %-28s %6d %6d\n' "capture x10" $(( $(rss "$bin" conns --format zeek --threads 1 "$big") / 1024 )) $(( $(rss "$bin" conns --format zeek "$big") / 1024 ))
fi

# The other commands' memory (default threads): each must stay flat as the capture grows, like conns.
if [ "${SCALE:-1}" != 0 ]; then
  echo
  echo "peak RSS (MB) of the other commands, default threads:"
  printf '  %-28s %8s %8s\n' "" capture "x10"
  for c in "conns --format csv" "conns --format parquet" "anomalies" "analyze"; do
    # shellcheck disable=SC2086
    printf '  %-28s %8d %8d\n' "$c" $(( $(rss "$bin" $c "$cap") / 1024 )) $(( $(rss "$bin" $c "$big") / 1024 ))
  done
fi

faults() { /usr/bin/time -f "%R" "$@" 2>&1 >/dev/null | tail -1; }
echo
echo "page faults (minor), synack conns --format zeek:"
printf '  %-28s %6d %6d\n' "" 1 "$cores"
printf '  %-28s %6d %6d\n' "capture" "$(faults "$bin" conns --format zeek --threads 1 "$cap")" "$(faults "$bin" conns --format zeek "$cap")"
