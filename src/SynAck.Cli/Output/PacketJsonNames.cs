using System.Text.Json;

namespace SynAck.Cli.Output;

/// <summary>Pre-encoded property names of the packet JSON schema (one instance per writer, nothing static and mutable).</summary>
public sealed class PacketJsonNames
{
    public JsonEncodedText N { get; } = JsonEncodedText.Encode("n");

    public JsonEncodedText Ts { get; } = JsonEncodedText.Encode("ts");

    public JsonEncodedText Ip { get; } = JsonEncodedText.Encode("ip");

    public JsonEncodedText Src { get; } = JsonEncodedText.Encode("src");

    public JsonEncodedText Sport { get; } = JsonEncodedText.Encode("sport");

    public JsonEncodedText Dst { get; } = JsonEncodedText.Encode("dst");

    public JsonEncodedText Dport { get; } = JsonEncodedText.Encode("dport");

    public JsonEncodedText Flags { get; } = JsonEncodedText.Encode("flags");

    public JsonEncodedText[] FlagNames { get; } = Output.FlagNames.EncodedNames();

    public JsonEncodedText Seq { get; } = JsonEncodedText.Encode("seq");

    public JsonEncodedText Ack { get; } = JsonEncodedText.Encode("ack");

    public JsonEncodedText Win { get; } = JsonEncodedText.Encode("win");

    public JsonEncodedText Len { get; } = JsonEncodedText.Encode("len");

    public JsonEncodedText Urg { get; } = JsonEncodedText.Encode("urg");

    public JsonEncodedText Opts { get; } = JsonEncodedText.Encode("opts");

    public JsonEncodedText Mss { get; } = JsonEncodedText.Encode("mss");

    public JsonEncodedText Wscale { get; } = JsonEncodedText.Encode("wscale");

    public JsonEncodedText SackPerm { get; } = JsonEncodedText.Encode("sack_perm");

    public JsonEncodedText TsOption { get; } = JsonEncodedText.Encode("ts");

    public JsonEncodedText Val { get; } = JsonEncodedText.Encode("val");

    public JsonEncodedText Ecr { get; } = JsonEncodedText.Encode("ecr");

    public JsonEncodedText Sack { get; } = JsonEncodedText.Encode("sack");

    public JsonEncodedText Tfo { get; } = JsonEncodedText.Encode("tfo");

    public JsonEncodedText Unknown { get; } = JsonEncodedText.Encode("unknown");

    public JsonEncodedText Kind { get; } = JsonEncodedText.Encode("kind");

    public JsonEncodedText OptionLen { get; } = JsonEncodedText.Encode("len");

    public JsonEncodedText Proto { get; } = JsonEncodedText.Encode("proto");

    public JsonEncodedText Conn { get; } = JsonEncodedText.Encode("conn");

    public JsonEncodedText Transitions { get; } = JsonEncodedText.Encode("transitions");

    public JsonEncodedText Endpoint { get; } = JsonEncodedText.Encode("endpoint");

    public JsonEncodedText Orig { get; } = JsonEncodedText.Encode("orig");

    public JsonEncodedText Resp { get; } = JsonEncodedText.Encode("resp");

    public JsonEncodedText From { get; } = JsonEncodedText.Encode("from");

    public JsonEncodedText To { get; } = JsonEncodedText.Encode("to");

    public JsonEncodedText Cause { get; } = JsonEncodedText.Encode("cause");

    public JsonEncodedText Link { get; } = JsonEncodedText.Encode("link");

    public JsonEncodedText EtherType { get; } = JsonEncodedText.Encode("ethertype");

    public JsonEncodedText Status { get; } = JsonEncodedText.Encode("status");

    public JsonEncodedText IpChecksumOk { get; } = JsonEncodedText.Encode("ip_cksum_ok");

    public JsonEncodedText TcpChecksumOk { get; } = JsonEncodedText.Encode("tcp_cksum_ok");

    public JsonEncodedText Analysis { get; } = JsonEncodedText.Encode("analysis");

    /// <summary>The Wireshark <c>tcp.analysis.*</c> names, in flag bit order.</summary>
    public JsonEncodedText[] AnalysisNames { get; } = EncodeAnalysisNames();

    public JsonEncodedText DupAckNum { get; } = JsonEncodedText.Encode("dup_ack_num");

    public JsonEncodedText DupAckFrame { get; } = JsonEncodedText.Encode("dup_ack_frame");

    public JsonEncodedText AcksFrame { get; } = JsonEncodedText.Encode("acks_frame");

    public JsonEncodedText AckRtt { get; } = JsonEncodedText.Encode("ack_rtt");

    public JsonEncodedText Irtt { get; } = JsonEncodedText.Encode("irtt");

    public JsonEncodedText BytesInFlight { get; } = JsonEncodedText.Encode("bytes_in_flight");

    private static JsonEncodedText[] EncodeAnalysisNames()
    {
        var names = global::SynAck.Analysis.Anomalies.Sequence.TcpAnalysisFlagNames.Names;
        var encoded = new JsonEncodedText[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            encoded[i] = JsonEncodedText.Encode(names[i]);
        }

        return encoded;
    }
}
