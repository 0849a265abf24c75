namespace SynAck.Cli.Output;

/// <summary>A connection record with its number in its capture (1 = the first connection to start).</summary>
public readonly record struct NumberedRecord(int Number, ConnTableEntry Record);
