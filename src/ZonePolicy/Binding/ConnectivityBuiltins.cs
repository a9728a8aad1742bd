using ZonePolicy.Types;

namespace ZonePolicy.Binding;

/// <summary>
/// The types of the built-ins that compare the declared flows with what the network permits:
/// <c>permitted(f)</c>, <c>denial(f)</c>, <c>permitsCrossing(c, from, to)</c>, <c>unusedAllows(c)</c>
/// and <c>unneededCrossings(c)</c>.
/// </summary>
internal static class ConnectivityBuiltins
{
    private static readonly EntityType Flow = new(EntityKind.Flow);
    private static readonly EntityType Zone = new(EntityKind.Zone);
    private static readonly EntityType Conduit = new(EntityKind.Conduit);

    /// <summary>The call's type, or null when its arguments do not fit.</summary>
    public static ZpType? ResultType(BuiltinFunction function, IReadOnlyList<ZpType> args) => function switch
    {
        BuiltinFunction.Permitted => Is(args[0], Flow) ? ZpType.Bool : null,
        BuiltinFunction.Denial => Is(args[0], Flow) ? ZpType.String : null,
        BuiltinFunction.PermitsCrossing => Is(args[0], Conduit) && Is(args[1], Zone) && Is(args[2], Zone) ? ZpType.Bool : null,
        BuiltinFunction.UnusedAllows => args[0] switch
        {
            EntityType { Kind: EntityKind.Conduit } => ZpType.ListOf(new RecordType(TopologySchema.ConduitAllow)),
            EntityType { Kind: EntityKind.Zone } => ZpType.ListOf(new RecordType(TopologySchema.ZoneAllow)),
            { IsWildcard: true } => ZpType.ListOf(ZpType.Any),
            _ => null,
        },
        BuiltinFunction.UnneededCrossings => Is(args[0], Conduit) ? ZpType.ListOf(Zone) : null,
        _ => null,
    };

    /// <summary>What the function takes, as a type error says it.</summary>
    public static string Wanted(BuiltinFunction function) => function switch
    {
        BuiltinFunction.PermitsCrossing => "a `conduit` and two `zone` values",
        BuiltinFunction.UnusedAllows => "a `conduit` or a `zone`",
        BuiltinFunction.UnneededCrossings => "a `conduit`",
        _ => "a `flow`",
    };

    private static bool Is(ZpType type, EntityType expected) => type.IsWildcard || type == expected;
}
