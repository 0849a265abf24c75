namespace SynAck.Capture.Tests.Support;

/// <summary>Reads whole captures into lists.</summary>
internal static class Read
{
    public static (List<PacketRecord> Packets, IReadOnlyList<CaptureWarning> Warnings, CaptureFormat Format) All(
        CaptureReader reader)
    {
        var list = new List<PacketRecord>();
        while (reader.TryReadNext(out var p))
        {
            list.Add(PacketRecord.From(p));
        }

        return (list, reader.Warnings, reader.Format);
    }

    public static (List<PacketRecord> Packets, IReadOnlyList<CaptureWarning> Warnings, CaptureFormat Format) Bytes(
        byte[] bytes, int chunk = int.MaxValue)
    {
        using var reader = CaptureReader.Open(new ChunkedStream(bytes, chunk), "test");
        return All(reader);
    }

    public static (List<PacketRecord> Packets, IReadOnlyList<CaptureWarning> Warnings, CaptureFormat Format) File(
        string path)
    {
        using var reader = CaptureReader.Open(path);
        return All(reader);
    }
}
