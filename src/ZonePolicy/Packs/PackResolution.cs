using NuGet.Versioning;
using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;

namespace ZonePolicy.Packs;

/// <summary>
/// The rule inputs of a check once packs are resolved: plain rule files and folders, the packs in dependency
/// order, and the lock file to write once the check has read all its inputs.
/// </summary>
internal sealed record ResolvedInputs(IReadOnlyList<string> RuleSources, IReadOnlyList<ResolvedPack> Packs, PackLockUpdate? LockUpdate = null);

/// <summary>
/// Turns a check's rule inputs into the packs to load: rules folders that carry a <c>pack.json</c> become
/// packs, packs named by the request are looked up, every dependency is resolved, the lock file is
/// honoured and kept, and each pack is marked trusted or not. Relative paths resolve against the request's
/// working directory and keep their own spelling in diagnostics; every manifest and lock file read is an
/// input of the check, which no output may replace.
/// </summary>
internal static class PackResolution
{
    public static ResolvedInputs Resolve(CheckRequest request, CheckInputs inputs, DiagnosticBag diagnostics)
    {
        string Full(string path) => Path.GetFullPath(path, inputs.WorkingDirectory);
        var plain = new List<string>();
        var rootFolders = new List<(string, string)>();
        foreach (var source in request.RuleSources)
        {
            var folder = Full(source);
            if (Directory.Exists(folder) && File.Exists(Path.Combine(folder, PackManifest.FileName)))
            {
                rootFolders.Add((folder, source));
            }
            else
            {
                plain.Add(source);
            }
        }

        var requirements = new List<PackRequirement>();
        foreach (var text in request.Packs)
        {
            if (PackRequirement.Parse(text, request.SettingsLocation, "", diagnostics) is { } requirement)
            {
                requirements.Add(requirement);
            }
        }

        if (rootFolders.Count == 0 && requirements.Count == 0)
        {
            return new ResolvedInputs(plain, []);
        }

        var lockFile = request.LockMode != PackLockMode.Off && request.LockFile is { } lockPath ? (Path: Full(lockPath), Display: lockPath) : default;
        InputFile? lockRead = null;
        var lockEntries = lockFile.Path is not null ? PackLockFile.Read(lockFile.Path, lockFile.Display, inputs, diagnostics, out lockRead) : null;
        using var feeds = request.NuGetConfigDirectory is { } configDirectory ? PackFeeds.Create(Full(configDirectory), request.SettingsLocation, diagnostics) : null;
        var sources = new PackSources
        {
            Roots = new PackListSource(rootFolders, PackOrigin.RulesFolder, "the rules folders given", diagnostics),
            Installed = new PackListSource(request.InstalledPacks.Select(f => (Full(f), f)), PackOrigin.Installed, "the packs installed for the project", diagnostics),
            Local = [.. LocalSources(request, Full)],
            Feeds = feeds,
            Preferred = (lockEntries ?? [])
                .Where(e => e.Version is not null)
                .ToDictionary(e => e.Name, e => e.Version!, StringComparer.Ordinal),
        };

        var resolved = new PackResolver(sources, diagnostics).Resolve(requirements);
        foreach (var manifest in sources.Roots.All.Concat(resolved).Select(c => c.Manifest?.Input).OfType<InputFile>().Distinct())
        {
            inputs.Record(manifest);
        }

        var lockUpdate = !diagnostics.HasErrors && lockFile.Path is not null
            ? KeepLock(request.LockMode, (lockFile.Path, lockFile.Display, lockRead), lockEntries, LockEntries(resolved, requirements), diagnostics)
            : null;

        var trusted = request.TrustedPacks.ToHashSet(StringComparer.Ordinal);
        var packs = resolved
            .Select(c => ResolvedPack.From(c, c.Origin is PackOrigin.Installed or PackOrigin.Shipped || trusted.Contains(c.Name)))
            .ToList();
        foreach (var pack in packs.Where(p => !p.Trusted && p.Manifest is { Functions.Count: > 0 }))
        {
            // Scripts are code: a pack nobody trusted may not run them, and is not run without them either.
            var scripts = string.Join(", ", pack.Manifest!.Functions.Select(f => f.Script).Distinct().Select(s => $"`{s}`"));
            diagnostics.Add(DiagnosticDescriptors.UntrustedScripts, pack.Manifest.LocationOf("functions"), pack.Name, scripts);
        }

        return new ResolvedInputs(plain, packs, lockUpdate);
    }

