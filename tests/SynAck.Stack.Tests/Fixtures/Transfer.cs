using SynAck.Stack.Tcp;
using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tests.Fixtures;

/// <summary>Moves data both ways between two established connections and closes both, on a <see cref="StackPair"/>.</summary>
internal sealed class Transfer(StackPair net, TcpConnection a, TcpConnection b, byte[] aToB, byte[] bToA)
{
    private readonly MemoryStream _atB = new();
    private readonly MemoryStream _atA = new();
    private readonly byte[] _buf = new byte[4096];
    private int _sentA;
    private int _sentB;
    private bool _closedA;
    private bool _closedB;

    public byte[] ReceivedByB => _atB.ToArray();

    public byte[] ReceivedByA => _atA.ToArray();

    /// <summary>Runs the exchange; each side closes once it has sent everything and read the peer's end of stream.</summary>
    public bool Run(TimeSpan limit) => net.Run(Step, limit);

    private bool Step()
    {
        var now = net.Loop.Now;
        Pump(a, aToB, ref _sentA, _atA, ref _closedA, now);
        Pump(b, bToA, ref _sentB, _atB, ref _closedB, now);
        return Finished(a) && Finished(b);
    }

    private static bool Finished(TcpConnection c) => c.State is TcpState.Closed or TcpState.TimeWait;

    private void Pump(TcpConnection c, byte[] data, ref int sent, MemoryStream sink, ref bool closed, Instant now)
    {
        if (sent < data.Length)
        {
            sent += c.Send(data.AsSpan(sent));
        }

        int n;
        while ((n = c.Receive(_buf)) > 0)
        {
            sink.Write(_buf, 0, n);
        }

        if (!closed && sent == data.Length)
        {
            closed = true;
            c.ShutdownWrite(now);
        }
    }
}
