using SynAck.Analysis.Anomalies;
using SynAck.Analysis.Findings;
using SynAck.Analysis.Input;
using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Analysis.Tests.Anomalies.Support;

/// <summary>Runs <see cref="AnomalyDetector"/> over a capture file.</summary>
internal static class AnomalyRun
{
    public static (List<Finding> Findings, AnomalyDetector Detector) File(string path, AnomalyOptions? options = null)
    {
        var detector = new AnomalyDetector(options);
        using (var reader = CaptureReader.Open(path))
        {
            while (reader.TryReadNext(out var packet))
            {
                PacketDecoder.Decode(packet.LinkType, packet.Data, out var decoded);
                if (TcpSegmentFactory.TryCreate(decoded, packet.FrameNumber, packet.TimestampNanos, false, out var seg))
                {
                    detector.Process(seg, SegmentExtras.From(decoded));
                }
            }
        }

        return (detector.Findings(), detector);
    }

    /// <summary>Saves a crafted capture, analyzes it and deletes the file.</summary>
    public static List<Finding> Crafted(CraftedCapture capture, AnomalyOptions? options = null) =>
        CraftedWithDetector(capture, options).Findings;

    /// <summary><see cref="Crafted"/>, with the detector (its tables' counts).</summary>
    public static (List<Finding> Findings, AnomalyDetector Detector) CraftedWithDetector(CraftedCapture capture, AnomalyOptions? options = null)
    {
        var path = capture.Save();
        try
        {
            return File(path, options);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}
