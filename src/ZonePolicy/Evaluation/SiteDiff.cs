using System.Collections;
using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Evaluation;

/// <summary>
/// Compares two versions of a site for change review (<c>zpol diff</c>): entities by id and stored
/// attribute, zone crossings and permitted paths from outside into control zones by what the network
/// permits, and violations by identity when rules are given.
/// </summary>
internal static class SiteDiff
{
    /// <summary>The zone kinds whose zones are the targets of the paths a change opens or closes.</summary>
    public static readonly IReadOnlyList<string> ControlKinds = ["control", "safety"];

    public static DiffResult Compare(DiffRequest request)
    {
        var diagnostics = new List<Diagnostic>();
        var inputs = new List<InputFile>();
        var old = SiteFile.Load(request.Before, request.WorkingDirectory, diagnostics, inputs);
        var changed = SiteFile.Load(request.After, request.WorkingDirectory, diagnostics, inputs);
        var violations = CompareViolations(request, diagnostics, inputs);
        if (old is null || changed is null || violations is null)
        {
            return Result(request, diagnostics, inputs, [], [], [], violations ?? ViolationChanges.None);
        }

        var oldNetwork = new PermittedGraph(new PermittedNetwork(old, new AssetIndex(old)));
        var newNetwork = new PermittedGraph(new PermittedNetwork(changed, new AssetIndex(changed)));
        return Result(
            request,
            diagnostics,
            inputs,
            CompareEntities(old, changed),
            Changes(Crossings(oldNetwork.Network, old), Crossings(newNetwork.Network, changed), c => c.Key, (kind, c) => c.Change(kind)),
            PathChanges(PathsIntoControl(oldNetwork, old), PathsIntoControl(newNetwork, changed)),
            violations);
    }

    private static DiffResult Result(
        DiffRequest request,
        List<Diagnostic> diagnostics,
        IReadOnlyList<InputFile> inputs,
        IReadOnlyList<EntityChange> entities,
        IReadOnlyList<CrossingChange> crossings,
        IReadOnlyList<PathChange> paths,
        ViolationChanges violations) => new()
        {
            Request = request,
            Diagnostics = diagnostics,
            Entities = entities,
            Crossings = crossings,
            Paths = paths,
            NewViolations = violations.New,
            FixedViolations = violations.Fixed,
            WaivedViolations = violations.Waived,
            UnchangedViolations = violations.Unchanged,
            Checked = violations.Checked,
            InputInvalid = diagnostics.Any(d => d.Severity == Severity.Error),
            Inputs = inputs,
        };

    /// <summary>Entities by kind and id: added, removed, or changed in a stored attribute.</summary>
    private static List<EntityChange> CompareEntities(SiteModel before, SiteModel after)
    {
        var changes = new List<EntityChange>();
        foreach (var kind in EntityKinds.All)
        {
            foreach (var entity in after.OfKind(kind))
            {
                if (!before.TryGet(entity.Id, out var old) || old.Kind != kind)
                {
                    changes.Add(new EntityChange(ChangeKind.Added, kind.Keyword(), entity.Id, entity.Location, []));
                    continue;
                }

                var differing = SecurityLevelVectors.WithoutVectorsOfChangedScalars(kind, entity.Shape.Attributes
                    .Where(a => !a.IsComputed && a.Slot != EntityShape.IdSlot && !SameValue(old[a.Slot], entity[a.Slot]))
                    .Select(a => a.Name)
                    .ToList());
                if (differing.Count > 0)
                {
                    changes.Add(new EntityChange(ChangeKind.Changed, kind.Keyword(), entity.Id, entity.Location, differing));
                }
            }

            foreach (var entity in before.OfKind(kind))
            {
                if (!after.TryGet(entity.Id, out var now) || now.Kind != kind)
                {
                    changes.Add(new EntityChange(ChangeKind.Removed, kind.Keyword(), entity.Id, entity.Location, []));
                }
            }
        }

        return changes;
    }

