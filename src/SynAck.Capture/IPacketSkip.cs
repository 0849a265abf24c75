using SynAck.Wire;

namespace SynAck.Capture;

/// <summary>
/// Says, from a packet's bytes and time alone, whether <see cref="CaptureReader.SkipWhile{TSkip}"/> may pass over
/// it. A struct, so the reader's loop is compiled for it and the decision is inlined.
/// </summary>
internal interface IPacketSkip
{
    /// <summary>True to pass over the packet (its record is never made into a <see cref="CapturedPacket"/>).</summary>
    bool Skip(LinkType linkType, ReadOnlySpan<byte> data, long timestampNanos);
}
