using System.Diagnostics.CodeAnalysis;

namespace SynAck.Wire;

/// <summary>Throws for API misuse only (bad input data is reported through <see cref="ParseStatus"/>).</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowDestinationTooShort(string paramName, int needed) =>
        throw new ArgumentException($"Destination needs at least {needed} bytes.", paramName);

    [DoesNotReturn]
    public static void ThrowSourceTooShort(string paramName, int needed) =>
        throw new ArgumentException($"Source needs at least {needed} bytes.", paramName);

    [DoesNotReturn]
    public static void ThrowArgumentOutOfRange(string paramName, string message) =>
        throw new ArgumentOutOfRangeException(paramName, message);
}