    private static IEnumerable<IPackSource> LocalSources(CheckRequest request, Func<string, string> full)
    {
        foreach (var directory in request.PackDirectories)
        {
            yield return new PackFolderSource(full(directory), directory, PackOrigin.Folder, $"pack folder `{directory}`");
        }

        foreach (var directory in request.ShippedPackDirectories)
        {
            yield return new PackFolderSource(full(directory), directory, PackOrigin.Shipped, $"the packs that ship with ZonePolicy (`{directory}`)");
        }
    }

    private static List<PackLockEntry> LockEntries(IReadOnlyList<PackCandidate> resolved, IReadOnlyList<PackRequirement> requirements) =>
        resolved
            .Where(c => c.Origin is PackOrigin.Shipped or PackOrigin.Folder or PackOrigin.Feed)
            .Select(c =>
            {
                var asked = requirements.Where(r => r.Name == c.Name).Select(r => r.Range == PackRequirement.AnyVersion ? "*" : r.RangeText).Distinct().ToList();
                return new PackLockEntry(
                    c.Name,
                    asked.Count > 0,
                    asked.Count > 0 ? string.Join(" ", asked) : null,
                    c.Version,
                    SourceName(c.Origin),
                    c.ContentHash,
                    [.. (c.Manifest?.Dependencies ?? []).Select(d => $"{d.Name}@{d.Range.ToNormalizedString()}")]);
            })
            .ToList();

    private static string SourceName(PackOrigin origin) => origin switch
    {
        PackOrigin.Shipped => "zonepolicy",
        PackOrigin.Folder => "folder",
        _ => "feed",
    };

    /// <summary>Checks the packages against the lock file and says what to write, if anything; in locked mode, whether the lock file holds.</summary>
    private static PackLockUpdate? KeepLock(PackLockMode mode, (string Path, string Display, InputFile? Read) file, IReadOnlyList<PackLockEntry>? existing, List<PackLockEntry> entries, DiagnosticBag diagnostics)
    {
        var at = SourceLocation.InFile(file.Display);
        foreach (var entry in entries.Where(e => e.ContentHash is not null))
        {
            if (existing?.FirstOrDefault(e => e.Name == entry.Name && Equals(e.Version, entry.Version)) is { ContentHash: { } recorded } && recorded != entry.ContentHash)
            {
                diagnostics.Add(DiagnosticDescriptors.PackContentChanged, at, entry.Name, entry.VersionText, entry.ContentHash, recorded);
            }
        }

        var text = PackLockFile.Render(entries);
        if (mode == PackLockMode.Locked)
        {
            if (existing is null)
            {
                diagnostics.Add(DiagnosticDescriptors.PackLockMissing, at, file.Display);
            }
            else if (PackLockFile.Render(existing) != text)
            {
                diagnostics.Add(DiagnosticDescriptors.PackLockOutOfDate, at, file.Display, Differences(existing, entries));
            }

            return null;
        }

        var write = mode == PackLockMode.Update || existing is not null || entries.Exists(e => e.Source == "feed");
        return write && (existing is null || PackLockFile.Render(existing) != text) ? new PackLockUpdate(file.Path, file.Display, text, file.Read) : null;
    }

    private static string Differences(IReadOnlyList<PackLockEntry> before, IReadOnlyList<PackLockEntry> after)
    {
        var changes = new List<string>();
        foreach (var entry in after)
        {
            var old = before.FirstOrDefault(e => e.Name == entry.Name);
            if (old is null)
            {
                changes.Add($"adds `{entry.Name}` {entry.VersionText}");
            }
            else if (!Equals(old.Version, entry.Version) || old.Source != entry.Source)
            {
                changes.Add($"`{entry.Name}` {entry.VersionText} ({entry.Source}) instead of {old.VersionText} ({old.Source})");
            }
            else if (old != entry && (old.Requested != entry.Requested || old.Direct != entry.Direct))
            {
                changes.Add($"`{entry.Name}` is asked for as `{entry.Requested ?? "a dependency"}` instead of `{old.Requested ?? "a dependency"}`");
            }
        }

        changes.AddRange(before.Where(e => !after.Any(a => a.Name == e.Name)).Select(e => $"drops `{e.Name}` {e.VersionText}"));
        return changes.Count > 0 ? string.Join(", ", changes) : "dependencies or content hashes changed";
    }
}
