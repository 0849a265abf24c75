using System.Globalization;

namespace SynAck.Cli.Commands.Listen;

/// <summary>What one connection carried: bytes and SHA-256 each way.</summary>
public sealed record ExchangeResult(long BytesSent, string SentSha256, long BytesReceived, string ReceivedSha256)
{
    /// <summary>The stdout line for one connection.</summary>
    public string Describe(string remote, EndpointMode mode) => string.Create(
        CultureInfo.InvariantCulture,
        $"{remote} {mode.ToString().ToLowerInvariant()}: received {BytesReceived} bytes sha256 {ReceivedSha256}, sent {BytesSent} bytes sha256 {SentSha256}");
}
