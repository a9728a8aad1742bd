using ZonePolicy.Diagnostics;
using ZonePolicy.Scripting;
using ZonePolicy.Syntax;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Binding;

// The bound, type-checked program: names resolved to symbols and frame slots, attributes to slots,
// operators to one of a closed set of operations. The evaluator compiles this, never the syntax tree.

/// <summary>A variable of a rule, comprehension, helper call or avoid clause, held in a frame slot.</summary>
internal sealed record VariableSymbol(string Name, ZpType Type, int Slot);

internal abstract record BoundExpression(ZpType Type, SourceLocation Location);

internal sealed record BoundLiteral(object? Value, ZpType Type, SourceLocation Location) : BoundExpression(Type, Location);

internal sealed record BoundVariable(VariableSymbol Variable, SourceLocation Location) : BoundExpression(Variable.Type, Location);

/// <summary>A module-level <c>let</c> constant, computed once per site.</summary>
internal sealed record BoundConstant(ConstantSymbol Constant, SourceLocation Location) : BoundExpression(Constant.Type, Location);

internal sealed record BoundGlobalList(EntityKind Kind, SourceLocation Location)
    : BoundExpression(ZpType.ListOf(new EntityType(Kind)), Location);

internal sealed record BoundToday(SourceLocation Location) : BoundExpression(ZpType.Date, Location);

/// <summary>An attribute of an entity or a record, read from its slot.</summary>
internal sealed record BoundAttribute(BoundExpression Target, AttributeDefinition Attribute, SourceLocation Location)
    : BoundExpression(Attribute.Type, Location);

internal enum PathMember
{
    Length,
    Assets,
    Flows,
    Conduits,
}

internal sealed record BoundPathMember(BoundExpression Target, PathMember Member, ZpType Type, SourceLocation Location)
    : BoundExpression(Type, Location);

/// <summary><c>e.props["key"]</c>.</summary>
internal sealed record BoundPropsIndex(BoundExpression Target, BoundExpression Key, SourceLocation Location)
    : BoundExpression(ZpType.Any, Location);

internal enum BuiltinFunction
{
    Len,
    Lower,
    Upper,
    StartsWith,
    EndsWith,
    Has,
    Days,
    Level,
    Permitted,
    Denial,
    PermitsCrossing,
    UnusedAllows,
    UnneededCrossings,
}

internal sealed record BoundBuiltinCall(BuiltinFunction Function, IReadOnlyList<BoundExpression> Arguments, ZpType Type, SourceLocation Location)
    : BoundExpression(Type, Location);

/// <summary>A helper function call, bound for this call site: arguments go into parameter slots, then the body runs.</summary>
internal sealed record BoundHelperCall(IReadOnlyList<VariableSymbol> Parameters, IReadOnlyList<BoundExpression> Arguments, BoundExpression Body, SourceLocation Location)
    : BoundExpression(Body.Type, Location);

/// <summary>Operators after binding. Arithmetic dispatches on the run-time values, so int, decimal, date and duration share one node.</summary>
internal enum BoundOperator
{
    Not,
    Negate,
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
    NotIn,
    Contains,
    Matches,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}

internal sealed record BoundUnary(BoundOperator Operator, BoundExpression Operand, ZpType Type, SourceLocation Location)
    : BoundExpression(Type, Location);

internal sealed record BoundBinary(BoundOperator Operator, BoundExpression Left, BoundExpression Right, ZpType Type, SourceLocation Location)
    : BoundExpression(Type, Location);

/// <summary>
/// A left-associative run of <c>and</c>, <c>or</c> or arithmetic operators, evaluated in one loop from
/// <see cref="First"/> through each link.
/// </summary>
internal sealed record BoundChain(BoundExpression First, IReadOnlyList<BoundChainLink> Links, ZpType Type, SourceLocation Location)
    : BoundExpression(Type, Location);

internal sealed record BoundChainLink(BoundOperator Operator, BoundExpression Operand);

/// <summary><c>s matches "regex"</c> with a constant pattern, compiled once.</summary>
internal sealed record BoundConstantMatch(BoundExpression Input, System.Text.RegularExpressions.Regex Pattern, SourceLocation Location)
    : BoundExpression(ZpType.Bool, Location);

