namespace SynAck.Interop.Tests.Kernel;

/// <summary>The kernel side of the interop tests: a python3 socket program run inside the namespace.</summary>
internal static class KernelPeer
{
    /// <summary>
    /// python3 -c Script role host port mode [arg]. Roles: client, server. Modes: request (one line each way),
    /// bulk N (N random bytes each way at once, SHA-256 of both printed), abort (server: reset the
    /// accepted connection with SO_LINGER 0 and print "aborted"), hold (read to EOF, print "eof" or "reset", close when
    /// stdin says so), refused (client only: print "refused" on ECONNREFUSED).
    /// </summary>
    public const string Script = """
import hashlib, os, socket, struct, sys, threading
role, host, port, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
arg = sys.argv[5] if len(sys.argv) > 5 else ""
def out(s):
    print(s, flush=True)
def bulk(s, n):
    data = os.urandom(n)
    sent = hashlib.sha256(data).hexdigest()
    def send():
        s.sendall(data)
        s.shutdown(socket.SHUT_WR)
    t = threading.Thread(target=send)
    t.start()
    h = hashlib.sha256()
    total = 0
    while True:
        b = s.recv(65536)
        if not b:
            break
        h.update(b)
        total += len(b)
    t.join()
    out("sent %s recv %s %d" % (sent, h.hexdigest(), total))
if role == "server":
    ls = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind((host, port))
    ls.listen(8)
    out("ready")
    s, _ = ls.accept()
else:
    s = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    s.settimeout(60)
    try:
        s.connect((host, port))
    except ConnectionRefusedError:
        out("refused")
        sys.exit(0)
    out("connected")
if mode == "request":
    if role == "client":
        s.sendall((arg + "\n").encode())
        s.shutdown(socket.SHUT_WR)
    data = b""
    while not data.endswith(b"\n"):
        b = s.recv(4096)
        if not b:
            break
        data += b
    if role == "server":
        s.sendall(b"response:" + data)
        s.close()
        out("served " + data.decode().strip())
    else:
        rest = s.recv(4096)
        out("got " + data.decode().strip() + (" eof" if not rest else ""))
elif mode == "bulk":
    bulk(s, int(arg))
elif mode == "abort":
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()
    out("aborted")
elif mode == "hold":
    if arg == "close-first":
        sys.stdin.readline()
        s.close()
        out("closed")
        sys.stdin.readline()
    else:
        try:
            while s.recv(65536):
                pass
        except ConnectionResetError:
            out("reset")
            sys.exit(0)
        out("eof")
        sys.stdin.readline()
        s.close()
        out("closed")
        sys.stdin.readline()
""";
}
