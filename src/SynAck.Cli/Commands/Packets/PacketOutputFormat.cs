namespace SynAck.Cli.Commands.Packets;

/// <summary><c>synack packets --format</c>: tcpdump-like text lines, or one JSON object per line.</summary>
public enum PacketOutputFormat
{
    Text,
    Json,
}
