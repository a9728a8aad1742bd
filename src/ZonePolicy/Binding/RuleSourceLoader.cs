using ZonePolicy.Diagnostics;
using ZonePolicy.Syntax;

namespace ZonePolicy.Binding;

/// <summary>
/// Turns the rule inputs of a check (files, folders, packs by name) into compilation roots, reads and parses
/// their files, and follows imports: an import may not leave its root folder (ZP0104), may not form a cycle
/// (ZP0105), and a file imported twice is compiled once.
/// </summary>
internal sealed class RuleSourceLoader(DiagnosticBag diagnostics)
{
    public IReadOnlyList<SourceModule> Load(CheckRequest request)
    {
        var modules = new List<SourceModule>();
        foreach (var source in request.RuleSources)
        {
            if (Directory.Exists(source))
            {
                modules.Add(LoadRoot(source, source, RuleFilesIn(source)));
            }
            else if (File.Exists(source))
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(source))!;
                modules.Add(LoadRoot(folder, DisplayFolderOf(source), [Path.GetFullPath(source)]));
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
                modules.Add(LoadRoot(folder, folder, RuleFilesIn(folder)));
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
    private static IReadOnlyList<string> RuleFilesIn(string folder)
    {
        var root = Path.GetFullPath(folder);
        var fixtures = Path.Combine(root, "tests");
        return Directory.EnumerateFiles(root, "*.zpol", SearchOption.AllDirectories)
            .Where(f => !IsUnder(f, fixtures))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string DisplayFolderOf(string file) => Path.GetDirectoryName(file) is { Length: > 0 } folder ? folder : ".";

    private SourceModule LoadRoot(string root, string displayRoot, IReadOnlyList<string> files)
    {
        var loading = new RootLoading(Path.GetFullPath(root), displayRoot, diagnostics);
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
    private sealed class RootLoading(string root, string displayRoot, DiagnosticBag diagnostics)
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

            var parsed = RuleParser.Parse(text, display);
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
