using ZonePolicy.Diagnostics;
using ZonePolicy.Syntax;
using ZonePolicy.Workspace;

namespace ZonePolicy.Binding;

/// <summary>
/// Turns the rule inputs of a check (files, folders, packs by name) into compilation roots, reads and parses
/// their files, and follows imports: an import may not leave its root folder (ZP0104), may not form a cycle
/// (ZP0105), and a file imported twice is compiled once. Files are read through the request's
/// <see cref="CheckRequest.Documents"/>; a <see cref="ParseCache"/> keeps the trees of texts parsed before.
/// </summary>
internal sealed class RuleSourceLoader(DiagnosticBag diagnostics, ParseCache? cache = null)
{
    public IReadOnlyList<SourceModule> Load(CheckRequest request)
    {
        var files = new SourceFiles(request.Documents);
        var modules = new List<SourceModule>();
        foreach (var source in request.RuleSources)
        {
            if (Directory.Exists(source))
            {
                modules.Add(LoadRoot(source, source, RuleFilesIn(source, files), files));
            }
            else if (files.FileExists(source))
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(source))!;
                modules.Add(LoadRoot(folder, DisplayFolderOf(source), [Path.GetFullPath(source)], files));
            }
            else
            {
                diagnostics.Add(DiagnosticDescriptors.RuleSourceNotFound, SourceLocation.InFile(source), source);
            }
        }

        foreach (var pack in request.Packs)
        {
            if (FindPack(pack, request.PackDirectories) is { } folder)
            {
                modules.Add(LoadRoot(folder, folder, RuleFilesIn(folder, files), files));
            }
            else
            {
                var known = request.PackDirectories.Where(Directory.Exists).SelectMany(Directory.EnumerateDirectories).Select(Path.GetFileName).OfType<string>();
                diagnostics.Add(DiagnosticDescriptors.UnknownPack, request.SettingsLocation, pack, NameSuggestions.DidYouMean(pack, known));
            }
        }

        if (modules.Count > 0 && modules.All(m => m.Units.All(u => u.Rules.Count == 0)) && !diagnostics.HasErrors)
        {
            var where = string.Join(", ", request.RuleSources.Concat(request.Packs).Select(s => $"`{s}`"));
            var what = modules.All(m => m.Units.Count == 0) ? "no `.zpol` rule files" : "no rules";
            var location = request.RuleSources.Count > 0 ? SourceLocation.InFile(request.RuleSources[0]) : request.SettingsLocation;
            diagnostics.Add(DiagnosticDescriptors.NoRuleFiles, location, what, where);
        }
        else if (request.RuleSources.Count == 0 && request.Packs.Count == 0)
        {
            diagnostics.Add(DiagnosticDescriptors.NoRulesGiven, request.SettingsLocation);
        }

        return modules;
    }

    private static string? FindPack(string name, IReadOnlyList<string> packDirectories)
    {
        if (name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0 || name is "." or "..")
        {
            return null;
        }

        return packDirectories.Select(d => Path.Combine(d, name)).FirstOrDefault(Directory.Exists);
    }

    /// <summary>Every rule file below a folder, except a pack's fixtures under tests/.</summary>
    private static IReadOnlyList<string> RuleFilesIn(string folder, SourceFiles files)
    {
        var root = Path.GetFullPath(folder);
        var fixtures = Path.Combine(root, "tests");
        return files.FilesBelow(root, ".zpol")
            .Where(f => !IsUnder(f, fixtures))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string DisplayFolderOf(string file) => Path.GetDirectoryName(file) is { Length: > 0 } folder ? folder : ".";

    private SourceModule LoadRoot(string root, string displayRoot, IReadOnlyList<string> files, SourceFiles sources)
    {
        var loading = new RootLoading(Path.GetFullPath(root), displayRoot, diagnostics, sources, cache);
        foreach (var file in files)
        {
            loading.Visit(file, importedFrom: null);
        }

        return new SourceModule(loading.Root, loading.Units);
    }

    private static bool IsUnder(string path, string folder)
    {
        var prefix = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>The files of one root as they are read: done, in progress (for cycles), and their syntax trees.</summary>
    private sealed class RootLoading(string root, string displayRoot, DiagnosticBag diagnostics, SourceFiles sources, ParseCache? cache)
    {
        private readonly HashSet<string> done = new(StringComparer.Ordinal);
        private readonly List<string> inProgress = [];

        public string Root { get; } = root;

        public List<CompilationUnit> Units { get; } = [];

        public void Visit(string fullPath, ImportDeclaration? importedFrom)
        {
            if (done.Contains(fullPath))
            {
                return;
            }

            var cycleStart = inProgress.IndexOf(fullPath);
            if (cycleStart >= 0)
            {
                var cycle = inProgress.Skip(cycleStart).Append(fullPath).Select(Display);
                diagnostics.Add(DiagnosticDescriptors.ImportCycle, importedFrom!.Path.Location, string.Join(" -> ", cycle.Select(c => $"`{c}`")));
                return;
            }

            var display = Display(fullPath);
            if (Read(fullPath, display, importedFrom) is not { } text)
            {
                return;
            }

            var parsed = cache is null ? RuleParser.Parse(text, display) : cache.Parse(fullPath, display, text);
            diagnostics.AddRange(parsed.Diagnostics);
            if (parsed.Unit is not { } unit)
            {
                done.Add(fullPath);
                return;
            }

            inProgress.Add(fullPath);
            foreach (var import in unit.Imports)
            {
                VisitImport(fullPath, import);
            }

            inProgress.RemoveAt(inProgress.Count - 1);
            done.Add(fullPath);
            Units.Add(unit);
        }

        private void VisitImport(string importer, ImportDeclaration import)
        {
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(importer)!, import.Path.Value));
            if (!IsUnder(target, Root))
            {
                diagnostics.Add(DiagnosticDescriptors.ImportOutsideRoot, import.Path.Location, import.Path.Value, displayRoot);
                return;
            }

            Visit(target, import);
        }

        private string? Read(string fullPath, string display, ImportDeclaration? importedFrom)
        {
            var location = importedFrom?.Path.Location ?? SourceLocation.InFile(display);
            if (sources.Document(fullPath) is { } open)
            {
                return open;
            }

            if (!File.Exists(fullPath))
            {
                if (importedFrom is null)
                {
                    diagnostics.Add(DiagnosticDescriptors.FileNotFound, location, "rule", display);
                }
                else
                {
                    diagnostics.Add(DiagnosticDescriptors.ImportNotFound, location, importedFrom.Path.Value);
                }

                return null;
            }

            try
            {
                return File.ReadAllText(fullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(DiagnosticDescriptors.FileNotReadable, location, "rule file", display, e.Message);
                return null;
            }
        }

        private string Display(string fullPath)
        {
            var relative = Path.GetRelativePath(Root, fullPath);
            return (displayRoot == "." ? relative : Path.Join(displayRoot, relative)).Replace('\\', '/');
        }
    }
}
