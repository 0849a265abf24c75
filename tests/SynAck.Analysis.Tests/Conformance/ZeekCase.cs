using System.Text.RegularExpressions;
using SynAck.Analysis.Tracking;
using SynAck.Analysis.Zeek;
using SynAck.Wire;

namespace SynAck.Analysis.Tests.Conformance;

/// <summary>One case of ../shared/corpus/zeek/MANIFEST.tsv and the tracker options its Zeek command line implies.</summary>
internal sealed partial record ZeekCase(string Name, string Directory, string CommandLine, string Notes, string ExpectedFile)
{
    public string TracePath => System.IO.Directory.GetFiles(Directory, "trace.*").Single();

    public string ExpectedPath => Path.Combine(Directory, ExpectedFile);

    public static List<ZeekCase> Load(string corpus)
    {
        var lines = File.ReadAllLines(Path.Combine(corpus, "MANIFEST.tsv"));
        var header = lines[0].Split('\t');
        int Col(string n) => Array.IndexOf(header, n);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(f => new ZeekCase(
            f[Col("name")], Path.Combine(corpus, f[Col("name")]), f[Col("zeek_command_line")], f[Col("notes")], f[Col("expected_file")])).ToList();
    }

    /// <summary>Options matching how Zeek was run: -C (no checksum checks), -b (bare: only loaded protocols' ports), redefs.</summary>
    public TrackerOptions Options()
    {
        var tokens = CommandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var bare = tokens.Contains("-b");
        var loaded = LoadRegex().Matches(Notes + " " + CommandLine).Select(m => m.Groups[1].Value).Distinct().ToArray();
        var zeek = new ZeekOptions
        {
            VerifyChecksums = !tokens.Contains("-C"),
            ServerPorts = bare ? LikelyServerPorts.Bare(loaded) : LikelyServerPorts.Default(),
            ReportGapsForPartial = Notes.Contains("report_gaps_for_partial = T", StringComparison.Ordinal),
            IgnoreChecksumNets = IgnoreNets(),
        };
        return new TrackerOptions { Zeek = zeek };
    }

    private IReadOnlyList<IpPrefix> IgnoreNets()
    {
        var m = IgnoreNetsRegex().Match(CommandLine);
        if (!m.Success)
        {
            return [];
        }

        return m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('/'))
            .Select(p => new IpPrefix(IpAddr.Parse(p[0]), int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    [GeneratedRegex(@"(?:@load )?base/protocols/([a-z0-9-]+)")]
    private static partial Regex LoadRegex();

    [GeneratedRegex(@"ignore_checksums_nets \+= \{([^}]*)\}")]
    private static partial Regex IgnoreNetsRegex();
}
