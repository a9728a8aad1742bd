using System.CommandLine;
using System.Text;

namespace ZonePolicy.Cli;

/// <summary><c>zpol</c>: its entry point and the list of its commands, each in a file of its own.</summary>
internal static class Program
{
    /// <summary>Every command of <c>zpol</c>; adding a command is one more line here.</summary>
    internal static IEnumerable<Command> Commands(CliContext context) =>
    [
        new CheckCommand(context),
        TestCommand.Create(context.Check),
        new FmtCommand(context),
        LspCommand.Create(),
        PackCommand.Create(context),
        new ExplainCommand(context),
        new ComplianceCommand(context),
        new PathsCommand(context),
        new DiffCommand(context),
    ];

    private static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return CliApp.Run(args, Console.Out, Console.Error);
    }
}
