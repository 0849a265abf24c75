namespace SynAck.Analysis.Zeek;

/// <summary>A half-open range [Seq, Upper) of relative sequence numbers held by the reassembler model.</summary>
public record struct BlockRange(ulong Seq, ulong Upper);
