using SynAck.Analysis.Anomalies.Sequence;
using SynAck.Analysis.Lifecycle;
using SynAck.Analysis.Output;
using SynAck.Analysis.Records;
using SynAck.Analysis.Zeek;
using SynAck.Wire.Tcp;

namespace SynAck.Analysis.Tracking;

/// <summary>Turns a finished connection's state into its <see cref="ConnRecord"/> (the one allocation per connection).</summary>
internal static class ConnRecordBuilder
{
    public static ConnRecord Build(ref ConnectionState c, in ConnectionSequence sequence, string uid, List<(PendingTransition Transition, long Frame)>? recorded, RemovalReason reason, TunnelParent[] tunnelParents)
    {
        ref var z = ref c.Zeek;
        var o = z.OrigSide;
        var r = z.RespSide;
        ref readonly var origZ = ref z.Sides[o];
        ref readonly var respZ = ref z.Sides[r];
        var v = ZeekValues(ref c);
        var transitions = BuildTransitions(ref c, recorded);
        return new ConnRecord
        {
            TimestampNanos = v.TimestampNanos,
            Uid = uid,
            OrigHost = v.OrigHost,
            OrigPort = v.OrigPort,
            RespHost = v.RespHost,
            RespPort = v.RespPort,
            DurationNanos = v.DurationNanos,
            OrigBytes = v.OrigBytes,
            RespBytes = v.RespBytes,
            ConnState = v.ConnState,
            MissedBytes = v.MissedBytes,
            History = z.History.ToString(),
            OrigPackets = v.OrigPackets,
            OrigIpBytes = v.OrigIpBytes,
            RespPackets = v.RespPackets,
            RespIpBytes = v.RespIpBytes,
            TunnelParents = tunnelParents,
            IpProto = v.IpProto,
            OrigState = c.Rfc[o].State,
            RespState = c.Rfc[r].State,
            CloseKind = Classify(ref c, reason),
            ActiveCloser = Closer(ref c),
            ResetAfterFin = c.Teardown.ResetSide >= 0 && c.Teardown.ResetAfterFin,
            IgnoredResets = c.Teardown.IgnoredResets,
            Handshake = BuildHandshake(ref c),
            OrigFlags = Flags(ref c, o),
            RespFlags = Flags(ref c, r),
            OrigAnalysis = ConnectionSequenceAnalysis.ToRecord(sequence, o),
            RespAnalysis = ConnectionSequenceAnalysis.ToRecord(sequence, r),
            FirstFrame = c.FirstFrame,
            LastFrame = c.LastFrame,
            ZeekOrigState = origZ.State,
            ZeekRespState = respZ.State,
            ZeekOrigSize = ZeekTcpAnalyzer.OrigBytes(z),
            ZeekRespSize = ZeekTcpAnalyzer.RespBytes(z),
            RemovalReason = reason,
            TransitionCount = c.TransitionCount,
            Transitions = transitions,
        };
    }

    /// <summary>
    /// The connection's conn.log row, straight from its state (no <see cref="ConnRecord"/>): the same values
    /// <see cref="Build"/> puts in a record, with the uid and history written into the caller's buffers.
    /// </summary>
    public static ZeekConnRow ZeekRow(ref ConnectionState c, ulong uidSeed, TunnelParent[] tunnelParents, Span<byte> uid, Span<byte> history)
    {
        var uidLength = ConnUid.Format(uidSeed, c.FirstFrame, uid);
        var historyLength = c.Zeek.History.CopyTo(history);
        return new ZeekConnRow(ZeekValues(ref c), uid[..uidLength], history[..historyLength], tunnelParents);
    }

    /// <summary>The conn.log values of a connection's state, with Zeek's semantics (duration, sizes only when it lasted).</summary>
    private static ZeekConnValues ZeekValues(ref ConnectionState c)
    {
        ref var z = ref c.Zeek;
        var o = z.OrigSide;
        var duration = z.LastNs - z.StartNs;
        ref readonly var origZ = ref z.Sides[o];
        ref readonly var respZ = ref z.Sides[z.RespSide];
        return new ZeekConnValues(
            z.StartNs,
            c.Address(o),
            c.Port(o),
            c.Address(o ^ 1),
            c.Port(o ^ 1),
            duration > 0 ? duration : null,
            duration > 0 ? ZeekTcpAnalyzer.OrigBytes(z) : null,
            duration > 0 ? ZeekTcpAnalyzer.RespBytes(z) : null,
            ZeekTcpAnalyzer.ConnStateOf(z),
            origZ.MissedBytes + respZ.MissedBytes,
            origZ.Packets,
            origZ.IpBytes,
            respZ.Packets,
            respZ.IpBytes,
            6);
    }

    private static StateTransition[] BuildTransitions(ref ConnectionState c, List<(PendingTransition Transition, long Frame)>? recorded)
    {
        if (recorded is null)
        {
            return [];
        }

        var result = new StateTransition[recorded.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var (p, frame) = recorded[i];
            var role = p.Side == c.Zeek.OrigSide ? EndpointRole.Originator : EndpointRole.Responder;
            result[i] = new StateTransition(frame, p.TimestampNanos, role, p.From, p.To, p.Cause);
        }

        return result;
    }

