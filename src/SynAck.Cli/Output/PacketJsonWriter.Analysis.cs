using SynAck.Analysis.Anomalies.Sequence;

namespace SynAck.Cli.Output;

public sealed partial class PacketJsonWriter
{
    /// <summary>
    /// <c>"analysis": [names]</c> (Wireshark's <c>tcp.analysis.*</c> names, bit order), then only where they apply:
    /// <c>dup_ack_num</c>, <c>dup_ack_frame</c>, <c>acks_frame</c>, <c>ack_rtt</c> (s), <c>irtt</c> (s, where tshark
    /// shows <c>initial_rtt</c>) and <c>bytes_in_flight</c>. Nothing when the packet was not analyzed.
    /// </summary>
    private void WriteAnalysis(in TcpPacketAnalysis a)
    {
        if (a.FrameNumber == 0)
        {
            return;
        }

        _w.WriteStartArray(_names.Analysis);
        var names = _names.AnalysisNames;
        for (var i = 0; i < names.Length; i++)
        {
            if (((uint)a.Flags & (1u << i)) != 0)
            {
                _w.WriteStringValue(names[i]);
            }
        }

        _w.WriteEndArray();
        if (a.DuplicateAckNumber > 0)
        {
            _w.WriteNumber(_names.DupAckNum, a.DuplicateAckNumber);
            _w.WriteNumber(_names.DupAckFrame, a.DuplicateAckFrame);
        }

        if (a.AckedFrame > 0)
        {
            _w.WriteNumber(_names.AcksFrame, a.AckedFrame);
        }

        if (a.AckRttNanos >= 0)
        {
            WriteSeconds(_names.AckRtt, a.AckRttNanos);
        }

        if (PacketAnalysisText.ShowsInitialRtt(a))
        {
            WriteSeconds(_names.Irtt, a.InitialRttNanos);
        }

        if (a.BytesInFlight >= 0)
        {
            _w.WriteNumber(_names.BytesInFlight, a.BytesInFlight);
        }
    }

    private void WriteSeconds(System.Text.Json.JsonEncodedText name, long nanos)
    {
        Span<byte> scratch = stackalloc byte[PacketAnalysisText.MaxSecondsLength];
        _w.WritePropertyName(name);
        _w.WriteRawValue(scratch[..PacketAnalysisText.FormatSeconds(nanos, scratch)], skipInputValidation: true);
    }
}
