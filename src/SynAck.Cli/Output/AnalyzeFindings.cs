using SynAck.Analysis.Anomalies.Sequence;
using SynAck.Analysis.Findings;

namespace SynAck.Cli.Output;

/// <summary>
/// What <c>synack analyze</c> adds about what went wrong: the findings digest and the sequence-analysis totals;
/// with several captures, <paramref name="CaptureOf"/> names the capture of each finding (its frame numbers are that
/// capture's).
/// </summary>
public sealed record AnalyzeFindings(FindingSummary Findings, SequenceTotals Sequence, Func<Finding, string>? CaptureOf = null);
