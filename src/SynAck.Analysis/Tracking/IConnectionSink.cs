using SynAck.Analysis.Records;

namespace SynAck.Analysis.Tracking;

/// <summary>Receives each connection's record when the connection ends.</summary>
public interface IConnectionSink
{
    void OnConnection(ConnRecord record);
}
