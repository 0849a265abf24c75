using System.Diagnostics;
using SynAck.Analysis.Tests.Anomalies.Support;

namespace SynAck.Analysis.Tests.Anomalies.RealTraffic;

/// <summary>
/// A network namespace owned by one test (unique name, removed on dispose) with tcpdump capturing its loopback
/// into a temporary pcap. Commands run inside with <see cref="Run"/>; <see cref="Stop"/> ends the capture.
/// </summary>
internal sealed class NamespaceCapture : IDisposable
{
    private readonly Process _tcpdump;
    private bool _stopped;

    public NamespaceCapture()
    {
        Name = "synack-t-" + Guid.NewGuid().ToString("N")[..10];
        PcapPath = Path.Combine(Path.GetTempPath(), Name + ".pcap");
        ExternalTool.RunChecked("ip", "netns", "add", Name);
        Run("ip", "link", "set", "lo", "up");
        // Realistic segment sizes: MTU 1500 and no TSO/GSO super-packets on the namespace's loopback.
        Run("ip", "link", "set", "lo", "mtu", "1500");
        ExternalTool.Run("ip", "netns", "exec", Name, "ethtool", "-K", "lo", "tso", "off", "gso", "off");
        var start = new ProcessStartInfo("ip") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "netns", "exec", Name, "tcpdump", "-i", "lo", "-n", "-s", "262144", "-B", "32768", "-U", "-w", PcapPath })
        {
            start.ArgumentList.Add(a);
        }

        _tcpdump = Process.Start(start) ?? throw new InvalidOperationException("cannot start tcpdump");
        // tcpdump announces "listening on lo" on stderr once the capture runs.
        var line = _tcpdump.StandardError.ReadLine();
        if (line is null || !line.Contains("listening on", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("tcpdump did not start: " + line);
        }

        _tcpdump.StandardError.ReadToEndAsync();
    }

    public string Name { get; }

    public string PcapPath { get; }

    /// <summary>Runs a command inside the namespace; returns (exit, stdout, stderr).</summary>
    public (int Exit, string Out, string Err) Run(string tool, params string[] args) =>
        ExternalTool.Run("ip", ["netns", "exec", Name, tool, .. args]);

    /// <summary>
    /// Waits until the capture file holds at least <paramref name="packets"/> packets and has stopped growing for a
    /// moment (tcpdump writes each packet as it reads it, -U, but reads the kernel's buffer a little behind the
    /// traffic); false on timeout.
    /// </summary>
    public bool WaitForPackets(long packets, TimeSpan timeout)
    {
        var last = -1L;
        var changed = DateTime.UtcNow;
        return SpinWait.SpinUntil(
            () =>
            {
                var n = CountPackets();
                var now = DateTime.UtcNow;
                if (n != last)
                {
                    last = n;
                    changed = now;
                    return false;
                }

                return n >= packets && now - changed >= TimeSpan.FromMilliseconds(250);
            },
            timeout);
    }

    private long CountPackets()
    {
        try
        {
            using var reader = SynAck.Capture.CaptureReader.Open(PcapPath);
            long n = 0;
            while (reader.TryReadNext(out _))
            {
                n++;
            }

            return n;
        }
        catch (SynAck.Capture.CaptureFormatException)
        {
            return 0;
        }
    }

    /// <summary>Stops tcpdump (SIGINT, so it flushes) and waits for it.</summary>
    public void Stop()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        ExternalTool.Run("kill", "-INT", _tcpdump.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!_tcpdump.WaitForExit(10_000))
        {
            _tcpdump.Kill();
            _tcpdump.WaitForExit();
        }
    }

    public void Dispose()
    {
        try
        {
            Stop();
        }
        finally
        {
            _tcpdump.Dispose();
            ExternalTool.Run("ip", "netns", "del", Name);
            File.Delete(PcapPath);
        }
    }

    /// <summary>Why real-traffic tests cannot run here, or null when they can.</summary>
    public static string? Unavailable(params string[] tools)
    {
        if (!ExternalTool.IsRoot)
        {
            return "not root: network namespaces, tcpdump and hping3 need root";
        }

        foreach (var t in tools.Append("ip").Append("tcpdump"))
        {
            if (!ExternalTool.Exists(t))
            {
                return t + " is not installed";
            }
        }

        return null;
    }
}
