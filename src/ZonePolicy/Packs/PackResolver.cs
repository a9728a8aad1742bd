using NuGet.Versioning;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Packs;

/// <summary>Where the resolver looks, in order of precedence, and what it already knows.</summary>
internal sealed class PackSources
{
    /// <summary>Packs given as folders (rules folders with a manifest): always loaded, and taken as they are.</summary>
    public required PackListSource Roots { get; init; }

    /// <summary>Packs installed for the project (<c>PackageReference</c>): a name found here is taken from here only.</summary>
    public required PackListSource Installed { get; init; }

    /// <summary>Folders of packs (<c>--pack-dir</c>, then the packs beside zpol), searched before any feed.</summary>
    public IReadOnlyList<IPackSource> Local { get; init; } = [];

    /// <summary>NuGet feeds, asked only when no local folder has a version that fits.</summary>
    public IPackSource? Feeds { get; init; }

    /// <summary>Versions recorded by a lock file, preferred whenever they still fit.</summary>
    public IReadOnlyDictionary<string, NuGetVersion> Preferred { get; init; } = new Dictionary<string, NuGetVersion>();

    public IEnumerable<IPackSource> Searched => Local.Concat(Feeds is null ? [] : [Feeds]);
}

/// <summary>
/// Chooses one version of every pack a check needs: the packs asked for by name, the packs given as
/// folders, and their dependencies, transitively. Like NuGet's restore it takes the lowest version that
/// fits every range asked for (the newest for a floating request), reports a pack that cannot be found
/// (ZP0307, ZP0352), a range nothing fits (ZP0350), requirements no single version meets (ZP0351), a
/// dependency cycle (ZP0358) and an engine too old for a pack (ZP0353), and orders the packs so that
/// each comes after the packs it depends on.
/// </summary>
internal sealed class PackResolver(PackSources sources, DiagnosticBag diagnostics)
{
    private const int MaxRounds = 64;

    public IReadOnlyList<PackCandidate> Resolve(IReadOnlyList<PackRequirement> requested)
    {
        var selected = new Dictionary<string, PackCandidate>(StringComparer.Ordinal);
        var report = new DiagnosticBag();
        for (var round = 0; round < MaxRounds; round++)
        {
            report = new DiagnosticBag();
            var next = Round(requested, selected, report);
            if (SameSelection(next, selected))
            {
                break;
            }

            selected = next;
        }

        diagnostics.AddRange(report.Items);
        if (report.HasErrors)
        {
            return [];
        }

        var ordered = DependencyOrder(selected);
        foreach (var candidate in ordered)
        {
            CheckEngine(candidate);
        }

        return ordered;
    }

    /// <summary>One round: the roots, then a version for every name some selected pack or the request requires.</summary>
    private Dictionary<string, PackCandidate> Round(IReadOnlyList<PackRequirement> requested, Dictionary<string, PackCandidate> previous, DiagnosticBag report)
    {
        var next = new Dictionary<string, PackCandidate>(StringComparer.Ordinal);
        foreach (var root in sources.Roots.All)
        {
            if (next.TryGetValue(root.Name, out var other))
            {
                report.Add(DiagnosticDescriptors.PackGivenTwice, root.Manifest!.LocationOf("name"), root.Name, other.VersionText, other.DisplayFolder, root.VersionText, root.DisplayFolder);
                continue;
            }

            next[root.Name] = root;
        }

        var requirements = requested
            .Concat(previous.Values.Concat(next.Values).Distinct().SelectMany(DependenciesOf))
            .GroupBy(r => r.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in requirements)
        {
            var list = group.ToList();
            if (next.TryGetValue(group.Key, out var root))
            {
                foreach (var requirement in list.Where(r => !VersionChoice.Fits(root, r)))
                {
                    Conflict(requirement, root, report);
                }

                continue;
            }

            if (Choose(group.Key, list, report) is { } chosen)
            {
                next[group.Key] = chosen;
            }
        }

        return next;
    }

