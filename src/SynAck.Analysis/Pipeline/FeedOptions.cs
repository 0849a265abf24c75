using SynAck.Wire;

namespace SynAck.Analysis.Pipeline;

/// <summary>How <see cref="CaptureFeeder"/> turns frames into TCP segments.</summary>
public readonly record struct FeedOptions
{
    /// <summary>What the decoder follows beyond link framing, IP and TCP (e.g. <see cref="DecodeOptions.FollowTunnels"/>).</summary>
    public DecodeOptions Decode { get; init; }

    /// <summary>Verify TCP checksums while building segments (Zeek without <c>-C</c>).</summary>
    public bool VerifyChecksums { get; init; }
}