    /// <summary>Two stored values are the same: references by id, nested objects and lists element by element.</summary>
    private static bool SameValue(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (Entity x, Entity y) => x.Id == y.Id,
        (RecordValue x, RecordValue y) => x.Shape == y.Shape && x.Shape.Attributes.All(attribute => SameValue(x[attribute.Slot], y[attribute.Slot])),
        (IReadOnlyDictionary<string, object?> x, IReadOnlyDictionary<string, object?> y) =>
            x.Count == y.Count && x.All(p => y.TryGetValue(p.Key, out var value) && SameValue(p.Value, value)),
        (string x, string y) => x == y,
        (IEnumerable x, IEnumerable y) => x.Cast<object?>().Count() == y.Cast<object?>().Count() && x.Cast<object?>().Zip(y.Cast<object?>()).All(p => SameValue(p.First, p.Second)),
        _ => a.Equals(b),
    };

    /// <summary>What is in only one version: removed items from before, added ones from after, in order.</summary>
    private static List<TChange> Changes<TItem, TChange>(IReadOnlyList<TItem> before, IReadOnlyList<TItem> after, Func<TItem, string> key, Func<ChangeKind, TItem, TChange> change)
    {
        var beforeKeys = before.Select(key).ToHashSet(StringComparer.Ordinal);
        var afterKeys = after.Select(key).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. after.Where(item => !beforeKeys.Contains(key(item))).Select(item => change(ChangeKind.Added, item)),
            .. before.Where(item => !afterKeys.Contains(key(item))).Select(item => change(ChangeKind.Removed, item)),
        ];
    }

    /// <summary>Paths opened and closed, and those whose shortest path is another after the change.</summary>
    private static List<PathChange> PathChanges(IReadOnlyList<OpenPath> before, IReadOnlyList<OpenPath> after)
    {
        var changes = Changes(before, after, p => p.Key, (kind, p) => p.Change(kind));
        var previous = before.ToDictionary(p => p.Key, StringComparer.Ordinal);
        foreach (var path in after)
        {
            if (previous.TryGetValue(path.Key, out var old) && old.Path.ToString() != path.Path.ToString())
            {
                changes.Add(path.Change(ChangeKind.Changed) with { Previous = old.Path.ToString() });
            }
        }

        return changes;
    }

    /// <summary>Every zone crossing the network permits: through a conduit, or across an asset that bridges two zones.</summary>
    private static List<Crossing> Crossings(PermittedNetwork network, SiteModel site)
    {
        var crossings = new List<Crossing>();
        foreach (var conduit in network.Conduits)
        {
            var (x, y) = (network.Zones[conduit.X], network.Zones[conduit.Y]);
            foreach (var (from, to) in new[] { (x, y), (y, x) })
            {
                if (network.PermitsCrossing(conduit.Conduit, from, to))
                {
                    crossings.Add(new Crossing(from.Id, to.Id, conduit.Conduit));
                }
            }
        }

        foreach (var asset in site.OfKind(EntityKind.Asset).Where(a => a["bridges"] is true))
        {
            var zones = (IReadOnlyList<Entity>)asset["networks"]!;
            foreach (var from in zones)
            {
                foreach (var to in zones.Where(z => !ReferenceEquals(z, from)))
                {
                    crossings.Add(new Crossing(from.Id, to.Id, asset));
                }
            }
        }

        return crossings;
    }

    /// <summary>
    /// The shortest permitted path from each outside source into each control zone: sources are the external
    /// zones, and the entry points of every other zone, taken together.
    /// </summary>
    private static List<OpenPath> PathsIntoControl(PermittedGraph graph, SiteModel site)
    {
        var assets = graph.Network.Assets;
        var sources = new List<(string Label, IEnumerable<Entity> Assets)>();
        foreach (var zone in site.OfKind(EntityKind.Zone))
        {
            var own = zone["assets"] as IReadOnlyList<Entity> ?? [];
            if (zone["kind"] is "external")
            {
                sources.Add((zone.Id, own));
            }
            else if (own.Where(a => a["entryPoints"] is IReadOnlyList<string> { Count: > 0 }).ToList() is { Count: > 0 } entries)
            {
                sources.Add(($"entry points of {zone.Id}", entries));
            }
        }

        var targets = site.OfKind(EntityKind.Zone).Where(z => z["kind"] is string kind && ControlKinds.Contains(kind)).ToList();
        var paths = new List<OpenPath>();
        foreach (var (label, members) in sources)
        {
            var reached = graph.Search(members.Select(assets.NumberOf), _ => false, ServiceFilter.Any);
            foreach (var target in targets)
            {
                if (graph.PathTo(reached, assets.NumbersOf(target), ServiceFilter.Any) is { Length: > 0 } path)
                {
                    paths.Add(new OpenPath(label, target.Id, path));
                }
            }
        }

        return paths;
    }

    /// <summary>Checks both versions with the request's rules and compares their violations by identity; null when a check could not run.</summary>
    private static ViolationChanges? CompareViolations(DiffRequest request, List<Diagnostic> diagnostics, List<InputFile> inputs)
    {
        if (request.Check is not { } template || (template.RuleSources.Count == 0 && template.Packs.Count == 0))
        {
            return ViolationChanges.None;
        }

        var before = PolicyEngine.Check(WithTopology(template, request.Before));
        var after = PolicyEngine.Check(WithTopology(template, request.After));
        inputs.AddRange(before.Inputs.Concat(after.Inputs));
        if (before.InputInvalid || after.InputInvalid)
        {
            // Topology problems are already reported from loading each version; keep the rest (rule files, settings) once.
            var known = diagnostics.Select(d => d.ToCanonicalString()).ToHashSet(StringComparer.Ordinal);
            diagnostics.AddRange(before.Diagnostics.Concat(after.Diagnostics)
                .Where(d => d.Rule is null && d.Severity == Severity.Error && known.Add(d.ToCanonicalString())));
            return null;
        }

        var wasInForce = before.Diagnostics.Where(d => d.Rule is not null).Select(Identity).ToHashSet(StringComparer.Ordinal);
        var isInForce = after.Diagnostics.Where(d => d.Rule is not null).Select(Identity).ToHashSet(StringComparer.Ordinal);
        var isSuppressed = after.Suppressed.Select(Identity).ToHashSet(StringComparer.Ordinal);
        return new ViolationChanges(
            after.Diagnostics.Where(d => d.Rule is not null && !wasInForce.Contains(Identity(d))).ToList(),
            before.Diagnostics.Where(d => d.Rule is not null && !isInForce.Contains(Identity(d)) && !isSuppressed.Contains(Identity(d))).ToList(),
            before.Diagnostics.Where(d => d.Rule is not null && !isInForce.Contains(Identity(d)) && isSuppressed.Contains(Identity(d))).ToList(),
            after.Diagnostics.Count(d => d.Rule is not null && wasInForce.Contains(Identity(d))),
            Checked: true);
    }

    /// <summary>The template with one topology and no baseline; a test keeps this in step with the request's settings.</summary>
    internal static CheckRequest WithTopology(CheckRequest template, string topology) => new()
    {
        TopologyFiles = [topology],
        RuleSources = template.RuleSources,
        Packs = template.Packs,
        PackDirectories = template.PackDirectories,
        ShippedPackDirectories = template.ShippedPackDirectories,
        InstalledPacks = template.InstalledPacks,
        TrustedPacks = template.TrustedPacks,
        NuGetConfigDirectory = template.NuGetConfigDirectory,
        LockFile = template.LockFile,
        LockMode = template.LockMode,
        Parameters = template.Parameters,
        Severities = template.Severities,
        AnalyzerConfigFiles = template.AnalyzerConfigFiles,
        WorkingDirectory = template.WorkingDirectory,
        Today = template.Today,
        SettingsLocation = template.SettingsLocation,
        WarningsAsErrors = template.WarningsAsErrors,
    };

    /// <summary>A violation's identity: its rule id and bound entity ids, as waivers and baselines know it.</summary>
    private static string Identity(Diagnostic violation) => string.Join('\u001f', [violation.Id, .. violation.Entities]);

    private sealed record Crossing(string From, string To, Entity Through)
    {
        public string Key => $"{From}\u001f{To}\u001f{Through.Id}";

        public CrossingChange Change(ChangeKind kind) => new(kind, From, To, Through.Id, Through.Kind.Keyword(), Through.Location);
    }

    private sealed record OpenPath(string From, string To, PathValue Path)
    {
        public string Key => $"{From}\u001f{To}";

        public PathChange Change(ChangeKind kind) => new(kind, From, To, Path.ToString(), WitnessStep.Of(Path));
    }

    private sealed record ViolationChanges(IReadOnlyList<Diagnostic> New, IReadOnlyList<Diagnostic> Fixed, IReadOnlyList<Diagnostic> Waived, int Unchanged, bool Checked)
    {
        public static readonly ViolationChanges None = new([], [], [], 0, Checked: false);
    }
}