internal sealed record BoundList(IReadOnlyList<BoundExpression> Items, ZpType Type, SourceLocation Location) : BoundExpression(Type, Location);

internal sealed record BoundQuantifier(
    QuantifierKind Kind,
    VariableSymbol? Variable,
    BoundExpression Source,
    BoundExpression? Where,
    BoundExpression? Select,
    ZpType Type,
    SourceLocation Location) : BoundExpression(Type, Location);

/// <summary>
/// <c>path</c> / <c>reachable</c>. <see cref="AvoidDependsOn"/> lists the outer variables the avoid
/// predicate reads: searches are shared between evaluations that agree on them.
/// </summary>
internal sealed record BoundPath(
    bool IsReachable,
    BoundExpression From,
    BoundExpression To,
    VariableSymbol? AvoidVariable,
    BoundExpression? Avoid,
    IReadOnlyList<VariableSymbol> AvoidDependsOn,
    int SiteId,
    SourceLocation Location) : BoundExpression(IsReachable ? ZpType.Bool : ZpType.Path, Location)
{
    /// <summary>True for <c>permittedPath</c> and <c>permittedReachable</c>: the search walks what the network permits.</summary>
    public bool OverPermitted { get; init; }
}

/// <summary>A module-level constant; its value is computed once per site, in a frame of its own.</summary>
internal sealed class ConstantSymbol(string name, SourceLocation location)
{
    public string Name { get; } = name;

    public SourceLocation Location { get; } = location;

    public int Index { get; set; }

    public ZpType Type { get; set; } = ZpType.Error;

    public BoundExpression? Value { get; set; }

    public int FrameSize { get; set; }
}

// Rules

internal abstract record BoundStep;

/// <summary><c>for kind var [in source] [where filter]</c>; a null source ranges over every entity of the kind.</summary>
internal sealed record BoundFor(EntityKind Kind, VariableSymbol Variable, BoundExpression? Source, BoundExpression? Where, bool WhereIsLoopInvariant) : BoundStep;

internal sealed record BoundLet(VariableSymbol Variable, BoundExpression Value) : BoundStep;

internal abstract record BoundMessagePart;

internal sealed record BoundMessageText(string Text) : BoundMessagePart;

internal sealed record BoundMessageHole(BoundExpression Expression) : BoundMessagePart;

internal sealed record BoundRule(
    RuleInfo Info,
    IReadOnlyList<BoundStep> Steps,
    bool IsForbid,
    BoundExpression Condition,
    BoundExpression? At,
    IReadOnlyList<BoundMessagePart> Message,
    int FrameSize)
{
    public string Id => Info.Id;

    public IEnumerable<BoundFor> Fors => Steps.OfType<BoundFor>();

    /// <summary>The rule ids its <c>sameAs</c> clause names, where they are written.</summary>
    public IReadOnlyList<StringLiteral> SameAs { get; init; } = [];

    /// <summary>The clauses its <c>refs</c> clause names, where they are written.</summary>
    public IReadOnlyList<StringLiteral> Refs { get; init; } = [];
}

/// <summary>Everything the evaluator needs: the rules and the constants they read, and the compilations they came from.</summary>
internal sealed record BoundProgram(IReadOnlyList<BoundRule> Rules, IReadOnlyList<ConstantSymbol> Constants, int PathSiteCount)
{
    public IReadOnlyList<BoundModule> Modules { get; init; } = [];

    /// <summary>The C# functions of the program's packs, which must be compiled or taken from the cache before it runs.</summary>
    public IReadOnlyList<ScriptFunctionSymbol> ScriptFunctions { get; init; } = [];
}

/// <summary>
/// One compilation root after binding: its folder (a pack's, or a <c>--rules</c> folder), the pack it declares,
/// its module-level names and the ids of its rules. A pack's clause catalogue sits at its root.
/// </summary>
internal sealed record BoundModule(SourceModule Source, string? Pack, ModuleSymbols Symbols, IReadOnlyList<string> RuleIds);
