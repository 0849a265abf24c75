using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Analysis.Tests.Pipeline;

/// <summary>Locates the shared test data (../shared next to the repository root, found by walking up to SynAck.slnx).</summary>
internal static class PipelineFiles
{
    /// <summary>Every trace of the Zeek corpus and labeled.pcap (when present); null without the corpus.</summary>
    public static List<string>? AllTestCaptures()
    {
        if (Shared("corpus/zeek/MANIFEST.tsv") is not { } manifest)
        {
            return null;
        }

        var captures = Directory.GetFiles(Path.GetDirectoryName(manifest)!, "trace.pcap*", SearchOption.AllDirectories).ToList();
        if (Shared("captures/labeled.pcap") is { } labeled)
        {
            captures.Add(labeled);
        }

        return captures;
    }

    /// <summary>
    /// Calls <paramref name="visit"/> with every packet of <paramref name="captures"/> and its decoding (tunnels
    /// followed, as the capture commands decode): the fast paths are checked against the general decoder this way.
    /// </summary>
    public static void EveryDecodedPacket(IEnumerable<string> captures, DecodedPacketVisitor visit)
    {
        foreach (var path in captures)
        {
            using var reader = CaptureReader.Open(path);
            while (reader.TryReadNext(out var packet))
            {
                PacketDecoder.Decode(packet.LinkType, packet.Data, DecodeOptions.FollowTunnels, out var decoded);
                visit(path, packet, decoded);
            }
        }
    }

    public static string? Shared(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SynAck.slnx")))
        {
            dir = dir.Parent;
        }

        if (dir?.Parent is null)
        {
            return null;
        }

        var path = Path.Combine(dir.Parent.FullName, "shared", relative);
        return File.Exists(path) ? path : null;
    }
}

/// <summary>One packet of a test capture with its decoding (<see cref="PipelineFiles.EveryDecodedPacket"/>).</summary>
internal delegate void DecodedPacketVisitor(string path, in CapturedPacket packet, in DecodedPacket decoded);
