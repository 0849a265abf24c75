using SynAck.Capture;
using SynAck.Wire;

namespace SynAck.Analysis.Pipeline;

/// <summary>Sees every packet of a tracked capture after the tracker processed it (see <see cref="CaptureFeeder"/>).</summary>
public interface IPacketObserver
{
    /// <param name="packet">The packet record.</param>
    /// <param name="decoded">Its decoding.</param>
    /// <param name="tracked">True when it was a TCP segment fed to the tracker: the tracker's LastOutcome is about it.</param>
    void OnPacket(in CapturedPacket packet, in DecodedPacket decoded, bool tracked);
}
