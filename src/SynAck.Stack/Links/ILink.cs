namespace SynAck.Stack.Links;

/// <summary>
/// A network interface that carries whole IP packets (no link-layer header): a TUN device, a simulated wire or a
/// decorator over either. The stack's single thread calls every member except <see cref="SetWakeup"/>'s callback,
/// which a link may invoke from any thread when a packet may have become readable.
/// </summary>
public interface ILink
{
    /// <summary>Largest IP packet the link carries, in bytes.</summary>
    int Mtu { get; }

    /// <summary>Transmits one IP packet. The span is only valid during the call.</summary>
    void Send(ReadOnlySpan<byte> packet, Instant now);

    /// <summary>Copies the next packet that has arrived by <paramref name="now"/> into <paramref name="buffer"/>; false when none.</summary>
    bool TryReceive(Span<byte> buffer, Instant now, out int length);

    /// <summary>The earliest instant at which the link has more work (a delayed packet to deliver or release); <see cref="Instant.Never"/> if none is scheduled.</summary>
    Instant PollAt { get; }

    /// <summary>Registers the callback a link calls (possibly on another thread) when packets may be readable.</summary>
    void SetWakeup(Action? wakeup);
}
