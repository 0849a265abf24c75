namespace SynAck.Capture;

/// <summary>The input cannot be opened as a capture: missing, unreadable, empty or not pcap/pcapng.
/// The message is one line meant for the user, e.g. "x.txt: not a pcap or pcapng capture (magic 0x6c6c6568)".</summary>
public sealed class CaptureFormatException : Exception
{
    public CaptureFormatException()
    {
    }

    public CaptureFormatException(string message)
        : base(message)
    {
    }

    public CaptureFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
