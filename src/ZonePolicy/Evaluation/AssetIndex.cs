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

    // By an asset's ordinal in its table (file order): its number in id order.
    private readonly int[] numbers;

    // A zone's asset numbers, in the order of its assets; an index is used by one thread at a time.
    private readonly Dictionary<Entity, int[]> zones = new(ReferenceEqualityComparer.Instance);

    public AssetIndex(SiteModel site)
    {
        var inFileOrder = site.OfKind(EntityKind.Asset);
        var ids = new string[inFileOrder.Count];
        var ordinals = new int[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            (ids[i], ordinals[i]) = (inFileOrder[i].Id, i);
        }

        if (!InOrder(ids))
        {
            Array.Sort(ids, ordinals, StringComparer.Ordinal);
        }

        assets = new Entity[ids.Length];
        numbers = new int[ids.Length];
        for (var number = 0; number < ids.Length; number++)
        {
            assets[number] = inFileOrder[ordinals[number]];
            numbers[ordinals[number]] = number;
        }
    }

    public int Count => assets.Length;

    public Entity this[int number] => assets[number];

    /// <summary>The number of an asset of this site; false for any other entity.</summary>
    public bool TryNumber(Entity asset, out int number)
    {
        var ordinal = asset.Ordinal;
        number = ordinal < numbers.Length ? numbers[ordinal] : -1;
        return number >= 0 && ReferenceEquals(assets[number], asset);
    }

    public int NumberOf(Entity asset) =>
        TryNumber(asset, out var number) ? number : throw new KeyNotFoundException($"`{asset.Id}` is not an asset of this site");

    /// <summary>The numbers of the assets an end point stands for: a zone's own assets, or the asset itself.</summary>
    /// <remarks>A zone's are worked out once: rules ask for them for every pair of zones they search between.</remarks>
    public IReadOnlyList<int> NumbersOf(Entity endpoint)
    {
        if (endpoint.Kind != EntityKind.Zone)
        {
            return TryNumber(endpoint, out var number) ? [number] : [];
        }

        if (!zones.TryGetValue(endpoint, out var numbers))
        {
            zones.Add(endpoint, numbers = Numbers(endpoint["assets"] as IReadOnlyList<Entity> ?? []));
        }

        return numbers;
    }

    private int[] Numbers(IReadOnlyList<Entity> members)
    {
        var numbers = new List<int>(members.Count);
        foreach (var asset in members)
        {
            if (TryNumber(asset, out var number))
            {
                numbers.Add(number);
            }
        }

        return [.. numbers];
    }

    private static bool InOrder(string[] ids)
    {
        for (var i = 1; i < ids.Length; i++)
        {
            if (string.CompareOrdinal(ids[i - 1], ids[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }
}
