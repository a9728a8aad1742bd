using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Evaluation;

/// <summary>
/// The assets of a site numbered in id order, so that searches that meet ties in number order break them
/// by id, and their results are deterministic.
/// </summary>
internal sealed class AssetIndex
{
    private readonly Entity[] assets;
    private readonly Dictionary<Entity, int> numbers;

    public AssetIndex(SiteModel site)
    {
        assets = site.OfKind(EntityKind.Asset).OrderBy(a => a.Id, StringComparer.Ordinal).ToArray();
        numbers = new Dictionary<Entity, int>(assets.Length, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < assets.Length; i++)
        {
            numbers[assets[i]] = i;
        }
    }

    public int Count => assets.Length;

    public Entity this[int number] => assets[number];

    public bool TryNumber(Entity asset, out int number) => numbers.TryGetValue(asset, out number);

    public int NumberOf(Entity asset) => numbers[asset];

    /// <summary>The numbers of the assets an end point stands for: a zone's own assets, or the asset itself.</summary>
    public IEnumerable<int> NumbersOf(Entity endpoint)
    {
        var members = endpoint.Kind == EntityKind.Zone ? endpoint["assets"] as IReadOnlyList<Entity> ?? [] : [endpoint];
        foreach (var asset in members)
        {
            if (numbers.TryGetValue(asset, out var number))
            {
                yield return number;
            }
        }
    }
}
