using System.Diagnostics;
using System.Text;

namespace ZonePolicy.MSBuild.Tests.TestUtilities;

/// <summary>Runs the <c>dotnet</c> command line, or a program it installed, in a clean environment and keeps its output.</summary>
internal static class DotNet
{
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromMinutes(5);

    public static (int ExitCode, string Output) Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Run(workingDirectory, environment, DefaultLimit, arguments);

    public static (int ExitCode, string Output) Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan limit, params string[] arguments) =>
        RunProgram("dotnet", workingDirectory, environment, limit, arguments);

    public static (int ExitCode, string Output) RunProgram(string program, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs inside an SDK build of its own: its MSBuild variables must not leak
        // into the builds under test.
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{program} {string.Join(' ', arguments)}` did not finish:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
