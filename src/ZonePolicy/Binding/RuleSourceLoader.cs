using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;
using ZonePolicy.Syntax;

namespace ZonePolicy.Binding;

/// <summary>
/// Turns the rule inputs of a check (files, folders, packs by name) into compilation roots, reads and parses
/// their files, and follows imports. Symbolic links are resolved before any check: a rule file found in a
/// folder must resolve inside it (ZP0320), an import may not leave its root folder (ZP0104), may not form a
/// cycle (ZP0105), and a file imported twice is compiled once. A folder is walked once however many links lead
/// to it, so a link loop ends the walk instead of repeating it.
/// </summary>
internal sealed class RuleSourceLoader(DiagnosticBag diagnostics, CheckInputs inputs)
{
    private const string Extension = ".zpol";

    private static readonly StringComparer PathComparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    public IReadOnlyList<SourceModule> Load(CheckRequest request)
    {
        var modules = new List<SourceModule>();
        foreach (var source in request.RuleSources)
        {
            var real = RealPath.Resolve(source, inputs.WorkingDirectory);
            if (real is not null && Directory.Exists(real))
            {
                modules.Add(LoadRoot(real, source, RuleFilesIn(real, source)));
            }
            else if (real is not null && Path.GetDirectoryName(real) is { } folder && File.Exists(real))
            {
                modules.Add(LoadRoot(folder, DisplayFolderOf(source), [real]));
            }
            else
            {
                // Reading says what is wrong: missing, a device, a pipe, a link loop.
                inputs.Read(source, source, InputKind.RuleFile);
            }
        }

        foreach (var pack in request.Packs)
        {
            if (FindPack(pack, request.PackDirectories) is { } folder && RealPath.Resolve(folder, inputs.WorkingDirectory) is { } real)
            {
                modules.Add(LoadRoot(real, folder, RuleFilesIn(real, folder)));
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

    private string? FindPack(string name, IReadOnlyList<string> packDirectories)
    {
        if (name.Length == 0 || name.IndexOfAny(['/', '\\']) >= 0 || name is "." or "..")
        {
            return null;
        }

        return packDirectories.Select(d => Path.Combine(Path.GetFullPath(d, inputs.WorkingDirectory), name)).FirstOrDefault(Directory.Exists);
    }

    /// <summary>
    /// Every rule file below a root folder (resolved), in path order, except a pack's fixtures under tests/.
    /// Each entry is resolved before it is used: one that leads outside the root is ZP0320.
    /// </summary>
    private List<string> RuleFilesIn(string root, string displayRoot)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(PathComparer) { root, Path.Combine(root, "tests") };
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var folder))
        {
            foreach (var entry in Entries(folder, root, displayRoot))
            {
                var isLink = entry.LinkTarget is not null;
                var real = isLink ? RealPath.Resolve(entry.FullName, folder) : entry.FullName;
                if (real is null)
                {
                    var looped = Display(entry.FullName, root, displayRoot);
                    diagnostics.Add(DiagnosticDescriptors.LinkLoop, SourceLocation.InFile(looped), looped);
                    continue;
                }

                var isFolder = Directory.Exists(real);
                if (!isFolder && !entry.Name.EndsWith(Extension, StringComparison.Ordinal))
                {
                    continue;
                }

                if (!RealPath.IsWithin(real, root))
                {
                    var display = Display(entry.FullName, root, displayRoot);
                    diagnostics.Add(DiagnosticDescriptors.RuleFileOutsideRoot, SourceLocation.InFile(display), display, real, displayRoot);
                }
                else if (!isFolder)
                {
                    found.Add(real);
                }
                else if (visited.Add(real))
                {
                    pending.Push(real);
                }
            }
        }

        return [.. found];
    }

    private IEnumerable<FileSystemInfo> Entries(string folder, string root, string displayRoot)
    {
        try
        {
            return new DirectoryInfo(folder).GetFileSystemInfos();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var display = Display(folder, root, displayRoot);
            diagnostics.Add(DiagnosticDescriptors.FolderUnlistable, SourceLocation.InFile(display), display, exception.Message.TrimEnd('.'));
            return [];
        }
    }

    private static string DisplayFolderOf(string file) => Path.GetDirectoryName(file) is { Length: > 0 } folder ? folder : ".";

    private static string Display(string fullPath, string root, string displayRoot)
    {
        var relative = Path.GetRelativePath(root, fullPath);
        return (displayRoot == "." || relative == "." ? (relative == "." ? displayRoot : relative) : Path.Join(displayRoot, relative)).Replace('\\', '/');
    }

    private SourceModule LoadRoot(string root, string displayRoot, IReadOnlyList<string> files)
    {
        var loading = new RootLoading(root, displayRoot, diagnostics, inputs);
        foreach (var file in files)
        {
            loading.Visit(file, importedFrom: null);
        }

        return new SourceModule(loading.Root, loading.Units);
    }

    /// <summary>The files of one root as they are read: done, in progress (for cycles), and their syntax trees.</summary>
    private sealed class RootLoading(string root, string displayRoot, DiagnosticBag diagnostics, CheckInputs inputs)
    {
        private readonly HashSet<string> done = new(PathComparer);
        private readonly List<string> inProgress = [];

        public string Root { get; } = root;

        public List<CompilationUnit> Units { get; } = [];

        /// <summary>Reads, parses and follows the imports of a file given by its resolved path.</summary>
        public void Visit(string fullPath, ImportDeclaration? importedFrom)
        {
            if (done.Contains(fullPath))
            {
                return;
            }

            var cycleStart = inProgress.IndexOf(fullPath);
            if (cycleStart >= 0)
            {
                var cycle = inProgress.Skip(cycleStart).Append(fullPath).Select(f => RuleSourceLoader.Display(f, Root, displayRoot));
                diagnostics.Add(DiagnosticDescriptors.ImportCycle, importedFrom!.Path.Location, string.Join(" -> ", cycle.Select(c => $"`{c}`")));
                return;
            }

            var display = RuleSourceLoader.Display(fullPath, Root, displayRoot);
            var reference = importedFrom?.Path.Location;
            if (inputs.Read(fullPath, display, InputKind.RuleFile, reference) is not { } file)
            {
                done.Add(fullPath);
                return;
            }

            var parsed = RuleParser.Parse(file.Text, display);
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
            var target = RealPath.Resolve(import.Path.Value, Path.GetDirectoryName(importer)!);
            if (target is null)
            {
                diagnostics.Add(DiagnosticDescriptors.ImportLinkLoop, import.Path.Location, import.Path.Value);
                return;
            }

            if (!RealPath.IsWithin(target, Root))
            {
                diagnostics.Add(DiagnosticDescriptors.ImportOutsideRoot, import.Path.Location, import.Path.Value, displayRoot);
                return;
            }

            if (!File.Exists(target) && !Directory.Exists(target))
            {
                diagnostics.Add(DiagnosticDescriptors.ImportNotFound, import.Path.Location, import.Path.Value);
                return;
            }

            Visit(target, import);
        }
    }
}
