using NuGet.Versioning;
using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;
using ZonePolicy.Packs;
using ZonePolicy.Syntax;

namespace ZonePolicy.Binding;

/// <summary>
/// Turns the rule inputs of a check (files, folders, packs by name) into compilation roots, reads and parses
/// their files, and follows imports: an import may not leave its root folder (ZP0104), may not form a cycle
/// (ZP0105), and a file imported twice is compiled once. A pack may import from the packs it depends on with
/// <c>import "pack:name/file.zpol"</c> (or <c>"pack:name"</c> for all its files), inside that pack's folder.
/// Symbolic links are resolved before any of these checks: a rule file found in a folder must resolve inside
/// it (ZP0320), and a folder is walked once however many links lead to it, so a link loop ends the walk.
/// Files are read through <see cref="CheckInputs"/>, so an editor's unsaved text counts as the file (a new one
/// in a rule folder too); a <see cref="ParseCache"/>, when given, keeps the trees of texts parsed before.
/// </summary>
internal sealed class RuleSourceLoader(DiagnosticBag diagnostics, CheckInputs inputs, ParseCache? parses = null, Dictionary<string, string>? texts = null)
{
    private readonly ParseCache? parseCache = parses;

    public const string PackImportPrefix = "pack:";
    private const string Extension = ".zpol";

    private static readonly StringComparer PathComparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>The pack lock file to write once the check has read its inputs, when resolving packs changed it.</summary>
    public PackLockUpdate? LockUpdate { get; private set; }

