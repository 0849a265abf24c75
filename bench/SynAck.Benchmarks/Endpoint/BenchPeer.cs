namespace SynAck.Benchmarks.Endpoint;

/// <summary>The kernel's side of the endpoint comparison: one python3 process serving three ports.</summary>
internal static class BenchPeer
{
    /// <summary>
    /// python3 -c Script HOST SIZE BASE. BASE: read to EOF then close (sink); BASE+1: send SIZE bytes then close
    /// (source); BASE+2: close at once (connection rate). Prints "ready" once all three listen.
    /// </summary>
    public const string Script = """
import socket, sys, threading
host, size, base = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
payload = bytes(size)
def sink(s):
    buf = bytearray(1 << 20)
    while s.recv_into(buf):
        pass
def source(s):
    s.sendall(payload)
def nothing(s):
    pass
def serve(ls, handler):
    while True:
        s, _ = ls.accept()
        try:
            handler(s)
        except OSError:
            pass
        s.close()
threads = []
for port, handler in ((base, sink), (base + 1, source), (base + 2, nothing)):
    ls = socket.socket()
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind((host, port))
    ls.listen(1024)
    t = threading.Thread(target=serve, args=(ls, handler), daemon=True)
    t.start()
    threads.append(t)
print("ready", flush=True)
sys.stdin.readline()
""";
}
