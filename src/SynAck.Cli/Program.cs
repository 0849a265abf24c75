namespace SynAck.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        using var stdout = Console.OpenStandardOutput();
        var environment = new CliEnvironment(
            stdout,
            Console.Error,
            Console.OpenStandardInput,
            outputIsTerminal: !Console.IsOutputRedirected,
            terminalWidth: Console.IsOutputRedirected ? 0 : SafeWindowWidth(),
            errorIsTerminal: !Console.IsErrorRedirected,
            peakMemory: PeakWorkingSet);
        return new SynAckCli(environment).Run(args);
    }

    private static long PeakWorkingSet()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
