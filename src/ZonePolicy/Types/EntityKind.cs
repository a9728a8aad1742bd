namespace ZonePolicy.Types;

/// <summary>The seven kinds of entity a topology describes.</summary>
public enum EntityKind
{
    Zone,
    Asset,
    Conduit,
    Flow,
    Data,
    Operation,
    Party,
}

internal static class EntityKinds
{
    public static readonly IReadOnlyList<EntityKind> All = Enum.GetValues<EntityKind>();

    /// <summary>The kind's name in the language (<c>for zone z</c>).</summary>
    public static string Keyword(this EntityKind kind) => kind switch
    {
        EntityKind.Zone => "zone",
        EntityKind.Asset => "asset",
        EntityKind.Conduit => "conduit",
        EntityKind.Flow => "flow",
        EntityKind.Data => "data",
        EntityKind.Operation => "operation",
        EntityKind.Party => "party",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The top-level JSON array and the global list in the language (<c>zones</c>, <c>data</c>, ...).</summary>
    public static string CollectionName(this EntityKind kind) => kind switch
    {
        EntityKind.Zone => "zones",
        EntityKind.Asset => "assets",
        EntityKind.Conduit => "conduits",
        EntityKind.Flow => "flows",
        EntityKind.Data => "data",
        EntityKind.Operation => "operations",
        EntityKind.Party => "parties",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParseKeyword(string text, out EntityKind kind)
    {
        foreach (var candidate in All)
        {
            if (candidate.Keyword() == text)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static bool TryParseCollection(string text, out EntityKind kind)
    {
        foreach (var candidate in All)
        {
            if (candidate.CollectionName() == text)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
