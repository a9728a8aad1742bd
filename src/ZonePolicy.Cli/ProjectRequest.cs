using ZonePolicy.Diagnostics;
using ZonePolicy.Workspace;

namespace ZonePolicy.Cli;

/// <summary>
/// Combines the command line with the workspace's project file (<c>zonepolicy.json</c>). The project file is
/// the one <c>--project</c> names, else the nearest one from the working directory up, read when the command
/// line does not name both the topologies and the rules. Then the command line's topologies replace the
/// project's, its <c>--rules</c> and <c>--pack</c> together replace the project's rules and packs, its
/// <c>--param</c> and <c>--severity</c> win over the project's for the same name, its <c>--today</c> and
/// <c>--baseline</c> replace the project's, and <c>--warnaserror</c> adds to it.
/// </summary>
internal static class ProjectRequest
{
    /// <summary>
    /// The request to run, or what stops it: argument errors, or the project file's diagnostics. <paramref name="purpose"/>
    /// says what the rules are for, in the error when there are none ("check against").
    /// </summary>
    public static Combined Combine(CheckRequest commandLine, string? projectOption, string workingDirectory, string purpose)
    {
        var namesRules = commandLine.RuleSources.Count > 0 || commandLine.Packs.Count > 0;
        var path = projectOption is not null
            ? ProjectPath(Path.GetFullPath(Path.Combine(workingDirectory, projectOption)))
            : commandLine.TopologyFiles.Count > 0 && namesRules ? null : ProjectFile.Find(workingDirectory);

        if (path is null)
        {
            return Missing(commandLine, namesRules, purpose);
        }

        string Display(string full) => Path.GetRelativePath(workingDirectory, full).Replace('\\', '/');
        var project = ProjectFile.Load(path, Display(path));
        if (project.HasErrors)
        {
            return new Combined(null, [], project.Diagnostics);
        }

        var fromProject = project.ToRequest(Display);
        var request = commandLine with
        {
            TopologyFiles = commandLine.TopologyFiles.Count > 0 ? commandLine.TopologyFiles : fromProject.TopologyFiles,
            RuleSources = namesRules ? commandLine.RuleSources : fromProject.RuleSources,
            Packs = namesRules ? commandLine.Packs : fromProject.Packs,
            Parameters = [.. fromProject.Parameters, .. commandLine.Parameters],
            Severities = [.. fromProject.Severities, .. commandLine.Severities],
            Today = commandLine.Today ?? fromProject.Today,
            BaselineFile = commandLine.BaselineFile ?? fromProject.BaselineFile,
            WarningsAsErrors = commandLine.WarningsAsErrors || fromProject.WarningsAsErrors,
            SettingsLocation = namesRules ? commandLine.SettingsLocation : fromProject.SettingsLocation,
        };
        request = request with { AnalyzerConfigFiles = RuleInputOptions.AnalyzerConfigsFor(request.TopologyFiles, workingDirectory) };

        return request.TopologyFiles.Count == 0
            ? Stop($"the project file `{Display(path)}` names no topology: add `topologies` to it, or name topology files")
            : new Combined(request, [], []);
    }

    private static string ProjectPath(string given) =>
        Directory.Exists(given) ? Path.Combine(given, ProjectFile.FileName) : given;

    private static Combined Missing(CheckRequest commandLine, bool namesRules, string purpose)
    {
        if (commandLine.TopologyFiles.Count == 0)
        {
            return Stop($"no topology to check: name topology files, or add a project file ({ProjectFile.FileName}) to the working folder or one above it");
        }

        return namesRules
            ? new Combined(commandLine, [], [])
            : Stop($"no rules to {purpose}: give `--rules <file-or-dir>` or `--pack <name>`, or add a project file ({ProjectFile.FileName}) to the working folder or one above it");
    }

    private static Combined Stop(string message) => new(null, [CliDiagnostics.InvalidArgument(message)], []);

    /// <summary>The request to run, when nothing stops it.</summary>
    internal sealed record Combined(CheckRequest? Request, IReadOnlyList<Diagnostic> ArgumentErrors, IReadOnlyList<Diagnostic> ProjectDiagnostics);
}
