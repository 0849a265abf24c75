namespace SynAck.Wire.Tcp;

/// <summary>
/// The validated TCP header fields a TCP implementation uses (the smoltcp "Repr" shape): parsed from a
/// <see cref="TcpHeader"/> and emitted with <see cref="Emit"/>. Flags are kept as received, illegal combinations
/// included; judging them is the stack's business. Options other than MSS, window scale, SACK-permitted, SACK and
/// timestamps are ignored on parse and never emitted.
/// </summary>
public readonly partial record struct TcpRepr
{
    public ushort SourcePort { get; init; }

    public ushort DestinationPort { get; init; }

    public SeqNumber Seq { get; init; }

    public SeqNumber Ack { get; init; }

    public TcpFlags Flags { get; init; }

    /// <summary>The raw window field (not scaled).</summary>
    public ushort Window { get; init; }

    public ushort UrgentPointer { get; init; }

    /// <summary>MSS option value (RFC 9293 §3.7.1, RFC 6691), or null when absent.</summary>
    public ushort? Mss { get; init; }

    /// <summary>Window scale shift (RFC 7323 §2), or null when absent.</summary>
    public byte? WindowScale { get; init; }

    /// <summary>SACK-permitted option present (RFC 2018 §2).</summary>
    public bool SackPermitted { get; init; }

    /// <summary>Timestamps option (RFC 7323 §3), or null when absent.</summary>
    public (uint TsVal, uint TsEcr)? Timestamps { get; init; }

    /// <summary>SACK blocks (RFC 2018 §3); empty when absent.</summary>
    public SackBlocks Sack { get; init; }

    /// <summary>
    /// Reads the fields and known options. Returns <see cref="ParseStatus.BadOption"/> when an option length is
    /// malformed or a known option has the wrong length (the fields read so far are still set).
    /// </summary>
    public static ParseStatus TryParse(in TcpHeader h, out TcpRepr r)
    {
        ushort? mss = null;
        byte? ws = null;
        var sackOk = false;
        (uint, uint)? ts = null;
        var sack = default(SackBlocks);
        var status = ParseStatus.Ok;

        var e = h.Options.GetEnumerator();
        while (e.MoveNext())
        {
            var o = e.Current;
            var wellFormed = o.Kind switch
            {
                TcpOptionKind.Mss => o.TryGetMss(out var m) && Set(ref mss, m),
                TcpOptionKind.WindowScale => o.TryGetWindowScale(out var s) && Set(ref ws, s),
                TcpOptionKind.SackPermitted => sackOk = o.IsSackPermitted,
                TcpOptionKind.Timestamps => o.TryGetTimestamps(out var v, out var ecr) && Set(ref ts, (v, ecr)),
                TcpOptionKind.Sack => o.TryGetSackBlocks(out sack),
                _ => true,
            };
            if (!wellFormed)
            {
                status = ParseStatus.BadOption;
            }
        }

        if (e.Status != ParseStatus.Ok)
        {
            status = e.Status;
        }

        r = new TcpRepr
        {
            SourcePort = h.SourcePort,
            DestinationPort = h.DestinationPort,
            Seq = h.Seq,
            Ack = h.Ack,
            Flags = h.Flags,
            Window = h.Window,
            UrgentPointer = h.UrgentPointer,
            Mss = mss,
            WindowScale = ws,
            SackPermitted = sackOk,
            Timestamps = ts,
            Sack = sack,
        };
        return status;
    }

    private static bool Set<T>(ref T? field, T value)
        where T : struct
    {
        field = value;
        return true;
    }
}
