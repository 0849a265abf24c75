namespace SynAck.Analysis.Anomalies.Sequence;

/// <summary>
/// What the connection tracker keeps per connection for sequence analysis: the flow state (side 0 = the first
/// packet's sender, as the tracker's sides) and both directions' running statistics. Stored inline in the slot.
/// </summary>
internal struct ConnectionSequence
{
    public bool Started;
    public SequenceFlow Flow;
    public SequenceStats S0;
    public SequenceStats S1;
}
