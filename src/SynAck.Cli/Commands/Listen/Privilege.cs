namespace SynAck.Cli.Commands.Listen;

/// <summary>The root check of the commands that create TUN devices and network namespaces.</summary>
public static class Privilege
{
    /// <summary>Throws a one-line usage error (exit code 2) unless the process is privileged.</summary>
    public static void Require(string command, string what)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw CliException.Usage($"{command} needs Linux: it {what}");
        }

        if (!Environment.IsPrivilegedProcess)
        {
            throw CliException.Usage($"{command} needs root (CAP_NET_ADMIN): it {what}; run it with sudo");
        }

        if (!File.Exists("/dev/net/tun"))
        {
            throw CliException.Usage($"{command} needs /dev/net/tun (the tun kernel module): it {what}");
        }
    }
}
