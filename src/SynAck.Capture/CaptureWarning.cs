namespace SynAck.Capture;

/// <summary>A problem found while reading: where it is in the (decompressed) input and what it is.</summary>
/// <param name="ByteOffset">Offset from the start of the capture data, after gzip decompression.</param>
/// <param name="Message">One line, e.g. "truncated record at byte 123456: 40 of 74 bytes".</param>
public readonly record struct CaptureWarning(long ByteOffset, string Message);
