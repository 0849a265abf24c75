namespace SynAck.Capture;

/// <summary>What is wrong with a record or block; <see cref="CaptureProblem"/> carries the numbers.</summary>
public enum CaptureProblemKind : byte
{
    None,
    TruncatedRecord,
    TruncatedBlock,
    CapturedLengthTooLarge,
    BlockLengthInvalid,
    BlockLengthTooLarge,
    TrailingLengthMismatch,
    BlockTooShort,
    ByteOrderMagicInvalid,
    UnsupportedVersion,
    UnknownInterface,
    NoSectionHeader,
    ReadError,
}
