using NuGet.Versioning;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Packs;

/// <summary>The rule inputs of a check once packs are resolved: plain rule files and folders, and the packs in dependency order.</summary>
internal sealed record ResolvedInputs(IReadOnlyList<string> RuleSources, IReadOnlyList<ResolvedPack> Packs);

/// <summary>
/// Turns a check's rule inputs into the packs to load: rules folders that carry a <c>pack.json</c> become
/// packs, packs named by the request are looked up, every dependency is resolved, the lock file is
/// honoured and kept, and each pack is marked trusted or not.
/// </summary>
internal static class PackResolution
{
    public static ResolvedInputs Resolve(CheckRequest request, DiagnosticBag diagnostics)
    {
        var plain = new List<string>();
        var rootFolders = new List<(string, string)>();
        foreach (var source in request.RuleSources)
        {
            if (Directory.Exists(source) && File.Exists(Path.Combine(source, PackManifest.FileName)))
            {
                rootFolders.Add((source, source));
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

        var lockEntries = request.LockMode != PackLockMode.Off && request.LockFile is { } lockPath ? PackLockFile.Read(lockPath, diagnostics) : null;
        var sources = new PackSources
        {
            Roots = new PackListSource(rootFolders, PackOrigin.RulesFolder, "the rules folders given", diagnostics),
            Installed = new PackListSource(request.InstalledPacks.Select(f => (f, f)), PackOrigin.Installed, "the packs installed for the project", diagnostics),
            Local = [.. LocalSources(request)],
            Feeds = request.NuGetConfigDirectory is { } configDirectory ? PackFeeds.Create(configDirectory, request.SettingsLocation, diagnostics) : null,
            Preferred = (lockEntries ?? [])
                .Where(e => e.Version is not null)
                .ToDictionary(e => e.Name, e => e.Version!, StringComparer.Ordinal),
        };

        var resolved = new PackResolver(sources, diagnostics).Resolve(requirements);
        if (!diagnostics.HasErrors && request.LockMode != PackLockMode.Off && request.LockFile is { } file)
        {
            KeepLock(request, file, lockEntries, LockEntries(resolved, requirements), diagnostics);
        }

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

        return new ResolvedInputs(plain, packs);
    }

    private static IEnumerable<IPackSource> LocalSources(CheckRequest request)
    {
        foreach (var directory in request.PackDirectories)
        {
            yield return new PackFolderSource(directory, directory, PackOrigin.Folder, $"pack folder `{directory}`");
        }

        foreach (var directory in request.ShippedPackDirectories)
        {
            yield return new PackFolderSource(directory, directory, PackOrigin.Shipped, $"the packs that ship with ZonePolicy (`{directory}`)");
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

    private static void KeepLock(CheckRequest request, string path, IReadOnlyList<PackLockEntry>? existing, List<PackLockEntry> entries, DiagnosticBag diagnostics)
    {
        foreach (var entry in entries.Where(e => e.ContentHash is not null))
        {
            if (existing?.FirstOrDefault(e => e.Name == entry.Name && Equals(e.Version, entry.Version)) is { ContentHash: { } recorded } && recorded != entry.ContentHash)
            {
                diagnostics.Add(DiagnosticDescriptors.PackContentChanged, SourceLocation.InFile(path), entry.Name, entry.VersionText, entry.ContentHash, recorded);
            }
        }

        var text = PackLockFile.Render(entries);
        if (request.LockMode == PackLockMode.Locked)
        {
            if (existing is null)
            {
                diagnostics.Add(DiagnosticDescriptors.PackLockMissing, SourceLocation.InFile(path), path);
            }
            else if (PackLockFile.Render(existing) != text)
            {
                diagnostics.Add(DiagnosticDescriptors.PackLockOutOfDate, SourceLocation.InFile(path), path, Differences(existing, entries));
            }

            return;
        }

        var write = request.LockMode == PackLockMode.Update || existing is not null || entries.Exists(e => e.Source == "feed");
        if (write && (!File.Exists(path) || existing is null || PackLockFile.Render(existing) != text))
        {
            PackLockFile.Write(path, text, diagnostics);
        }
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
