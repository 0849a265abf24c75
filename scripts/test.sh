#!/usr/bin/env bash
# Runs SynAck's whole test suite on a fresh Debian 12 machine with the .NET 10 SDK:
# installs the packet tools the tests compare against (when missing and running as root),
# restores, builds and tests, then prints the totals as "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need=()
for pair in tshark:tshark editcap:wireshark-common tcpdump:tcpdump hping3:hping3 nft:nftables ip:iproute2 zstd:zstd ss:iproute2 ethtool:ethtool python3:python3; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need+=("${pair##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "installing: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections 2>/dev/null || true
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "not root: tests needing ${need[*]} will be skipped (run as root to install them)"
  fi
fi

dotnet restore SynAck.slnx --verbosity quiet || { echo "0 passed, 1 failed"; exit 1; }
dotnet build SynAck.slnx -c Release --no-restore --verbosity quiet -warnaserror || { echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
dotnet test SynAck.slnx -c Release --no-build --verbosity quiet \
  --logger "console;verbosity=minimal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-assembly summary lines ("Passed!  - Failed: 0, Passed: 12, Skipped: 1, Total: 13").
read -r p f s < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i+1))
      if ($i == "Failed:") f += $(i+1)
      if ($i == "Passed:") p += $(i+1)
      if ($i == "Skipped:") s += $(i+1)
    }
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
echo "$p passed, $f failed, $s skipped"
exit "$status"
