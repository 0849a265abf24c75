using System.Globalization;

namespace SynAck.Analysis.Tests.Anomalies.Support;

/// <summary>Confusion counts of one analysis flag, SynAck against tshark, over the packets either one flagged.</summary>
internal sealed record FlagAgreement(string Name, int Both, int OnlySynAck, int OnlyTshark, IReadOnlyList<long> Disagreeing)
{
    public double Precision => Both + OnlySynAck == 0 ? 1.0 : (double)Both / (Both + OnlySynAck);

    public double Recall => Both + OnlyTshark == 0 ? 1.0 : (double)Both / (Both + OnlyTshark);

    /// <summary>Share of the packets flagged by either side that both flagged.</summary>
    public double Agreement => Both + OnlySynAck + OnlyTshark == 0 ? 1.0 : (double)Both / (Both + OnlySynAck + OnlyTshark);

    public string Row() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Name,-24} | {Both + OnlyTshark,7} | {Both + OnlySynAck,7} | {Both,5} | {Precision,9:P2} | {Recall,7:P2} | {Agreement,9:P2} |");

    public const string Header =
        "| flag                     |  tshark |  SynAck |  both | precision |  recall | agreement |\n" +
        "|--------------------------|---------|---------|-------|-----------|---------|-----------|";
}
