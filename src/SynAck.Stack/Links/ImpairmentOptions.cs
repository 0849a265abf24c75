namespace SynAck.Stack.Links;

/// <summary>What an <see cref="ImpairedLink"/> does to packets; every rate is a probability in [0, 1] per packet.</summary>
public sealed record ImpairmentOptions
{
    /// <summary>Seed of the decorator's own random generator, so a run can be replayed exactly.</summary>
    public int Seed { get; init; }

    /// <summary>Probability that a packet is dropped.</summary>
    public double Loss { get; init; }

    /// <summary>Probability that a packet is delivered twice.</summary>
    public double Duplicate { get; init; }

    /// <summary>Probability that a packet is held back by <see cref="ReorderDelay"/> so later packets overtake it.</summary>
    public double Reorder { get; init; }

    /// <summary>Extra delay of a reordered packet.</summary>
    public TimeSpan ReorderDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Probability that one random bit of a packet is flipped.</summary>
    public double Corrupt { get; init; }

    /// <summary>Fixed extra delay added to every packet.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Which directions are impaired.</summary>
    public ImpairmentDirections Directions { get; init; } = ImpairmentDirections.Both;
}
