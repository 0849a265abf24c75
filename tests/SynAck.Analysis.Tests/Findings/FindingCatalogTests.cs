using SynAck.Analysis.Findings;
using SynAck.Analysis.Tests.Anomalies.Support;

namespace SynAck.Analysis.Tests.Findings;

public sealed class FindingCatalogTests
{
    [Fact]
    public void Catalog_EveryId_IsUniqueAndHasADocPage()
    {
        var ids = new HashSet<string>();
        foreach (var d in FindingCatalog.All)
        {
            Assert.True(ids.Add(d.Id), d.Id);
            var page = Path.Combine(RepoPaths.Root, d.DocPath);
            Assert.True(File.Exists(page), $"missing {d.DocPath}");
            Assert.StartsWith($"# {d.Id}: {d.Title}", File.ReadAllText(page), StringComparison.Ordinal);
        }

        Assert.Equal(24, ids.Count);
    }

    [Fact]
    public void Catalog_UnknownId_Throws() =>
        Assert.Throws<ArgumentException>(() => FindingCatalog.Get("SA-NOPE-001"));
}
