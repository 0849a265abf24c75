using Spectre.Console;

namespace SynAck.Cli.Output;

/// <summary>Creates the Spectre.Console renderer over the command's output, used only when it is a terminal.</summary>
public static class TerminalConsole
{
    public static IAnsiConsole Create(TextWriter output, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        if (width > 0)
        {
            console.Profile.Width = width;
        }

        return console;
    }
}