    private static IEnumerable<PackRequirement> DependenciesOf(PackCandidate candidate) =>
        candidate.Manifest?.Dependencies.Select(d => new PackRequirement(d.Name, d.Range, d.Location, candidate.Name)) ?? [];

    private PackCandidate? Choose(string name, List<PackRequirement> requirements, DiagnosticBag report)
    {
        var installed = sources.Installed.Versions(name, diagnostics);
        if (installed.Count > 0)
        {
            if (installed.Count > 1)
            {
                var versions = string.Join(" and ", installed.Select(c => $"{c.VersionText} in `{c.DisplayFolder}`"));
                report.Add(DiagnosticDescriptors.PackInstalledTwice, requirements[0].Location, name, versions);
                return null;
            }

            var only = installed[0];
            foreach (var requirement in requirements.Where(r => !VersionChoice.Fits(only, r)))
            {
                Conflict(requirement, only, report);
            }

            return only;
        }

        var seen = new List<PackCandidate>();
        foreach (var tier in Tiers())
        {
            if (Preferred(name, tier, requirements) is { } locked && Fetch(locked, requirements[0], report))
            {
                return locked;
            }

            var candidates = Versions(name, tier);
            seen.AddRange(candidates);
            if (VersionChoice.Pick(candidates, requirements) is { } picked)
            {
                return Fetch(picked, requirements[0], report) ? picked : null;
            }
        }

        ReportUnresolved(name, requirements, seen, report);
        return null;
    }

    /// <summary>The local folders together, then the feeds: a feed is asked only when no folder has a fitting version.</summary>
    private IEnumerable<IReadOnlyList<IPackSource>> Tiers()
    {
        yield return sources.Local;
        if (sources.Feeds is { } feeds)
        {
            yield return [feeds];
        }
    }

    private List<PackCandidate> Versions(string name, IReadOnlyList<IPackSource> tier)
    {
        // The same version in two folders: the first folder in search order wins.
        var candidates = new List<PackCandidate>();
        foreach (var candidate in tier.SelectMany(source => source.Versions(name, diagnostics)))
        {
            if (!candidates.Exists(c => Equals(c.Version, candidate.Version)))
            {
                candidates.Add(candidate);
            }
        }

        return candidates;
    }

    private PackCandidate? Preferred(string name, IReadOnlyList<IPackSource> tier, List<PackRequirement> requirements)
    {
        if (!sources.Preferred.TryGetValue(name, out var version))
        {
            return null;
        }

        var candidate = tier.Select(source => source is ILocalVersionLookup lookup ? lookup.Installed(name, version) : source.Versions(name, diagnostics).FirstOrDefault(c => Equals(c.Version, version)))
            .FirstOrDefault(c => c is not null);
        return candidate is not null && VersionChoice.FitsAll(candidate, requirements) ? candidate : null;
    }

    private static bool Fetch(PackCandidate candidate, PackRequirement requirement, DiagnosticBag report) =>
        candidate.Source.Fetch(candidate, requirement.Location, report) && (candidate.Manifest is not null || candidate.Version is null);

    private void ReportUnresolved(string name, List<PackRequirement> requirements, List<PackCandidate> seen, DiagnosticBag report)
    {
        var tried = string.Join("; ", sources.Searched.Select(s => s.Description));
        var first = requirements[0];
        if (seen.Count == 0)
        {
            if (requirements.TrueForAll(r => r.RequiredBy.Length == 0))
            {
                var known = sources.Searched.SelectMany(s => s.Names()).Concat(sources.Installed.Names()).Distinct(StringComparer.Ordinal);
                report.Add(DiagnosticDescriptors.PackNotFound, first.Location, name, tried, NameSuggestions.DidYouMean(name, known));
                return;
            }

            foreach (var dependency in requirements.Where(r => r.RequiredBy.Length > 0))
            {
                report.Add(DiagnosticDescriptors.MissingPackDependency, dependency.Location, dependency.RequiredBy, name, dependency.RangeText, tried);
            }

            return;
        }

        var available = string.Join(", ", seen.Select(c => c.VersionText).Distinct().Order(StringComparer.Ordinal));
        var alone = requirements.Where(r => seen.Exists(c => VersionChoice.Fits(c, r))).ToList();
        if (requirements.Count > 1 && alone.Count == requirements.Count)
        {
            var asks = string.Join(" and ", requirements.Select(r => $"{Wanted(r)} {By(r)}"));
            foreach (var requirement in requirements)
            {
                report.Add(DiagnosticDescriptors.PackVersionConflict, requirement.Location, name, asks, available);
            }

            return;
        }

        foreach (var requirement in requirements.Except(alone))
        {
            report.Add(DiagnosticDescriptors.PackVersionNotFound, requirement.Location, name, Wanted(requirement), Asked(requirement), available, tried);
        }
    }

