namespace SynAck.Capture.Sources;

/// <summary>Where a <see cref="CaptureReader"/> gets its bytes. Called once per buffer refill, never per packet.</summary>
internal abstract class CaptureSource : IDisposable
{
    /// <summary>Bytes of the underlying input read so far (compressed bytes for gzip).</summary>
    public abstract long Position { get; }

    /// <summary>Size of the underlying input when known.</summary>
    public abstract long? Length { get; }

    /// <summary>Fills as much of <paramref name="destination"/> as one read gives; 0 at the end.</summary>
    public abstract int Read(Span<byte> destination);

    /// <summary>A stream over the whole input from its first byte, given the bytes this source has already
    /// returned (used to put a gzip decoder in front once the magic has been seen).</summary>
    public abstract Stream ReopenAsStream(ReadOnlySpan<byte> alreadyRead);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
