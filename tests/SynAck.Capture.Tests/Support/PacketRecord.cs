using SynAck.Wire;

namespace SynAck.Capture.Tests.Support;

/// <summary>A copied <see cref="CapturedPacket"/> that outlives the reader's buffer, for comparisons.</summary>
internal sealed record PacketRecord(
    byte[] Data, int OriginalLength, bool IsTruncated, long TimestampNanos, byte TimestampDigits, LinkType LinkType,
    int InterfaceId, long FrameNumber, long FileOffset)
{
    public static PacketRecord From(in CapturedPacket p) => new(
        p.Data.ToArray(), p.OriginalLength, p.IsTruncated, p.TimestampNanos, p.TimestampDigits, p.LinkType,
        p.InterfaceId, p.FrameNumber, p.FileOffset);
}
