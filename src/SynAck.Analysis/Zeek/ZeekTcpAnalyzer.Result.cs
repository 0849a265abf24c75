namespace SynAck.Analysis.Zeek;

public static partial class ZeekTcpAnalyzer
{
    /// <summary>Zeek's <c>conn_state()</c> for a TCP connection, from the typed endpoint states and history.</summary>
    public static ConnState ConnStateOf(in ZeekSession s)
    {
        ref readonly var o = ref s.Sides[s.OrigSide];
        ref readonly var r = ref s.Sides[s.RespSide];
        var os = o.State;
        var rs = r.State;
        var oInactive = os is ZeekEndpointState.Inactive or ZeekEndpointState.Partial;
        var rInactive = rs is ZeekEndpointState.Inactive or ZeekEndpointState.Partial;

        if (rs == ZeekEndpointState.Reset)
        {
            if (os is ZeekEndpointState.SynSent or ZeekEndpointState.SynAckSent ||
                (os == ZeekEndpointState.Reset && o.Size(rs) == 0 && r.Size(os) == 0))
            {
                return ConnState.Rej;
            }

            return oInactive ? ConnState.Rstrh : ConnState.Rstr;
        }

        if (os == ZeekEndpointState.Reset)
        {
            if (rInactive)
            {
                return s.History.MatchesRstOs0() ? ConnState.Rstos0 : ConnState.Oth;
            }

            return ConnState.Rsto;
        }

        if (rs == ZeekEndpointState.Closed && os == ZeekEndpointState.Closed)
        {
            return ConnState.SF;
        }

        if (os == ZeekEndpointState.Closed)
        {
            return rInactive ? ConnState.Sh : ConnState.S2;
        }

        if (rs == ZeekEndpointState.Closed)
        {
            return oInactive ? ConnState.Shr : ConnState.S3;
        }

        if (os == ZeekEndpointState.SynSent && rs == ZeekEndpointState.Inactive)
        {
            return ConnState.S0;
        }

        return os == ZeekEndpointState.Established && rs == ZeekEndpointState.Established ? ConnState.S1 : ConnState.Oth;
    }

    /// <summary>Originator payload bytes from sequence numbers (conn.log <c>orig_bytes</c>).</summary>
    public static ulong OrigBytes(in ZeekSession s) => s.Sides[s.OrigSide].Size(s.Sides[s.RespSide].State);

    /// <summary>Responder payload bytes from sequence numbers (conn.log <c>resp_bytes</c>).</summary>
    public static ulong RespBytes(in ZeekSession s) => s.Sides[s.RespSide].Size(s.Sides[s.OrigSide].State);
}
