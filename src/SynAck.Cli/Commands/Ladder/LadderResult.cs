using SynAck.Analysis.Records;

namespace SynAck.Cli.Commands.Ladder;

/// <summary>A connection's record and its packets in capture order, roles as finally decided.</summary>
public sealed record LadderResult(ConnRecord Record, IReadOnlyList<LadderRow> Rows);
