using System.Diagnostics;
using System.Text.Json;
using ZonePolicy.Diagnostics;
using Xunit.Sdk;

namespace ZonePolicy.Cli.Tests;

/// <summary>What one run of <c>zpol</c> printed and returned.</summary>
internal sealed record CliOutcome(int ExitCode, string Out, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Out).RootElement;

    /// <summary>The diagnostics in force of a JSON report, as (id, line, column, message).</summary>
    public IReadOnlyList<(string Id, int Line, int Column, string Message)> JsonDiagnostics(string list = "diagnostics") =>
        Json.GetProperty(list).EnumerateArray()
            .Select(d => (d.GetProperty("id").GetString()!, d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32(), d.GetProperty("message").GetString()!))
            .ToList();
}

/// <summary>Runs <c>zpol</c> in-process against a given engine, in a given working directory.</summary>
internal static class Cli
{
    public static CliOutcome Run(Func<CheckRequest, CheckResult> engine, string workingDirectory, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = CliApp.Run(args, new CliContext(stdout, stderr, workingDirectory, engine));
        return Validated(new CliOutcome(exitCode, stdout.ToString(), stderr.ToString()), args);
    }

    /// <summary>Runs the built <c>dotnet zpol.dll</c> as a real process in <paramref name="workingDirectory"/>.</summary>
    public static CliOutcome RunProcess(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(System.IO.Path.Combine(AppContext.BaseDirectory, "zpol.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return Validated(new CliOutcome(process.ExitCode, stdout.Result, stderr.Result), args);
    }

    /// <summary>Every SARIF log a test makes <c>zpol</c> print must validate against the SARIF 2.1.0 schema.</summary>
    private static CliOutcome Validated(CliOutcome outcome, string[] args)
    {
        var format = Array.IndexOf(args, "--format");
        if (format >= 0 && format + 1 < args.Length && args[format + 1] == "sarif" && outcome.Out.Length > 0)
        {
            ZonePolicy.Tests.Shared.SarifSchema.AssertValid(outcome.Out);
        }

        return outcome;
    }
}

/// <summary>Stand-ins for the engine, to test the console shell on its own.</summary>
internal static class Engines
{
    public static CheckResult Unreachable(CheckRequest request) =>
        throw new XunitException("the engine must not run on invalid arguments");

    public static Func<CheckRequest, CheckResult> Returning(CheckResult result) => _ => result;

    public static Func<CheckRequest, CheckResult> Recording(List<CheckRequest> requests) => request =>
    {
        requests.Add(request);
        return Results.Of();
    };
}

/// <summary>Hand-built results.</summary>
internal static class Results
{
    public static Diagnostic Finding(string id, Severity severity, int line) =>
        new(id, severity, $"finding of `{id}`", new SourceLocation("site.json", line, 5, line, 40));

    public static CheckResult Of(params Diagnostic[] diagnostics) => new()
    {
        Diagnostics = diagnostics,
        Suppressed = [],
        Rules = [],
        InputInvalid = false,
    };
}

/// <summary>A fresh folder under the temp folder, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("zpol-tests-").FullName;

    /// <summary>Writes <paramref name="content"/> to a file in the folder and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string Folder(string relativePath) => Directory.CreateDirectory(System.IO.Path.Combine(Path, relativePath)).FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
