using System.Collections.Concurrent;
using ZonePolicy.Binding;
using ZonePolicy.Diagnostics;
using ZonePolicy.Syntax;
using ZonePolicy.Topology;
using ZonePolicy.Workspace;

namespace ZonePolicy.Cli.LanguageServer;

/// <summary>
/// What the server knows of the workspace: the open documents, the project file, and the last results.
/// Diagnostics come from the engine's checks (the same <see cref="PolicyEngine"/> as <c>zpol check</c>), run
/// in the background after each change with the open texts over the disk, one run at a time, coalescing the
/// changes that arrive meanwhile.
/// </summary>
internal sealed class WorkspaceState(Func<PublishDiagnosticsParams, Task> publish, Func<string, Task> log, IReadOnlyList<string> packDirectories)
{
    /// <summary>The <c>source</c> of every diagnostic the server publishes.</summary>
    public const string DiagnosticSource = "zpol";

    private const int MaxRuleFileBytes = 16 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, TextDocument> documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CheckSession> sessions = new(StringComparer.Ordinal);
    private readonly HashSet<string> published = new(StringComparer.Ordinal);
    private readonly ParseCache parses = new();
    private readonly Lock featureGate = new();
    private readonly Lock scheduleGate = new();
    private Task running = Task.CompletedTask;
    private bool pending;

    public string? RootFolder { get; set; }

    /// <summary>The rules of the last check of the project, for completion and hover of rule ids in waivers.</summary>
    public IReadOnlyList<RuleInfo> Rules { get; private set; } = [];

    /// <summary>Completes when every check asked for so far has published its diagnostics.</summary>
    public Task Idle
    {
        get
        {
            lock (scheduleGate)
            {
                return running;
            }
        }
    }

    public TextDocument? Get(string uri) => documents.GetValueOrDefault(uri);

    public void Open(TextDocument document)
    {
        documents[document.Uri] = document;
        ScheduleCheck();
    }

    public void Change(string uri, string text, int version)
    {
        if (documents.TryGetValue(uri, out var document))
        {
            documents[uri] = document.WithText(text, version);
            ScheduleCheck();
        }
    }

    public void Close(string uri)
    {
        documents.TryRemove(uri, out _);
        ScheduleCheck();
    }

    /// <summary>Asks for a check of everything; returns at once, the check runs in the background.</summary>
    public void ScheduleCheck()
    {
        lock (scheduleGate)
        {
            if (!running.IsCompleted)
            {
                pending = true;
                return;
            }

            running = Task.Run(RunChecksAsync);
        }
    }

    /// <summary>The project file that applies to the workspace or, with no workspace folder, to a document.</summary>
    public string? ProjectPath(string? documentPath = null)
    {
        var start = RootFolder ?? (documentPath is null ? null : Path.GetDirectoryName(documentPath));
        return start is null ? null : ProjectFile.Find(start);
    }

    public ProjectFile? LoadProject(string? documentPath = null)
    {
        if (ProjectPath(documentPath) is not { } path)
        {
            return null;
        }

        var open = documents.Values.FirstOrDefault(d => d.Path == path);
        return ProjectFile.Load(path, path, open?.Text);
    }

    /// <summary>
    /// The syntax trees of the rule files compiled with <paramref name="document"/>: every <c>.zpol</c> of the
    /// project's rule folder that holds it, or the document alone. <paramref name="text"/> stands in for the
    /// document's own text (completion parses it with a placeholder at the cursor).
    /// </summary>
    public IReadOnlyList<CompilationUnit> UnitsWith(TextDocument document, string text)
    {
        var units = new List<CompilationUnit>();
        if (RuleParser.Parse(text, document.File).Unit is { } own)
        {
            units.Add(own);
        }

        if (document.Path is null || RuleRootOf(document.Path) is not { } root || !Directory.Exists(root))
        {
            return units;
        }

        var files = new SourceFiles(OpenTexts());
        lock (featureGate)
        {
            foreach (var file in files.FilesBelow(root, ".zpol").Where(f => f != document.Path).Order(StringComparer.Ordinal))
            {
                if (ReadRuleFile(file, files) is { } other && parses.Parse(file, file, other).Unit is { } unit)
                {
                    units.Add(unit);
                }
            }
        }

        return units;
    }

