using NuGet.Versioning;
using ZonePolicy.Diagnostics;
using ZonePolicy.Packs;
using ZonePolicy.Syntax;

namespace ZonePolicy.Binding;

/// <summary>
/// Turns the rule inputs of a check (files, folders, packs by name) into compilation roots, reads and parses
/// their files, and follows imports: an import may not leave its root folder (ZP0104), may not form a cycle
/// (ZP0105), and a file imported twice is compiled once. A pack may import from the packs it depends on with
/// <c>import "pack:name/file.zpol"</c> (or <c>"pack:name"</c> for all its files), inside that pack's folder.
/// </summary>
internal sealed class RuleSourceLoader(DiagnosticBag diagnostics)
{
    public const string PackImportPrefix = "pack:";

    public IReadOnlyList<SourceModule> Load(CheckRequest request)
    {
        var inputs = PackResolution.Resolve(request, diagnostics);
        var packs = inputs.Packs.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var modules = new List<SourceModule>();
        foreach (var source in inputs.RuleSources)
        {
            if (Directory.Exists(source))
            {
                modules.Add(LoadRoot(new Owner(Path.GetFullPath(source), source, null), RuleFilesIn(source), packs));
            }
            else if (File.Exists(source))
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(source))!;
                modules.Add(LoadRoot(new Owner(folder, DisplayFolderOf(source), null), [Path.GetFullPath(source)], packs));
            }
            else
            {
                diagnostics.Add(DiagnosticDescriptors.RuleSourceNotFound, SourceLocation.InFile(source), source);
            }
        }

        foreach (var pack in inputs.Packs)
        {
            modules.Add(LoadRoot(new Owner(Path.GetFullPath(pack.Folder), pack.DisplayFolder, pack), RuleFilesIn(pack.Folder), packs));
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

    private SourceModule LoadRoot(Owner owner, IReadOnlyList<string> files, IReadOnlyDictionary<string, ResolvedPack> packs)
    {
        var loading = new RootLoading(owner, packs, diagnostics);
        foreach (var file in files)
        {
            loading.Visit(file, importedFrom: null, owner);
        }

        if (owner.Pack?.Manifest is { } manifest)
        {
            foreach (var unit in loading.Units)
            {
                CheckHeader(unit, manifest);
            }
        }

        return new SourceModule(owner.Root, loading.Units) { Pack = owner.Pack, Imported = loading.Imported };
    }

    /// <summary>A rule file's <c>pack</c> header, when it has one, says what the manifest says (ZP0141).</summary>
    private void CheckHeader(CompilationUnit unit, PackManifest manifest)
    {
        if (unit.Pack is not { } header)
        {
            return;
        }

        if (header.Name.Name != manifest.HeaderName)
        {
            diagnostics.Add(DiagnosticDescriptors.PackHeaderMismatch, header.Name.Location, header.Name.Name, manifest.File, manifest.Name, manifest.HeaderName);
        }

        if (header.Version is { } version
            && !(NuGetVersion.TryParse(version.Value, out var stated) && stated.ToFullString() == manifest.Version.ToFullString()))
        {
            diagnostics.Add(DiagnosticDescriptors.PackHeaderVersionMismatch, version.Location, version.Value, manifest.File, manifest.Version.ToFullString());
        }

        if (header.Title is { } title && title.Value != manifest.Title)
        {
            diagnostics.Add(DiagnosticDescriptors.PackHeaderTitleMismatch, title.Location, manifest.File);
        }
    }

    private static bool IsUnder(string path, string folder)
    {
        var prefix = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>The root a file belongs to: the compilation's own, or that of a pack it was imported from.</summary>
    private sealed record Owner(string Root, string DisplayRoot, ResolvedPack? Pack)
    {
        public string Display(string fullPath)
        {
            var relative = Path.GetRelativePath(Root, fullPath);
            return (DisplayRoot == "." ? relative : Path.Join(DisplayRoot, relative)).Replace('\\', '/');
        }
    }

    /// <summary>The files of one root as they are read: done, in progress (for cycles), and their syntax trees.</summary>
    private sealed class RootLoading(Owner own, IReadOnlyDictionary<string, ResolvedPack> packs, DiagnosticBag diagnostics)
    {
        private readonly HashSet<string> done = new(StringComparer.Ordinal);
        private readonly List<(string Path, Owner Owner)> inProgress = [];

        public List<CompilationUnit> Units { get; } = [];

        public List<ImportedUnit> Imported { get; } = [];

        public void Visit(string fullPath, ImportDeclaration? importedFrom, Owner owner)
        {
            if (done.Contains(fullPath))
            {
                return;
            }

            var cycleStart = inProgress.FindIndex(f => f.Path == fullPath);
            if (cycleStart >= 0)
            {
                var cycle = inProgress.Skip(cycleStart).Select(f => f.Owner.Display(f.Path)).Append(owner.Display(fullPath));
                diagnostics.Add(DiagnosticDescriptors.ImportCycle, importedFrom!.Path.Location, string.Join(" -> ", cycle.Select(c => $"`{c}`")));
                return;
            }

            var display = owner.Display(fullPath);
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

            inProgress.Add((fullPath, owner));
            foreach (var import in unit.Imports)
            {
                VisitImport(fullPath, import, owner);
            }

            inProgress.RemoveAt(inProgress.Count - 1);
            done.Add(fullPath);
            if (owner == own)
            {
                Units.Add(unit);
            }
            else
            {
                Imported.Add(new ImportedUnit(unit, owner.Pack!));
            }
        }

        private void VisitImport(string importer, ImportDeclaration import, Owner owner)
        {
            if (import.Path.Value.StartsWith(PackImportPrefix, StringComparison.Ordinal))
            {
                VisitPackImport(import, owner);
                return;
            }

            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(importer)!, import.Path.Value));
            if (!IsUnder(target, owner.Root))
            {
                diagnostics.Add(DiagnosticDescriptors.ImportOutsideRoot, import.Path.Location, import.Path.Value, owner.DisplayRoot);
                return;
            }

            Visit(target, import, owner);
        }

        /// <summary><c>import "pack:name"</c> or <c>import "pack:name/path.zpol"</c>: files of a pack the importer's pack depends on.</summary>
        private void VisitPackImport(ImportDeclaration import, Owner owner)
        {
            var reference = import.Path.Value[PackImportPrefix.Length..];
            var slash = reference.IndexOf('/');
            var name = slash < 0 ? reference : reference[..slash];
            var path = slash < 0 ? "" : reference[(slash + 1)..];
            if (owner.Pack?.Manifest is not { } manifest)
            {
                diagnostics.Add(DiagnosticDescriptors.PackImportOutsidePack, import.Path.Location, import.Path.Value, name);
                return;
            }

            if (!manifest.Dependencies.Any(d => d.Name == name))
            {
                var suggestion = NameSuggestions.DidYouMean(name, manifest.Dependencies.Select(d => d.Name));
                diagnostics.Add(DiagnosticDescriptors.ImportFromNonDependency, import.Path.Location, name, manifest.Name, suggestion, manifest.File);
                return;
            }

            if (!packs.TryGetValue(name, out var dependency))
            {
                // The resolver has reported why the dependency is missing.
                return;
            }

            var dependencyOwner = new Owner(Path.GetFullPath(dependency.Folder), dependency.DisplayFolder, dependency);
            if (path.Length == 0)
            {
                foreach (var file in RuleFilesIn(dependency.Folder))
                {
                    Visit(file, import, dependencyOwner);
                }

                return;
            }

            var target = Path.GetFullPath(Path.Combine(dependencyOwner.Root, path));
            if (Path.IsPathRooted(path) || !IsUnder(target, dependencyOwner.Root))
            {
                diagnostics.Add(DiagnosticDescriptors.ImportOutsidePack, import.Path.Location, import.Path.Value, name);
                return;
            }

            Visit(target, import, dependencyOwner);
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
    }
}