    private static FlagCounts Flags(ref ConnectionState c, int side)
    {
        var b = side * 8;
        var f = c.FlagCounts;
        return new FlagCounts(f[b], f[b + 1], f[b + 2], f[b + 3], f[b + 4], f[b + 5], f[b + 6], f[b + 7]);
    }

    private static ActiveCloser Closer(ref ConnectionState c)
    {
        var td = c.Teardown;
        if (td.Simultaneous)
        {
            return ActiveCloser.Both;
        }

        if (td.FirstCloser < 0)
        {
            return ActiveCloser.None;
        }

        return td.FirstCloser == c.Zeek.OrigSide ? ActiveCloser.Orig : ActiveCloser.Resp;
    }

    private static CloseKind Classify(ref ConnectionState c, RemovalReason reason)
    {
        var td = c.Teardown;
        var o = c.Zeek.OrigSide;
        if (td.Refused && td.FirstCloser < 0)
        {
            return CloseKind.Refused;
        }

        if (td.ResetSide >= 0)
        {
            return td.ResetSide == o ? CloseKind.ResetByOriginator : CloseKind.ResetByResponder;
        }

        var finO = c.Rfc[o].FinSent;
        var finR = c.Rfc[o ^ 1].FinSent;
        if (finO && finR)
        {
            if (td.Simultaneous)
            {
                return CloseKind.Simultaneous;
            }

            if (td.DataAfterFin)
            {
                return CloseKind.HalfClose;
            }

            return td.SecondFinAckedFirst && !td.SeparateAckOfFirstFin ? CloseKind.ThreeWay : CloseKind.FourWay;
        }

        if ((finO || finR) && td.DataAfterFin)
        {
            return CloseKind.HalfClose;
        }

        var hs = c.Handshake;
        if (hs.SynSide >= 0 && !c.Rfc[hs.SynSide ^ 1].Seen)
        {
            return CloseKind.Unanswered;
        }

        if (reason is RemovalReason.Inactivity or RemovalReason.Capacity or RemovalReason.Expired)
        {
            return CloseKind.Evicted;
        }

        if (!c.Rfc[0].IssKnown && !c.Rfc[1].IssKnown && c.Rfc[o].State is not TcpState.Established)
        {
            return CloseKind.Other;
        }

        return CloseKind.Open;
    }

    private static HandshakeRecord BuildHandshake(ref ConnectionState c)
    {
        var hs = c.Handshake;
        if (hs.SynSide < 0)
        {
            return new HandshakeRecord { Valid = false, Complete = false };
        }

        // Most connections have no finding: no list is allocated for them.
        List<HandshakeFinding>? findings = null;
        var synAckOk = hs.SynAckSeen && hs.SynAckAck == hs.SynSeq.Add(1u);
        if (hs.SynAckSeen && !synAckOk)
        {
            (findings ??= []).Add(new HandshakeFinding("synack_ack", hs.SynSeq.Add(1u).Value, hs.SynAckAck.Value, hs.SynAckFrame));
        }

        var thirdOk = hs.ThirdAckSeen && hs.ThirdAckAck == hs.SynAckSeq.Add(1u);
        if (hs.ThirdAckSeen && !thirdOk)
        {
            (findings ??= []).Add(new HandshakeFinding("third_ack", hs.SynAckSeq.Add(1u).Value, hs.ThirdAckAck.Value, hs.ThirdAckFrame));
        }

        var complete = hs.SynAckSeen && hs.ThirdAckSeen;
        var scales = hs.SynAckSeen && hs.SynOptions.WindowScale >= 0 && hs.SynAckOptions.WindowScale >= 0;
        return new HandshakeRecord
        {
            Valid = complete && synAckOk && thirdOk,
            Complete = complete,
            OrigIsn = hs.SynSeq.Value,
            RespIsn = hs.SynAckSeen ? hs.SynAckSeq.Value : null,
            SynSynAckRttNs = hs.SynAckSeen ? hs.SynAckNs - hs.SynBeforeSynAckNs : null,
            SynAckAckRttNs = complete ? hs.ThirdAckNs - hs.SynAckNs : null,
            SynRetransmissions = Math.Max(0, hs.SynCount - 1),
            SynAckRetransmissions = Math.Max(0, hs.SynAckCount - 1),
            OrigMss = hs.SynOptions.Mss != 0 ? hs.SynOptions.Mss : null,
            RespMss = hs.SynAckSeen && hs.SynAckOptions.Mss != 0 ? hs.SynAckOptions.Mss : null,
            OrigWindowScale = scales ? (byte)hs.SynOptions.WindowScale : null,
            RespWindowScale = scales ? (byte)hs.SynAckOptions.WindowScale : null,
            SackPermitted = hs.SynAckSeen && hs.SynOptions.SackPermitted && hs.SynAckOptions.SackPermitted,
            Timestamps = hs.SynAckSeen && hs.SynOptions.HasTimestamps && hs.SynAckOptions.HasTimestamps,
            Findings = findings is null ? [] : findings,
        };
    }
}
