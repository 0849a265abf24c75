namespace SynAck.Capture;

/// <summary>A reader problem as plain numbers, so the hot path formats nothing; <see cref="ToMessage"/> makes the
/// one-line text of a <see cref="CaptureWarning"/> once, when reading stops.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Offset">Byte offset of the record or block.</param>
/// <param name="Actual">The value found (bytes available, length read, interface id ...).</param>
/// <param name="Expected">The value needed or allowed.</param>
public readonly record struct CaptureProblem(CaptureProblemKind Kind, long Offset, long Actual, long Expected)
{
    public string ToMessage() => Kind switch
    {
        CaptureProblemKind.TruncatedRecord => $"truncated record at byte {Offset}: {Actual} of {Expected} bytes",
        CaptureProblemKind.TruncatedBlock => $"truncated block at byte {Offset}: {Actual} of {Expected} bytes",
        CaptureProblemKind.CapturedLengthTooLarge =>
            $"corrupt record at byte {Offset}: captured length {Actual} exceeds the limit of {Expected} bytes",
        CaptureProblemKind.BlockLengthInvalid =>
            $"corrupt block at byte {Offset}: total length {Actual} is not a multiple of 4 of at least 12",
        CaptureProblemKind.BlockLengthTooLarge =>
            $"corrupt block at byte {Offset}: total length {Actual} exceeds the limit of {Expected} bytes",
        CaptureProblemKind.TrailingLengthMismatch =>
            $"corrupt block at byte {Offset}: trailing length {Actual} does not match total length {Expected}",
        CaptureProblemKind.BlockTooShort =>
            $"corrupt block at byte {Offset}: body of {Actual} bytes is shorter than the {Expected} its fields need",
        CaptureProblemKind.ByteOrderMagicInvalid =>
            $"corrupt section header at byte {Offset}: byte-order magic 0x{Actual:x8} is not 0x1a2b3c4d",
        CaptureProblemKind.UnsupportedVersion =>
            $"unsupported pcapng version {Actual} in the section header at byte {Offset}",
        CaptureProblemKind.UnknownInterface =>
            $"corrupt block at byte {Offset}: interface {Actual} is not defined ({Expected} interfaces in the section)",
        CaptureProblemKind.NoSectionHeader => $"corrupt file at byte {Offset}: block before any section header",
        CaptureProblemKind.ReadError => $"read error at byte {Offset}",
        _ => $"problem at byte {Offset}",
    };
}
