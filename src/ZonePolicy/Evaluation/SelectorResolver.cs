using ZonePolicy.Diagnostics;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Evaluation;

/// <summary>
/// Resolves command-line selectors against a site: a zone id stands for its own assets, an asset id for
/// itself, <c>type:</c>, <c>kind:</c>, <c>sl:</c> and <c>entry[:kind]</c> for the assets that have it. A
/// selector that names nothing the site knows is ZP0330, with the closest name.
/// </summary>
internal sealed class SelectorResolver(SiteModel site, SourceLocation location, List<Diagnostic> diagnostics)
{
    private static readonly string[] ZoneKinds = ["control", "safety", "supervisory", "operations", "dmz", "enterprise", "external"];

    /// <summary>The union of the assets the selectors name, in file order.</summary>
    public IReadOnlyList<Entity> Resolve(string option, IReadOnlyList<string> selectors)
    {
        var chosen = new HashSet<Entity>(ReferenceEqualityComparer.Instance);
        foreach (var text in selectors)
        {
            if (Resolve(option, text) is { } assets)
            {
                chosen.UnionWith(assets);
            }
        }

        return site.OfKind(EntityKind.Asset).Where(chosen.Contains).ToList();
    }

    private IEnumerable<Entity>? Resolve(string option, string text)
    {
        var selector = Selector.Parse(text, out var problem);
        if (selector is null)
        {
            return Fail(option, text, $"{problem}; a selector is {Selector.Forms}");
        }

        var assets = site.OfKind(EntityKind.Asset);
        switch (selector.Kind)
        {
            case SelectorKind.Type:
                var types = assets.Select(a => a["type"] as string).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
                return types.Contains(selector.Value)
                    ? assets.Where(a => a["type"] as string == selector.Value)
                    : Fail(option, text, $"no asset has type `{MessageText.Show(selector.Value)}`{NameSuggestions.DidYouMean(selector.Value, types)}");
            case SelectorKind.ZoneKind:
                return ZoneKinds.Contains(selector.Value)
                    ? assets.Where(a => (a["zone"] as Entity)?["kind"] as string == selector.Value)
                    : Fail(option, text, $"`{MessageText.Show(selector.Value)}` is not a zone kind{NameSuggestions.DidYouMean(selector.Value, ZoneKinds)}");
            case SelectorKind.SecurityLevel:
                var level = long.Parse(selector.Value, System.Globalization.CultureInfo.InvariantCulture);
                return assets.Where(a => (a["zone"] as Entity)?["securityLevel"] is long sl && sl == level);
            case SelectorKind.EntryPoint:
                if (selector.Value.Length > 0 && !ConnectivityIndexer.EntryKinds.Contains(selector.Value))
                {
                    return Fail(option, text, $"`{MessageText.Show(selector.Value)}` is not a kind of entry point ({string.Join(", ", ConnectivityIndexer.EntryKinds)}){NameSuggestions.DidYouMean(selector.Value, ConnectivityIndexer.EntryKinds)}");
                }

                return assets.Where(a => a["entryPoints"] is IReadOnlyList<string> kinds && (selector.Value.Length == 0 ? kinds.Count > 0 : kinds.Contains(selector.Value)));
        }

        if (site.TryGet(selector.Value, out var entity) && entity.Kind is EntityKind.Zone or EntityKind.Asset)
        {
            return entity.Kind == EntityKind.Zone ? entity["assets"] as IReadOnlyList<Entity> ?? [] : [entity];
        }

        var known = site.OfKind(EntityKind.Zone).Concat(assets).Select(e => e.Id);
        return Fail(option, text, entity is null
            ? $"no zone or asset has the id `{MessageText.Show(selector.Value)}`{NameSuggestions.DidYouMean(selector.Value, known)}"
            : $"`{MessageText.Show(selector.Value)}` is a {entity.Kind.Keyword()}, not a zone or an asset");
    }

    private IEnumerable<Entity>? Fail(string option, string text, string message)
    {
        diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidSelector, location, option, MessageText.Show(text), message));
        return null;
    }
}
