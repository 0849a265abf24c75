namespace SynAck.Analysis.Records;

/// <summary>How many packets one direction sent with each flag set.</summary>
public readonly record struct FlagCounts(uint Syn, uint Fin, uint Ack, uint Psh, uint Rst, uint Urg, uint Ece, uint Cwr);
