namespace ZonePolicy.Types;

/// <summary>A type of the language: a primitive, a list, an entity kind or a record of a nested object.</summary>
internal abstract record ZpType
{
    public static readonly PrimitiveType Bool = new("bool");
    public static readonly PrimitiveType Int = new("int");
    public static readonly PrimitiveType Decimal = new("decimal");
    public static readonly PrimitiveType String = new("string");
    public static readonly PrimitiveType Date = new("date");
    public static readonly PrimitiveType Duration = new("duration");
    public static readonly PrimitiveType Path = new("path");

    /// <summary>The type of <c>null</c>: fits any type.</summary>
    public static readonly PrimitiveType Null = new("null");

    /// <summary>A value whose type is known only at run time (a custom <c>props</c> value); fits any type.</summary>
    public static readonly PrimitiveType Any = new("any");

    /// <summary>The type of an expression that already has an error: fits anything, so one mistake is reported once.</summary>
    public static readonly PrimitiveType Error = new("?");

    public static ListType ListOf(ZpType element) => new(element);

    public abstract string Name { get; }

    public bool IsNumeric => this == Int || this == Decimal;

    /// <summary>True for types that fit any other type (null, any, and error recovery).</summary>
    public bool IsWildcard => this == Null || this == Any || this == Error;

    public sealed override string ToString() => Name;
}

internal sealed record PrimitiveType(string PrimitiveName) : ZpType
{
    public override string Name => PrimitiveName;
}

internal sealed record ListType(ZpType Element) : ZpType
{
    public override string Name => $"list<{Element.Name}>";
}

internal sealed record EntityType(EntityKind Kind) : ZpType
{
    public override string Name => Kind.Keyword();
}

/// <summary>A nested object of the topology (<c>os</c>, <c>contract</c>, a service, ...).</summary>
internal sealed record RecordType(RecordShape Shape) : ZpType
{
    public override string Name => Shape.Name;
}

/// <summary>The custom attribute bag <c>props</c>, indexed by a string.</summary>
internal sealed record PropsType : ZpType
{
    public static readonly PropsType Instance = new();

    public override string Name => "props";
}
