using SynAck.Analysis.Tests.Anomalies.Support;
using Xunit.Abstractions;

namespace SynAck.Analysis.Tests.Anomalies.Sequence;

public sealed class TsharkDifferentialTests(LabeledDifferentialFixture fixture, ITestOutputHelper output)
    : IClassFixture<LabeledDifferentialFixture>
{
    [SkippableFact]
    public void LabeledCapture_AnalysisFlags_AgreeWithTshark()
    {
        Skip.If(LabeledDifferentialFixture.Unavailable is not null, LabeledDifferentialFixture.Unavailable);
        var diff = fixture.Result;
        output.WriteLine(FlagAgreement.Header);
        var failures = new List<string>();
        foreach (var name in TsharkDifferential.Checked.Concat(TsharkDifferential.Informational))
        {
            var a = diff.Compare(name);
            output.WriteLine(a.Row());
            if (a.Disagreeing.Count > 0)
            {
                output.WriteLine($"    disagreeing frames: {string.Join(' ', a.Disagreeing.Take(40))}");
            }

            if (TsharkDifferential.Checked.Contains(name) && a.Agreement < 0.98)
            {
                failures.Add($"{name}: agreement {a.Agreement:P2}");
            }
        }

        Assert.Empty(failures);
    }

    [SkippableFact]
    public void LabeledCapture_InitialRtt_EqualsTsharkToTheMicrosecond()
    {
        Skip.If(LabeledDifferentialFixture.Unavailable is not null, LabeledDifferentialFixture.Unavailable);
        var diff = fixture.Result;
        var withRtt = diff.Theirs.Count(r => r.Value.ContainsKey("initial_rtt"));
        var mismatches = diff.ValueMismatches(
            "initial_rtt",
            a => a.InitialRttNanos >= 0 && a.HasAnalysisRecord ? TsharkDifferential.Seconds(a.InitialRttNanos) : null);
        output.WriteLine($"packets with tcp.analysis.initial_rtt: {withRtt}, mismatches: {mismatches.Count}");
        foreach (var m in mismatches.Take(20))
        {
            output.WriteLine($"  frame {m.Frame}: tshark {m.Tshark} SynAck {m.SynAck}");
        }

        Assert.True(withRtt > 100, $"only {withRtt} packets carry initial_rtt");
        Assert.Empty(mismatches);
    }

    [SkippableFact]
    public void LabeledCapture_AckRttAndDupAckNumbers_EqualTshark()
    {
        Skip.If(LabeledDifferentialFixture.Unavailable is not null, LabeledDifferentialFixture.Unavailable);
        var diff = fixture.Result;
        var rtt = diff.ValueMismatches("ack_rtt", a => a.AckRttNanos >= 0 ? TsharkDifferential.Seconds(a.AckRttNanos) : null);
        var num = diff.ValueMismatches("duplicate_ack_num", a => a.DuplicateAckNumber > 0 ? a.DuplicateAckNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        var frame = diff.ValueMismatches("duplicate_ack_frame", a => a.DuplicateAckFrame > 0 ? a.DuplicateAckFrame.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        var bif = diff.ValueMismatches("bytes_in_flight", a => a.BytesInFlight >= 0 ? a.BytesInFlight.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        output.WriteLine($"ack_rtt mismatches {rtt.Count}, duplicate_ack_num {num.Count}, duplicate_ack_frame {frame.Count}, bytes_in_flight {bif.Count}");
        foreach (var m in rtt.Take(10).Concat(num.Take(10)).Concat(frame.Take(10)).Concat(bif.Take(10)))
        {
            output.WriteLine($"  frame {m.Frame}: tshark {m.Tshark} SynAck {m.SynAck}");
        }

        Assert.Empty(rtt);
        Assert.Empty(num);
        Assert.Empty(frame);
        Assert.Empty(bif);
    }
}