    private static void Conflict(PackRequirement requirement, PackCandidate fixedPack, DiagnosticBag report)
    {
        var where = fixedPack.Origin == PackOrigin.Installed ? "installed for the project" : "given as a rules folder";
        report.Add(DiagnosticDescriptors.PackVersionFixed, requirement.Location, requirement.Name, Wanted(requirement), By(requirement), fixedPack.VersionText, where, fixedPack.DisplayFolder);
    }

    private static string Wanted(PackRequirement requirement) => requirement.Range == PackRequirement.AnyVersion ? "any version" : requirement.RangeText;

    private static string By(PackRequirement requirement) => requirement.RequiredBy.Length == 0 ? "as asked for" : $"by `{requirement.RequiredBy}`";

    private static string Asked(PackRequirement requirement) => requirement.RequiredBy.Length == 0 ? "as asked for" : $"needed by `{requirement.RequiredBy}`";

    private static bool SameSelection(Dictionary<string, PackCandidate> a, Dictionary<string, PackCandidate> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var other) && ReferenceEquals(other, p.Value));

    /// <summary>Dependencies first, then by name; a cycle is ZP0358 at the dependency that closes it.</summary>
    private List<PackCandidate> DependencyOrder(Dictionary<string, PackCandidate> selected)
    {
        var ordered = new List<PackCandidate>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal);
        var path = new List<string>();

        void Visit(PackCandidate candidate)
        {
            if (state.TryGetValue(candidate.Name, out var done))
            {
                return;
            }

            state[candidate.Name] = false;
            path.Add(candidate.Name);
            foreach (var dependency in (candidate.Manifest?.Dependencies ?? []).OrderBy(d => d.Name, StringComparer.Ordinal))
            {
                if (!selected.TryGetValue(dependency.Name, out var target))
                {
                    continue;
                }

                if (state.TryGetValue(dependency.Name, out var finished) && !finished)
                {
                    var cycle = path.Skip(path.IndexOf(dependency.Name)).Append(dependency.Name);
                    diagnostics.Add(DiagnosticDescriptors.PackDependencyCycle, dependency.Location, string.Join(" -> ", cycle.Select(c => $"`{c}`")));
                    continue;
                }

                Visit(target);
            }

            path.RemoveAt(path.Count - 1);
            state[candidate.Name] = true;
            ordered.Add(candidate);
        }

        foreach (var candidate in selected.Values.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            Visit(candidate);
        }

        return ordered;
    }

    private void CheckEngine(PackCandidate candidate)
    {
        if (candidate.Manifest is { } manifest && manifest.MinEngineVersion > EngineVersion.Current)
        {
            diagnostics.Add(DiagnosticDescriptors.EngineTooOld, manifest.LocationOf("minEngineVersion"),
                manifest.Name, manifest.Version.ToNormalizedString(), manifest.MinEngineVersion.ToNormalizedString(), EngineVersion.Current.ToNormalizedString());
        }
    }
}

/// <summary>A source that can tell, without a network, whether it already holds an exact version.</summary>
internal interface ILocalVersionLookup
{
    PackCandidate? Installed(string name, NuGetVersion version);
}