    private string? RuleRootOf(string path)
    {
        var project = LoadProject(path);
        return project?.RuleSources.FirstOrDefault(source => source == path || path.StartsWith(source + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    private static string? ReadRuleFile(string path, SourceFiles files)
    {
        if (files.Document(path) is { } open)
        {
            return open;
        }

        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.Length <= MaxRuleFileBytes ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private Dictionary<string, string> OpenTexts() =>
        documents.Values.Where(d => d.Path is not null).ToDictionary(d => d.Path!, d => d.Text, StringComparer.Ordinal);

    private async Task RunChecksAsync()
    {
        while (true)
        {
            try
            {
                await PublishAsync(Check());
            }
            catch (Exception e)
            {
                await log($"zpol lsp: the check failed: {e.GetType().Name}: {e.Message}");
            }

            lock (scheduleGate)
            {
                if (!pending)
                {
                    return;
                }

                pending = false;
            }
        }
    }

    /// <summary>Runs every check the workspace needs and gathers the diagnostics by file.</summary>
    private Dictionary<string, List<Diagnostic>> Check()
    {
        var texts = OpenTexts();
        var open = documents.Values.Where(d => d.Path is not null).ToList();
        var byFile = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        var project = LoadProject(open.FirstOrDefault()?.Path);
        var covered = new HashSet<string>(StringComparer.Ordinal);

        if (project is not null)
        {
            covered.Add(project.FilePath);
            Gather(byFile, project.Diagnostics, project.FilePath);
            if (!project.HasErrors)
            {
                var request = project.ToRequest();
                var extraTopologies = open.Where(d => IsTopology(d) && !project.Topologies.Contains(d.Path!)).Select(d => d.Path!);
                var result = Session("project").Check(request with
                {
                    TopologyFiles = [.. request.TopologyFiles, .. extraTopologies],
                    ShippedPackDirectories = packDirectories,
                    Documents = texts,
                });
                Rules = result.Rules;
                Gather(byFile, result.Diagnostics, project.FilePath);
                covered.UnionWith(open.Where(d => IsTopology(d) || InRules(project, d.Path!)).Select(d => d.Path!));
            }
        }

        foreach (var document in open.Where(d => !covered.Contains(d.Path!)))
        {
            if (document.IsRuleFile)
            {
                var result = Session(document.Path!).Check(new CheckRequest { RuleSources = [document.Path!], Documents = texts });
                Gather(byFile, result.Diagnostics.Where(d => d.Id != DiagnosticIds.NoRuleFiles), document.Path!);
            }
            else if (IsTopology(document))
            {
                Gather(byFile, TopologyLoader.LoadText(document.Text, document.Path!).Diagnostics, document.Path!);
            }
        }

        foreach (var stale in sessions.Keys.Where(k => k != "project" && !open.Any(d => d.Path == k)).ToList())
        {
            sessions.Remove(stale);
        }

        return byFile;
    }

    private CheckSession Session(string key)
    {
        if (!sessions.TryGetValue(key, out var session))
        {
            session = new CheckSession();
            sessions[key] = session;
        }

        return session;
    }

    private static bool IsTopology(TextDocument document) =>
        document.Uri.EndsWith(".topology.json", StringComparison.OrdinalIgnoreCase);

    private static bool InRules(ProjectFile project, string path) =>
        project.RuleSources.Any(source => source == path || path.StartsWith(source + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    /// <summary>Files each diagnostic under its file; one about no file in particular goes to <paramref name="fallback"/>.</summary>
    private static void Gather(Dictionary<string, List<Diagnostic>> byFile, IEnumerable<Diagnostic> diagnostics, string fallback)
    {
        foreach (var diagnostic in diagnostics)
        {
            var file = diagnostic.Location.IsInFile && Path.IsPathFullyQualified(diagnostic.Location.File) ? diagnostic.Location.File : fallback;
            if (!byFile.TryGetValue(file, out var list))
            {
                list = [];
                byFile[file] = list;
            }

            list.Add(diagnostic.Location.IsInFile ? diagnostic : diagnostic with { Location = SourceLocation.InFile(fallback) });
        }
    }

    private async Task PublishAsync(Dictionary<string, List<Diagnostic>> byFile)
    {
        var uris = byFile.ToDictionary(f => UriOf(f.Key), f => f.Value, StringComparer.Ordinal);
        foreach (var uri in published.Except(uris.Keys).ToList())
        {
            await publish(new PublishDiagnosticsParams(uri, null, []));
            published.Remove(uri);
        }

        foreach (var (uri, diagnostics) in uris.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            await publish(new PublishDiagnosticsParams(uri, documents.GetValueOrDefault(uri)?.Version, diagnostics.Select(ToLsp).ToList()));
            published.Add(uri);
        }
    }

    private string UriOf(string path) =>
        documents.Values.FirstOrDefault(d => d.Path == path)?.Uri ?? DocumentUris.FromPath(path);

    private LspDiagnostic ToLsp(Diagnostic diagnostic)
    {
        var severity = diagnostic.Severity switch
        {
            Severity.Error => 1,
            Severity.Warning => 2,
            _ => 3,
        };
        var help = Uri.TryCreate(diagnostic.HelpUri, UriKind.Absolute, out var href) && !href.IsFile ? new CodeDescription(diagnostic.HelpUri) : null;
        var related = diagnostic.Rule is { Location: { HasPosition: true } ruleLocation } rule && Path.IsPathFullyQualified(ruleLocation.File)
            ? new List<DiagnosticRelatedInformation> { new(new Location(UriOf(ruleLocation.File), TextDocument.RangeOf(ruleLocation)), $"rule `{rule.Id}`: {rule.Title}") }
            : null;
        return new LspDiagnostic(TextDocument.RangeOf(diagnostic.Location), severity, diagnostic.Id, DiagnosticSource, diagnostic.Message)
        {
            CodeDescription = help,
            RelatedInformation = related,
        };
    }
}
