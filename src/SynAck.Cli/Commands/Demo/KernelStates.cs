namespace SynAck.Cli.Commands.Demo;

/// <summary>Reads one connection's state from <c>ss -tanH</c> output (the kernel's view, RFC 9293 spellings).</summary>
public static class KernelStates
{
    /// <summary>
    /// The state of the kernel socket at <paramref name="kernel"/> talking to <paramref name="peer"/>; LISTEN when only
    /// a listener on the kernel's port exists; CLOSED when the kernel has no such socket (no TCB).
    /// </summary>
    public static string StateOf(IReadOnlyList<string> ssLines, string kernel, string peer, ushort kernelPort)
    {
        ArgumentNullException.ThrowIfNull(ssLines);
        var listening = false;
        var portSuffix = ":" + kernelPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var line in ssLines)
        {
            var cols = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cols.Length < 5)
            {
                continue;
            }

            if (cols[3] == kernel && cols[4] == peer)
            {
                return RfcName(cols[0]);
            }

            listening |= cols[0] == "LISTEN" && cols[3].EndsWith(portSuffix, StringComparison.Ordinal);
        }

        return listening ? "LISTEN" : "CLOSED";
    }

    /// <summary>ss abbreviates two states; the rest already are RFC 9293 names.</summary>
    public static string RfcName(string ss) => ss switch
    {
        "ESTAB" => "ESTABLISHED",
        "SYN-RECV" => "SYN-RECEIVED",
        _ => ss,
    };
}
