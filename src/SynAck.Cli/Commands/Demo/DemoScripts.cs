namespace SynAck.Cli.Commands.Demo;

/// <summary>The kernel's side of the demo: python3 socket programs run inside the namespace.</summary>
public static class DemoScripts
{
    /// <summary>python3 -c Client HOST PORT: connect, send a request line, read the answer line, print it, close first.</summary>
    public const string Client = """
import socket, sys
s = socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=30)
s.sendall(b"hello from the kernel\n")
data = b""
while not data.endswith(b"\n"):
    b = s.recv(4096)
    if not b:
        break
    data += b
print(data.decode().strip(), flush=True)
s.close()
""";

    /// <summary>
    /// python3 -c Server HOST PORT PAUSE: listen, print "ready", accept one connection, answer its request line, read
    /// to SynAck's FIN, wait PAUSE seconds in CLOSE-WAIT, close, print the request.
    /// </summary>
    public const string Server = """
import socket, sys, time
host, port, pause = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
ls = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind((host, port))
ls.listen(1)
print("ready", flush=True)
s, _ = ls.accept()
data = b""
while not data.endswith(b"\n"):
    b = s.recv(4096)
    if not b:
        break
    data += b
s.sendall(b"hello from the kernel\n")
while s.recv(4096):
    pass
time.sleep(pause)
s.close()
print(data.decode().strip(), flush=True)
""";
}
