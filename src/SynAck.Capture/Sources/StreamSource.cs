namespace SynAck.Capture.Sources;

/// <summary>A forward-only stream: stdin, a pipe, a gzip decoder, or any caller's stream.</summary>
internal sealed class StreamSource : CaptureSource
{
    private readonly Stream _stream;
    private readonly Stream? _underlying;
    private readonly bool _leaveOpen;
    private long _position;

    /// <param name="stream">What to read.</param>
    /// <param name="underlying">For a decoder, the stream whose position reports progress.</param>
    /// <param name="leaveOpen">Do not dispose <paramref name="stream"/>.</param>
    public StreamSource(Stream stream, Stream? underlying, bool leaveOpen)
    {
        _stream = stream;
        _underlying = underlying;
        _leaveOpen = leaveOpen;
    }

    public override long Position => _underlying?.Position ?? _position;

    public override long? Length
    {
        get
        {
            var s = _underlying ?? _stream;
            return s.CanSeek ? s.Length : null;
        }
    }

    public override int Read(Span<byte> destination)
    {
        var n = _stream.Read(destination);
        _position += n;
        return n;
    }

    public override Stream ReopenAsStream(ReadOnlySpan<byte> alreadyRead) => new PrefixedStream(alreadyRead.ToArray(), _stream);

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen)
        {
            _stream.Dispose();
            _underlying?.Dispose();
        }
    }
}
