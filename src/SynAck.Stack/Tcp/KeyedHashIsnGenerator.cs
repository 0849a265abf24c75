using System.Buffers.Binary;
using System.Security.Cryptography;
using SynAck.Wire.Tcp;

namespace SynAck.Stack.Tcp;

/// <summary>
/// RFC 6528 §3 initial sequence numbers: ISN = M + F(localip, localport, remoteip, remoteport, secretkey), where M
/// is a timer ticking every 4 µs and F is a keyed hash. F here is HMAC-SHA256 truncated to 32 bits; the key is
/// injected (RFC 6528 §3: a secret, random at boot, at least 128 bits).
/// </summary>
public sealed class KeyedHashIsnGenerator : IIsnGenerator
{
    private readonly byte[] _key;

    /// <param name="key">The secret key; at least 16 bytes.</param>
    public KeyedHashIsnGenerator(ReadOnlySpan<byte> key)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(key.Length, 16, nameof(key));
        _key = key.ToArray();
    }

    /// <summary>A generator keyed with 32 bytes from the operating system's cryptographic random source.</summary>
    public static KeyedHashIsnGenerator CreateRandom() => new(RandomNumberGenerator.GetBytes(32));

    /// <inheritdoc />
    public SeqNumber Generate(TcpEndpoint local, TcpEndpoint remote, Instant now)
    {
        Span<byte> input = stackalloc byte[36];
        local.Address.TryWriteBytes(input, out var a);
        BinaryPrimitives.WriteUInt16BigEndian(input[a..], local.Port);
        a += 2;
        remote.Address.TryWriteBytes(input[a..], out var b);
        a += b;
        BinaryPrimitives.WriteUInt16BigEndian(input[a..], remote.Port);
        a += 2;

        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, input[..a], hash);
        var f = BinaryPrimitives.ReadUInt32BigEndian(hash);

        // RFC 6528 §3: M is a 4-microsecond timer.
        var m = unchecked((uint)(now.Microseconds / 4));
        return new SeqNumber(unchecked(m + f));
    }
}
