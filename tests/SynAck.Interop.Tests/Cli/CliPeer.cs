namespace SynAck.Interop.Tests.Cli;

/// <summary>The kernel's side of the CLI tests: python3 socket programs run inside the namespace.</summary>
internal static class CliPeer
{
    /// <summary>
    /// python3 -c EchoClient HOST PORT SIZE: connect (retrying while the listener is not up yet), send SIZE random
    /// bytes and half-close while reading everything back; prints "sent SHA recv SHA N".
    /// </summary>
    public const string EchoClient = """
import hashlib, os, socket, sys, threading, time
host, port, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
deadline = time.time() + 20
while True:
    try:
        s = socket.create_connection((host, port), timeout=60)
        break
    except (ConnectionRefusedError, OSError):
        if time.time() > deadline:
            raise
        time.sleep(0.1)
data = os.urandom(size)
def send():
    s.sendall(data)
    s.shutdown(socket.SHUT_WR)
t = threading.Thread(target=send)
t.start()
h = hashlib.sha256()
n = 0
while True:
    b = s.recv(65536)
    if not b:
        break
    h.update(b)
    n += len(b)
t.join()
s.close()
print("sent %s recv %s %d" % (hashlib.sha256(data).hexdigest(), h.hexdigest(), n), flush=True)
""";

    /// <summary>python3 -c SinkServer HOST PORT: accept one connection, read to EOF, answer "ok", close; prints "recv SHA N".</summary>
    public const string SinkServer = """
import hashlib, socket, sys
ls = socket.socket(socket.AF_INET6 if ":" in sys.argv[1] else socket.AF_INET)
ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind((sys.argv[1], int(sys.argv[2])))
ls.listen(1)
print("ready", flush=True)
s, _ = ls.accept()
h = hashlib.sha256()
n = 0
while True:
    b = s.recv(65536)
    if not b:
        break
    h.update(b)
    n += len(b)
s.sendall(b"ok\n")
s.close()
print("recv %s %d" % (h.hexdigest(), n), flush=True)
""";
}
