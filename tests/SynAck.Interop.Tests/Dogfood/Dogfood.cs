using SynAck.Analysis.Records;
using SynAck.Analysis.Zeek;
using SynAck.Stack.Tcp;
using SynAck.Wire.Tcp;

namespace SynAck.Interop.Tests.Dogfood;

/// <summary>Assertions on the analyzer's record of a connection SynAck's stack took part in.</summary>
internal static class Dogfood
{
    /// <summary>
    /// The capture holds exactly one connection; its handshake check passed with the ISNs the stack actually used
    /// (SynAck's ISS on its side, its IRS as the kernel's) and timestamps and SACK negotiated, and its conn_state, close kind and both final RFC 9293
    /// states are as expected.
    /// </summary>
    public static ConnRecord AssertConnection(
        IReadOnlyList<ConnRecord> records,
        IReadOnlyList<TcpConnection> stack,
        ConnState state,
        CloseKind close,
        TcpState origState,
        TcpState respState)
    {
        var conn = Assert.Single(records);
        var c = Assert.Single(stack);
        Assert.Equal((state, close, origState, respState), (conn.ConnState, conn.CloseKind, conn.OrigState, conn.RespState));
        var synackIsOrig = !c.IsPassive;
        Assert.Equal(synackIsOrig ? c.Remote.Port : c.Local.Port, conn.RespPort);
        if (state == ConnState.Rej)
        {
            Assert.False(conn.Handshake.Complete);
            Assert.Equal(c.Iss.Value, conn.Handshake.OrigIsn);
            return conn;
        }

        Assert.True(conn.Handshake.Valid);

        // RFC 7323 and RFC 2018: the kernel and SynAck both offer timestamps and SACK, so both SYNs carry them.
        Assert.True(conn.Handshake.Timestamps && conn.Handshake.SackPermitted);
        Assert.True(c.TimestampsEnabled && c.SackEnabled);
        var (origIsn, respIsn) = synackIsOrig ? (c.Iss.Value, c.Irs.Value) : (c.Irs.Value, c.Iss.Value);
        Assert.Equal((origIsn, respIsn), (conn.Handshake.OrigIsn, conn.Handshake.RespIsn));
        return conn;
    }
}
