namespace SynAck.Analysis.Findings;

/// <summary>One finding id in a <see cref="FindingSummary"/>: its definition, how many findings, and how many packets (or probes, connections) they matched.</summary>
public sealed record FindingIdCount(FindingDefinition Definition, long Findings, long Matched);
