namespace SynAck.Stack.Links;

/// <summary>The directions an <see cref="ImpairedLink"/> impairs.</summary>
[Flags]
public enum ImpairmentDirections : byte
{
    None = 0,

    /// <summary>Packets the stack sends.</summary>
    Outbound = 1,

    /// <summary>Packets the stack receives.</summary>
    Inbound = 2,

    Both = Outbound | Inbound,
}