    public IReadOnlyList<SourceModule> Load(CheckRequest request)
    {
        var resolved = PackResolution.Resolve(request, inputs, diagnostics);
        LockUpdate = resolved.LockUpdate;
        var packs = resolved.Packs.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var modules = new List<SourceModule>();
        foreach (var source in resolved.RuleSources)
        {
            var real = RealPath.Resolve(source, inputs.WorkingDirectory);
            if (real is not null && Directory.Exists(real))
            {
                var owner = new Owner(real, source, null);
                modules.Add(LoadRoot(owner, RuleFilesIn(owner), packs));
            }
            else if (real is not null && inputs.FileExists(real))
            {
                modules.Add(LoadRoot(new Owner(Path.GetDirectoryName(real)!, DisplayFolderOf(source), null), [real], packs));
            }
            else
            {
                // Reading says what is wrong: missing, a device, a pipe, a link loop.
                inputs.Read(source, source, InputKind.RuleFile);
            }
        }

        foreach (var pack in resolved.Packs)
        {
            var owner = OwnerOf(pack);
            modules.Add(LoadRoot(owner, RuleFilesIn(owner), packs));
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

    /// <summary>
    /// Every rule file below an owner's root folder (resolved), in path order, except a pack's fixtures under
    /// tests/. Each entry is resolved before it is used: one that leads outside the root is ZP0320.
    /// </summary>
    private List<string> RuleFilesIn(Owner owner)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(PathComparer) { owner.Root, Path.Combine(owner.Root, "tests") };
        var pending = new Stack<string>([owner.Root]);
        while (pending.TryPop(out var folder))
        {
            foreach (var entry in Entries(folder, owner))
            {
                var real = entry.LinkTarget is null ? entry.FullName : RealPath.Resolve(entry.FullName, folder);
                var display = owner.Display(entry.FullName);
                if (real is null)
                {
                    diagnostics.Add(DiagnosticDescriptors.LinkLoop, SourceLocation.InFile(display), display);
                    continue;
                }

                var isFolder = Directory.Exists(real);
                if (!isFolder && !entry.Name.EndsWith(Extension, StringComparison.Ordinal))
                {
                    continue;
                }

                if (!RealPath.IsWithin(real, owner.Root))
                {
                    diagnostics.Add(DiagnosticDescriptors.RuleFileOutsideRoot, SourceLocation.InFile(display), display, real, owner.DisplayRoot);
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

        // A new file the editor has not saved yet; one on disk was found above, its links resolved.
        foreach (var document in inputs.DocumentsBelow(owner.Root, Extension))
        {
            if (!File.Exists(document) && !RealPath.IsWithin(document, Path.Combine(owner.Root, "tests")))
            {
                found.Add(document);
            }
        }

        return [.. found];
    }

    private IEnumerable<FileSystemInfo> Entries(string folder, Owner owner)
    {
        try
        {
            return new DirectoryInfo(folder).GetFileSystemInfos();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            var display = owner.Display(folder);
            diagnostics.Add(DiagnosticDescriptors.FolderUnlistable, SourceLocation.InFile(display), display, exception.Message.TrimEnd('.'));
            return [];
        }
    }

    /// <summary>A pack's folder as a root, its links resolved.</summary>
    private Owner OwnerOf(ResolvedPack pack) =>
        new(RealPath.Resolve(pack.Folder, inputs.WorkingDirectory) ?? Path.GetFullPath(pack.Folder, inputs.WorkingDirectory), pack.DisplayFolder, pack);

    private static string DisplayFolderOf(string file) => Path.GetDirectoryName(file) is { Length: > 0 } folder ? folder : ".";

    private SourceModule LoadRoot(Owner owner, IReadOnlyList<string> files, IReadOnlyDictionary<string, ResolvedPack> packs)
    {
        var loading = new RootLoading(this, owner, packs, diagnostics, inputs, texts);
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

    /// <summary>The root a file belongs to: the compilation's own, or that of a pack it was imported from.</summary>
    private sealed record Owner(string Root, string DisplayRoot, ResolvedPack? Pack)
    {
        public string Display(string fullPath)
        {
            var relative = Path.GetRelativePath(Root, fullPath);
            return (relative == "." ? DisplayRoot : DisplayRoot == "." ? relative : Path.Join(DisplayRoot, relative)).Replace('\\', '/');
        }
    }

    /// <summary>
    /// The files of one root as they are read: done, in progress (for cycles), their syntax trees, and into
    /// <c>texts</c>, when given, their text by the name their locations use.
    /// </summary>
    private sealed class RootLoading(RuleSourceLoader loader, Owner own, IReadOnlyDictionary<string, ResolvedPack> packs, DiagnosticBag diagnostics, CheckInputs inputs, Dictionary<string, string>? texts)
    {
        private readonly HashSet<string> done = new(PathComparer);
        private readonly List<(string Path, Owner Owner)> inProgress = [];

        public List<CompilationUnit> Units { get; } = [];

        public List<ImportedUnit> Imported { get; } = [];

        /// <summary>Reads, parses and follows the imports of a file given by its resolved path.</summary>
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
            if (inputs.Read(fullPath, display, InputKind.RuleFile, importedFrom?.Path.Location) is not { } file)
            {
                done.Add(fullPath);
                return;
            }

            texts?.TryAdd(display, file.Text);
            var parsed = loader.parseCache?.Parse(fullPath, display, file.Text) ?? RuleParser.Parse(file.Text, display);
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

            var target = RealPath.Resolve(import.Path.Value, Path.GetDirectoryName(importer)!);
            if (target is not null && !RealPath.IsWithin(target, owner.Root))
            {
                diagnostics.Add(DiagnosticDescriptors.ImportOutsideRoot, import.Path.Location, import.Path.Value, owner.DisplayRoot);
                return;
            }

            VisitTarget(target, import, owner);
        }

        /// <summary>An imported file, resolved: one that a link loop hides or that does not exist is reported at the import.</summary>
        private void VisitTarget(string? target, ImportDeclaration import, Owner owner)
        {
            if (target is null)
            {
                diagnostics.Add(DiagnosticDescriptors.ImportLinkLoop, import.Path.Location, import.Path.Value);
            }
            else if (!inputs.FileExists(target) && !Directory.Exists(target))
            {
                diagnostics.Add(DiagnosticDescriptors.ImportNotFound, import.Path.Location, import.Path.Value);
            }
            else
            {
                Visit(target, import, owner);
            }
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

            var dependencyOwner = loader.OwnerOf(dependency);
            if (path.Length == 0)
            {
                foreach (var file in loader.RuleFilesIn(dependencyOwner))
                {
                    Visit(file, import, dependencyOwner);
                }

                return;
            }

            var target = RealPath.Resolve(path, dependencyOwner.Root);
            if (Path.IsPathRooted(path) || (target is not null && !RealPath.IsWithin(target, dependencyOwner.Root)))
            {
                diagnostics.Add(DiagnosticDescriptors.ImportOutsidePack, import.Path.Location, import.Path.Value, name);
                return;
            }

            VisitTarget(target, import, dependencyOwner);
        }
    }
}
