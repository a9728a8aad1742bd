using System.CommandLine;
using System.CommandLine.Help;

namespace ZonePolicy.Cli;

/// <summary>Parses the command line, reports argument errors as diagnostics, and runs the chosen command.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, new CliContext(stdout, stderr, Directory.GetCurrentDirectory(), PolicyEngine.Check));

    public static int Run(string[] args, CliContext context)
    {
        try
        {
            var parse = CreateRoot(context).Parse(args);
            var errors = CommandLineErrors.From(parse);
            if (errors.Count > 0 && parse.Action is not HelpAction)
            {
                return ReportWriter.WriteArgumentErrors(errors, ReportTarget.From(parse, context.WorkingDirectory), context);
            }

            return parse.Invoke(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception exception)
        {
            // The last resort: commands catch what the engine throws and report it in the chosen format.
            ReportWriter.WriteLine(context.Error, CliDiagnostics.InternalError(exception));
            return ExitCodes.InternalError;
        }
    }

    private static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand("Checks factory network topologies against ZonePolicy rules.");
        foreach (var command in Program.Commands(context))
        {
            root.Add(command);
        }

        return root;
    }
}
