using SynAck.Capture.Pcap;
using SynAck.Wire;

namespace SynAck.Capture.PcapNg;

public ref partial struct PcapNgReader
{
    private const int SectionHeaderFields = 16;
    private const int InterfaceFields = 8;
    private const int EnhancedFields = 20;
    private const int SimpleFields = 4;
    private const int ObsoleteFields = 20;

    // §4.1 Section Header Block: a new section forgets every interface of the previous one.
    private bool ReadSectionHeader(ReadOnlySpan<byte> body, bool big, out CapturedPacket packet, out CaptureReadStatus status)
    {
        if (body.Length < SectionHeaderFields)
        {
            return Fail(CaptureProblemKind.BlockTooShort, body.Length, SectionHeaderFields, out packet, out status);
        }

        var major = PcapFileHeader.Read16(body[4..], big);
        if (major != 1)
        {
            return Fail(CaptureProblemKind.UnsupportedVersion, major, 1, out packet, out status);
        }

        _state = _state.StartSection(big);
        return Skip(out packet, out status);
    }

    // §4.2 Interface Description Block.
    private bool ReadInterface(ReadOnlySpan<byte> body, out CapturedPacket packet, out CaptureReadStatus status)
    {
        if (body.Length < InterfaceFields)
        {
            return Fail(CaptureProblemKind.BlockTooShort, body.Length, InterfaceFields, out packet, out status);
        }

        var big = _state.IsBigEndian;
        var link = PcapFileHeader.Read16(body, big);
        var snap = PcapFileHeader.Read32(body[4..], big);
        ReadInterfaceOptions(body[InterfaceFields..], big, out var tsResolution, out var tsOffset);
        _state = _state.AddInterface(new PcapNgInterface((LinkType)link, snap, tsResolution, tsOffset));
        return Skip(out packet, out status);
    }

    // §4.3 Enhanced Packet Block: interface id, 64-bit timestamp, captured and original length, data.
    private bool ReadEnhanced(ReadOnlySpan<byte> body, out CapturedPacket packet, out CaptureReadStatus status)
    {
        if (body.Length < EnhancedFields)
        {
            return Fail(CaptureProblemKind.BlockTooShort, body.Length, EnhancedFields, out packet, out status);
        }

        var big = _state.IsBigEndian;
        var id = PcapFileHeader.Read32(body, big);
        var units = ((ulong)PcapFileHeader.Read32(body[4..], big) << 32) | PcapFileHeader.Read32(body[8..], big);
        var captured = PcapFileHeader.Read32(body[12..], big);
        var original = PcapFileHeader.Read32(body[16..], big);
        return Packet(body[EnhancedFields..], id, units, captured, original, out packet, out status);
    }

    // §4.6 obsolete Packet Block: 16-bit interface id and drops count, then as the Enhanced Packet Block.
    private bool ReadObsolete(ReadOnlySpan<byte> body, out CapturedPacket packet, out CaptureReadStatus status)
    {
        if (body.Length < ObsoleteFields)
        {
            return Fail(CaptureProblemKind.BlockTooShort, body.Length, ObsoleteFields, out packet, out status);
        }

        var big = _state.IsBigEndian;
        var id = PcapFileHeader.Read16(body, big);
        var units = ((ulong)PcapFileHeader.Read32(body[4..], big) << 32) | PcapFileHeader.Read32(body[8..], big);
        var captured = PcapFileHeader.Read32(body[12..], big);
        var original = PcapFileHeader.Read32(body[16..], big);
        return Packet(body[ObsoleteFields..], id, units, captured, original, out packet, out status);
    }

    // §4.4 Simple Packet Block: interface 0, no timestamp; captured length = min(original, snaplen, block body).
    private bool ReadSimple(ReadOnlySpan<byte> body, out CapturedPacket packet, out CaptureReadStatus status)
    {
        if (body.Length < SimpleFields)
        {
            return Fail(CaptureProblemKind.BlockTooShort, body.Length, SimpleFields, out packet, out status);
        }

        var interfaces = _state.Interfaces;
        if (interfaces.Length == 0)
        {
            return Fail(CaptureProblemKind.UnknownInterface, 0, 0, out packet, out status);
        }

        var iface = interfaces[0];
        var original = PcapFileHeader.Read32(body, _state.IsBigEndian);
        var data = body[SimpleFields..];
        var captured = Math.Min(original, (uint)data.Length);
        if (iface.SnapLength != 0)
        {
            captured = Math.Min(captured, iface.SnapLength);
        }

        var frame = _state.FrameNumber + 1;
        packet = new CapturedPacket(
            data[..(int)captured], ClampLength(original), iface.ToNanos(0), iface.TimestampDigits, iface.LinkType,
            0, frame, _state.Offset);
        _state = _state with { FrameNumber = frame };
        status = CaptureReadStatus.Ok;
        return true;
    }

    private bool Packet(
        ReadOnlySpan<byte> data, uint id, ulong units, uint captured, uint original, out CapturedPacket packet,
        out CaptureReadStatus status)
    {
        var interfaces = _state.Interfaces;
        if (id >= (uint)interfaces.Length)
        {
            return Fail(CaptureProblemKind.UnknownInterface, id, interfaces.Length, out packet, out status);
        }

        if (captured > (uint)data.Length)
        {
            return Fail(CaptureProblemKind.BlockTooShort, data.Length, captured, out packet, out status);
        }

        ref readonly var iface = ref interfaces[(int)id];
        var frame = _state.FrameNumber + 1;
        packet = new CapturedPacket(
            data[..(int)captured], ClampLength(original), iface.ToNanos(units), iface.TimestampDigits, iface.LinkType,
            (int)id, frame, _state.Offset);
        _state = _state with { FrameNumber = frame };
        status = CaptureReadStatus.Ok;
        return true;
    }

    private static int ClampLength(uint length) => length > int.MaxValue ? int.MaxValue : (int)length;
}
