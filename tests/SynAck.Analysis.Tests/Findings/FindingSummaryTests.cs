using SynAck.Analysis.Findings;
using SynAck.Wire;

namespace SynAck.Analysis.Tests.Findings;

public sealed class FindingSummaryTests
{
    private static Finding Make(string id, long count, long firstFrame)
    {
        var d = FindingCatalog.Get(id);
        return new Finding
        {
            Id = id,
            Severity = d.Severity,
            Title = d.Title,
            Source = IpAddr.FromV4(0x0A000001),
            Count = count,
            FirstFrame = firstFrame,
            LastFrame = firstFrame + count,
        };
    }

    [Fact]
    public void Create_MixedFindings_CountsPerSeverityAndIdAndRanksTopBySeverityThenCount()
    {
        Finding[] findings =
        [
            Make(FindingIds.PshEmpty, 50, 1),
            Make(FindingIds.SynScan, 100, 10),
            Make(FindingIds.RstOutOfWindow, 3, 5),
            Make(FindingIds.RstOutOfWindow, 7, 20),
            Make(FindingIds.SynFlood, 100, 2),
        ];

        var s = FindingSummary.Create(findings, topCount: 4);

        Assert.Equal(5, s.Total);
        Assert.Equal(
            [new(FindingSeverity.High, 2), new(FindingSeverity.Medium, 2), new(FindingSeverity.Low, 0), new(FindingSeverity.Info, 1)],
            s.BySeverity);
        Assert.Equal(
            ["SA-FLAG-007 1 50", "SA-RST-003 2 10", "SA-SCAN-001 1 100", "SA-FLOOD-001 1 100"],
            s.ById.Select(c => $"{c.Definition.Id} {c.Findings} {c.Matched}"));
        // High first; equal counts by first frame; then medium by count.
        Assert.Equal([2L, 10L, 20L, 5L], s.Top.Select(f => f.FirstFrame));
    }

    [Fact]
    public void Create_NoFindings_ListsEverySeverityWithZero()
    {
        var s = FindingSummary.Create([]);

        Assert.Equal(0, s.Total);
        Assert.Equal(4, s.BySeverity.Count);
        Assert.All(s.BySeverity, kv => Assert.Equal(0, kv.Value));
        Assert.Empty(s.ById);
        Assert.Empty(s.Top);
    }
}
