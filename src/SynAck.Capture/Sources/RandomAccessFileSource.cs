using Microsoft.Win32.SafeHandles;

namespace SynAck.Capture.Sources;

/// <summary>
/// A regular file read with positioned reads (pread) into the reader's large buffer: one system call and one
/// copy from the page cache per refill. Measured against a sliding window of memory-mapped views (the view must
/// be copied out too, as a span over the mapping needs unsafe code) and chosen as the faster of the two.
/// </summary>
internal sealed class RandomAccessFileSource : CaptureSource
{
    private readonly FileStream _file;
    private readonly SafeFileHandle _handle;
    private readonly long _length;
    private long _position;

    /// <param name="file">A seekable file; the source owns it.</param>
    public RandomAccessFileSource(FileStream file)
    {
        _file = file;
        _handle = file.SafeFileHandle;
        _length = RandomAccess.GetLength(_handle);
    }

    public override long Position => _position;

    public override long? Length => _length;

    public override int Read(Span<byte> destination)
    {
        var n = RandomAccess.Read(_handle, destination, _position);
        _position += n;
        return n;
    }

    public override Stream ReopenAsStream(ReadOnlySpan<byte> alreadyRead)
    {
        _file.Position = 0;
        return _file;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }
    }
}
