using System.Diagnostics.CodeAnalysis;
using SynAck.Wire.Tcp;

namespace SynAck.Stack;

/// <summary>Throws for API misuse, out of line so the callers stay small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowInvalidState(TcpState actual, TcpState expected) =>
        throw new InvalidOperationException($"The connection is {actual.ToRfcName()}; this call needs {expected.ToRfcName()}.");

    [DoesNotReturn]
    public static void ThrowPortInUse(ushort port) =>
        throw new InvalidOperationException($"Port {port} is already in use.");

    [DoesNotReturn]
    public static void ThrowNoFreePort() =>
        throw new InvalidOperationException("No free ephemeral port.");
}
