using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;

namespace SynAck.Stack.Links;

/// <summary>
/// A Linux TUN device (/dev/net/tun, IFF_TUN | IFF_NO_PI): every read is one IP packet the kernel routed to the
/// device, every write one IP packet injected into the kernel. A reader thread waits with poll(2) and then drains
/// every packet the non-blocking descriptor has (a batch) before waking the stack once. Writes go out one packet
/// per write(2), as the TUN interface requires. No <c>unsafe</c>: libc is called with arrays and blittable structs.
/// </summary>
public sealed partial class TunLink : ILink, IDisposable
{
    private const int ORdWr = 0x2;
    private const int ONonBlock = 0x800;
    private const int OCloExec = 0x80000;
    private const short IffTun = 0x0001;
    private const short IffNoPi = 0x1000;
    private const short PollIn = 0x1;
    private const int EAgain = 11;
    private const int EIntr = 4;

    // _IOW('T', 202, int) from <linux/if_tun.h>.
    private const nuint TunSetIff = 0x400454ca;

    private readonly int _fd;
    private readonly ConcurrentQueue<(byte[] Buffer, int Length)> _received = new();
    private readonly byte[] _tx;
    private readonly Thread _reader;
    private readonly Lock _writeGate = new();
    private volatile bool _disposed;
    private Action? _wakeup;

    private TunLink(int fd, string name, int mtu)
    {
        _fd = fd;
        Name = name;
        Mtu = mtu;
        _tx = new byte[Math.Max(mtu, 65535)];
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "SynAck TUN reader " + name };
        _reader.Start();
    }

    /// <summary>The interface name the kernel assigned.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public int Mtu { get; }

    /// <summary>Packets dropped because the reader queue was full.</summary>
    public long Overruns { get; private set; }

    /// <summary>Packets whose write(2) failed.</summary>
    public long WriteErrors { get; private set; }

    /// <summary>Reader wake-ups (each delivers a batch of packets).</summary>
    public long ReadBatches { get; private set; }

    /// <inheritdoc />
    public Instant PollAt => Instant.Never;

    /// <summary>True when this process can create TUN devices (Linux, /dev/net/tun present).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() && File.Exists("/dev/net/tun");

    /// <summary>
    /// Creates (or attaches to) the TUN device <paramref name="name"/> ("" lets the kernel pick tunN). The caller
    /// configures addresses and routes (e.g. with iproute2) and must bring the interface up.
    /// </summary>
    public static TunLink Open(string name, int mtu = 1500)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("TUN devices need Linux and /dev/net/tun.");
        }

        var fd = OpenFile("/dev/net/tun", ORdWr | ONonBlock | OCloExec);
        if (fd < 0)
        {
            throw new IOException($"open(/dev/net/tun) failed: errno {Marshal.GetLastPInvokeError()}.");
        }

        // struct ifreq: char ifr_name[IFNAMSIZ = 16]; short ifr_flags; padded to 40 bytes.
        var ifr = new byte[40];
        Encoding.ASCII.GetBytes(name.AsSpan(0, Math.Min(name.Length, 15)), ifr);
        BitConverterLittle(ifr.AsSpan(16), IffTun | IffNoPi);
        if (Ioctl(fd, TunSetIff, ifr) < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            _ = Close(fd);
            throw new IOException($"ioctl(TUNSETIFF, {name}) failed: errno {errno} (root or CAP_NET_ADMIN needed).");
        }

        var end = Array.IndexOf(ifr, (byte)0, 0, 16);
        return new TunLink(fd, Encoding.ASCII.GetString(ifr, 0, end < 0 ? 16 : end), mtu);
    }

    /// <inheritdoc />
    public void Send(ReadOnlySpan<byte> packet, Instant now)
    {
        if (_disposed || packet.Length > Mtu)
        {
            return;
        }

        lock (_writeGate)
        {
            packet.CopyTo(_tx);
            if (Write(_fd, _tx, packet.Length) < 0)
            {
                WriteErrors++;
            }
        }
    }

    /// <inheritdoc />
    public bool TryReceive(Span<byte> buffer, Instant now, out int length)
    {
        if (_received.TryDequeue(out var p))
        {
            length = Math.Min(p.Length, buffer.Length);
            p.Buffer.AsSpan(0, length).CopyTo(buffer);
            ArrayPool<byte>.Shared.Return(p.Buffer);
            return true;
        }

        length = 0;
        return false;
    }

    /// <inheritdoc />
    public void SetWakeup(Action? wakeup) => _wakeup = wakeup;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _reader.Join();
        _ = Close(_fd);
        while (_received.TryDequeue(out var p))
        {
            ArrayPool<byte>.Shared.Return(p.Buffer);
        }
    }

    private void ReadLoop()
    {
        var fds = new PollFd[1];
        while (!_disposed)
        {
            fds[0] = new PollFd { Fd = _fd, Events = PollIn };
            var ready = Poll(fds, 1, 100);
            if (ready <= 0)
            {
                continue;
            }

            var got = 0;
            while (!_disposed)
            {
                var buf = ArrayPool<byte>.Shared.Rent(Mtu + 64);
                var n = Read(_fd, buf, buf.Length);
                if (n <= 0)
                {
                    ArrayPool<byte>.Shared.Return(buf);
                    var errno = n < 0 ? Marshal.GetLastPInvokeError() : 0;
                    if (n < 0 && errno == EIntr)
                    {
                        continue;
                    }

                    break;
                }

                if (_received.Count > 65536)
                {
                    Overruns++;
                    ArrayPool<byte>.Shared.Return(buf);
                    continue;
                }

                _received.Enqueue((buf, (int)n));
                got++;
            }

            if (got > 0)
            {
                ReadBatches++;
                _wakeup?.Invoke();
            }
        }
    }

    private static void BitConverterLittle(Span<byte> dest, int value)
    {
        // ifr_flags is a native-endian short; every Linux target .NET supports is little-endian.
        dest[0] = (byte)value;
        dest[1] = (byte)(value >> 8);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }
}
