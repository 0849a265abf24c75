using SynAck.Analysis.Tracking;

namespace SynAck.Analysis.Output;

/// <summary>
/// A connection sink that can take finished connections as Zeek rows instead of <see cref="Records.ConnRecord"/>
/// objects. When <see cref="AcceptsZeekRows"/> is true the tracker calls <see cref="OnZeekRow"/> and builds no record.
/// </summary>
internal interface IZeekRowSink : IConnectionSink
{
    bool AcceptsZeekRows { get; }

    /// <param name="row">The connection's row (valid during the call only).</param>
    /// <param name="firstFrame">Number of the connection's first packet (its canonical order and uid source).</param>
    void OnZeekRow(in ZeekConnRow row, long firstFrame);
}
