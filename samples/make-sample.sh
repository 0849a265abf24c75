#!/usr/bin/env bash
# make-sample.sh - records samples/sample.pcap: real Linux TCP traffic on the loopback interface of a private
# network namespace. For each of IPv4 (127.0.0.1) and IPv6 (::1):
#   1. a connection with a handshake, one request and one response, and a graceful close (client closes first);
#   2. a refused connection (SYN to a port nobody listens on, answered by RST+ACK);
#   3. a reset connection (the server aborts with SO_LINGER 0 after the request: RST instead of FIN);
# plus one UDP datagram to a closed port, answered by ICMP port unreachable (a non-TCP packet for `--all`).
#
# Usage: sudo samples/make-sample.sh [OUT.pcap]    (default: samples/sample.pcap next to this script)
# Needs root, iproute2, tcpdump and python3. Timings and ephemeral ports differ from run to run.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${1:-$HERE/sample.pcap}"
[[ $EUID -eq 0 ]] || { echo "make-sample.sh: must run as root (network namespace, tcpdump)" >&2; exit 1; }
for tool in ip tcpdump python3; do
  command -v "$tool" >/dev/null || { echo "make-sample.sh: $tool is missing" >&2; exit 1; }
done

NS="synack-sample-$$"
TMP="$(mktemp -d)"
TCPDUMP_PID=""

cleanup() {
  local rc=$?
  if [[ -n "$TCPDUMP_PID" ]] && kill -0 "$TCPDUMP_PID" 2>/dev/null; then kill -KILL "$TCPDUMP_PID" 2>/dev/null || true; fi
  ip netns del "$NS" 2>/dev/null || true
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT

ip netns add "$NS"
ip -n "$NS" link set lo up
# lo's checksum offload is fixed on: TCP checksums in the capture hold only the pseudo-header sum (partial), so
# `synack ... --verify-checksums` reports them as bad. That is why checksum verification is off by default.

# --immediate-mode -U: hand each packet over and write it as it arrives; 'tcp or udp or icmp or icmp6' keeps IPv6 neighbour chatter out
# (there is none on lo, but the filter documents what the sample holds).
ip netns exec "$NS" tcpdump -i lo --immediate-mode -U -n -s 262144 -w "$TMP/sample.pcap" 'tcp or udp or icmp or icmp6' 2>"$TMP/tcpdump.err" &
TCPDUMP_PID=$!
for _ in $(seq 100); do
  grep -q "listening on" "$TMP/tcpdump.err" 2>/dev/null && break
  sleep 0.05
done
grep -q "listening on" "$TMP/tcpdump.err" || { echo "make-sample.sh: tcpdump did not start" >&2; cat "$TMP/tcpdump.err" >&2; exit 1; }

ip netns exec "$NS" python3 - <<'PY'
import socket, struct, threading

def serve(family, host, port, ready, abort):
    """Accepts one connection, reads the request, then answers and closes gracefully or aborts with RST."""
    with socket.socket(family, socket.SOCK_STREAM) as ls:
        ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        ls.bind((host, port))
        ls.listen(1)
        ready.set()
        conn, _ = ls.accept()
        request = conn.recv(4096)
        if abort:
            # SO_LINGER with a zero timeout: close() sends RST (RFC 9293 §3.10.7.1 ABORT).
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            conn.close()
            return
        conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n")
        while conn.recv(4096):      # wait for the client's FIN, then close: the client is the active closer
            pass
        conn.close()

def run(family, host):
    # 1. handshake, request/response, graceful close
    ready = threading.Event()
    t = threading.Thread(target=serve, args=(family, host, 8080, ready, False))
    t.start(); ready.wait()
    with socket.create_connection((host, 8080)) as c:
        c.sendall(b"GET / HTTP/1.0\r\n\r\n")
        reply = b""
        while not reply.endswith(b"hello\n"):
            reply += c.recv(4096)
        c.shutdown(socket.SHUT_WR)
        while c.recv(4096):
            pass
    t.join()
    # 2. refused: nobody listens on 8081
    try:
        socket.create_connection((host, 8081), timeout=2).close()
        raise SystemExit("connection to a closed port succeeded")
    except ConnectionRefusedError:
        pass
    # 3. reset by the server
    ready = threading.Event()
    t = threading.Thread(target=serve, args=(family, host, 8082, ready, True))
    t.start(); ready.wait()
    with socket.create_connection((host, 8082)) as c:
        c.sendall(b"GET /reset HTTP/1.0\r\n\r\n")
        try:
            while c.recv(4096):
                pass
        except ConnectionResetError:
            pass
    t.join()

run(socket.AF_INET, "127.0.0.1")
run(socket.AF_INET6, "::1")
# one UDP datagram to a closed port: the kernel answers with ICMP port unreachable
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u:
    u.sendto(b"ping", ("127.0.0.1", 9999))
PY

# Let tcpdump flush the last packets (TIME_WAIT sends nothing more), then stop it cleanly.
sleep 0.5
kill -INT "$TCPDUMP_PID"
wait "$TCPDUMP_PID" || true
TCPDUMP_PID=""
grep -E "packets (captured|dropped)" "$TMP/tcpdump.err" >&2 || true
cp "$TMP/sample.pcap" "$OUT"
echo "wrote $OUT ($(stat -c %s "$OUT") bytes)"
