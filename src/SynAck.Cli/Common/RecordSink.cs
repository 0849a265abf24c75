using SynAck.Analysis.Records;
using SynAck.Analysis.Tracking;

namespace SynAck.Cli.Common;

/// <summary>An <see cref="IConnectionSink"/> that hands each finished connection's record to a callback.</summary>
public sealed class RecordSink(Action<ConnRecord> onConnection) : IConnectionSink
{
    public void OnConnection(ConnRecord record) => onConnection(record);
}
