using ZonePolicy.Diagnostics;

namespace ZonePolicy.Syntax;

// The syntax tree of one `.zpol` file. Every node keeps the location of the text it was parsed from;
// later phases report their diagnostics there.

internal abstract record SyntaxNode(SourceLocation Location);

/// <summary>An identifier as written, with its own location (a declared name, a variable, a member).</summary>
internal sealed record Identifier(string Name, SourceLocation Location) : SyntaxNode(Location);

/// <summary>A string literal as written (escapes resolved), with its location.</summary>
internal sealed record StringLiteral(string Value, SourceLocation Location) : SyntaxNode(Location);

internal sealed record CompilationUnit(
    string File,
    PackDeclaration? Pack,
    IReadOnlyList<ImportDeclaration> Imports,
    IReadOnlyList<ParamDeclaration> Params,
    IReadOnlyList<LetDeclaration> Lets,
    IReadOnlyList<RuleDeclaration> Rules,
    SourceLocation Location) : SyntaxNode(Location);

/// <summary><c>pack a.b.c version "1.0.0" title "..."</c>; <see cref="Name"/> is the dotted name.</summary>
internal sealed record PackDeclaration(Identifier Name, StringLiteral? Version, StringLiteral? Title, SourceLocation Location) : SyntaxNode(Location);

internal sealed record ImportDeclaration(StringLiteral Path, SourceLocation Location) : SyntaxNode(Location);

internal sealed record ParamDeclaration(Identifier Name, Expression Value, SourceLocation Location) : SyntaxNode(Location);

/// <summary>A constant (<see cref="Parameters"/> is null) or a helper function.</summary>
internal sealed record LetDeclaration(Identifier Name, IReadOnlyList<Identifier>? Parameters, Expression Body, SourceLocation Location) : SyntaxNode(Location);

/// <summary>A rule: its clauses in source order; the binder checks which are required and unique.</summary>
internal sealed record RuleDeclaration(Identifier Id, StringLiteral Title, IReadOnlyList<RuleClause> Clauses, SourceLocation Location) : SyntaxNode(Location);

internal abstract record RuleClause(SourceLocation Location) : SyntaxNode(Location);

/// <summary><c>severity error|warning|info</c>; <see cref="Level"/> holds the keyword as written.</summary>
internal sealed record SeverityClause(Identifier Level, SourceLocation Location) : RuleClause(Location);

internal sealed record CategoryClause(StringLiteral Category, SourceLocation Location) : RuleClause(Location);

internal sealed record RefsClause(IReadOnlyList<StringLiteral> Refs, SourceLocation Location) : RuleClause(Location);

/// <summary><c>sameAs "OTHER-ID", ...</c>: rules of other packs that check the same requirement.</summary>
internal sealed record SameAsClause(IReadOnlyList<StringLiteral> Rules, SourceLocation Location) : RuleClause(Location);

internal sealed record HelpClause(StringLiteral Help, SourceLocation Location) : RuleClause(Location);

/// <summary><c>for &lt;kind&gt; &lt;var&gt; [in &lt;expr&gt;] [where &lt;expr&gt;]</c>.</summary>
internal sealed record ForClause(Identifier Kind, Identifier Variable, Expression? Source, Expression? Where, SourceLocation Location) : RuleClause(Location);

internal sealed record LetClause(Identifier Name, Expression Value, SourceLocation Location) : RuleClause(Location);

/// <summary><c>require &lt;expr&gt;</c> or <c>forbid &lt;expr&gt;</c>.</summary>
internal sealed record ConditionClause(bool IsForbid, Expression Condition, SourceLocation Location) : RuleClause(Location);

internal sealed record AtClause(Expression Target, SourceLocation Location) : RuleClause(Location);

internal sealed record MessageClause(MessageTemplate Template, SourceLocation Location) : RuleClause(Location);

/// <summary>A message string split into literal text and <c>{expr}</c> holes.</summary>
internal sealed record MessageTemplate(IReadOnlyList<TemplatePart> Parts, SourceLocation Location) : SyntaxNode(Location);

internal abstract record TemplatePart(SourceLocation Location) : SyntaxNode(Location);

internal sealed record TemplateText(string Text, SourceLocation Location) : TemplatePart(Location);

internal sealed record TemplateHole(Expression Expression, SourceLocation Location) : TemplatePart(Location);

// Expressions

internal abstract record Expression(SourceLocation Location) : SyntaxNode(Location);

/// <summary>A literal: null, bool, long, decimal, string or <see cref="DateOnly"/>.</summary>
internal sealed record LiteralExpression(object? Value, SourceLocation Location) : Expression(Location);

/// <summary>A name: a variable, parameter, constant or one of the global lists (<c>zones</c>, <c>assets</c>, ...).</summary>
internal sealed record NameExpression(string Name, SourceLocation Location) : Expression(Location);

/// <summary><c>today</c>.</summary>
internal sealed record TodayExpression(SourceLocation Location) : Expression(Location);

/// <summary><c>target.member</c>; <see cref="Member"/> carries the member name's own location.</summary>
internal sealed record MemberExpression(Expression Target, Identifier Member, SourceLocation Location) : Expression(Location);

/// <summary><c>target[index]</c>, as in <c>a.props["key"]</c>.</summary>
internal sealed record IndexExpression(Expression Target, Expression Index, SourceLocation Location) : Expression(Location);

/// <summary><c>f(a, b)</c>: a built-in or a helper function.</summary>
internal sealed record CallExpression(Identifier Function, IReadOnlyList<Expression> Arguments, SourceLocation Location) : Expression(Location);

internal enum UnaryOperator
{
    Not,
    Negate,
}

internal sealed record UnaryExpression(UnaryOperator Operator, Expression Operand, SourceLocation Location) : Expression(Location);

internal enum BinaryOperator
{
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

/// <summary>A comparison, membership test or match: <c>a == b</c>, <c>x in xs</c>, <c>s matches "re"</c>; these do not chain.</summary>
internal sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right, SourceLocation Location) : Expression(Location);

/// <summary>
/// A run of left-associative operators of one precedence level as one node: <c>p and q and r</c>,
/// <c>a + b - c</c>, <c>x * y / z</c>. It means <c>((a + b) - c)</c>, but however long the run is, no pass
/// recurses along it.
/// </summary>
internal sealed record ChainExpression(Expression First, IReadOnlyList<ChainLink> Links, SourceLocation Location) : Expression(Location)
{
    /// <summary>The span of the first operands up to and including link <paramref name="index"/>: the left operand of the next link.</summary>
    public SourceLocation Through(int index) => First.Location.Through(Links[index].Operand.Location);
}

/// <summary>One operator of a <see cref="ChainExpression"/>, where it is written, and the operand after it.</summary>
internal sealed record ChainLink(BinaryOperator Operator, SourceLocation OperatorLocation, Expression Operand);

internal sealed record ListExpression(IReadOnlyList<Expression> Items, SourceLocation Location) : Expression(Location);

internal enum QuantifierKind
{
    Any,
    All,
    None,
    Count,
    Sum,
    Min,
    Max,
}

/// <summary>
/// <c>any(x in xs where p)</c>, <c>count(xs)</c>, <c>sum(x in xs where p select e)</c>, ...
/// <see cref="Variable"/> is null in the short form over a plain list (<c>count(xs)</c>, <c>sum(xs)</c>).
/// </summary>
internal sealed record QuantifierExpression(
    QuantifierKind Kind,
    Identifier? Variable,
    Expression Source,
    Expression? Where,
    Expression? Select,
    SourceLocation Location) : Expression(Location);

/// <summary><c>avoid x where p</c> inside <c>path</c> or <c>reachable</c>.</summary>
internal sealed record AvoidClause(Identifier Variable, Expression Predicate, SourceLocation Location) : SyntaxNode(Location);

/// <summary>The graph a path is searched on.</summary>
internal enum PathGraph
{
    /// <summary>The declared flows: <c>path</c>, <c>reachable</c>.</summary>
    Flows,

    /// <summary>What the network permits: <c>permittedPath</c>, <c>permittedReachable</c>.</summary>
    Permitted,
}

/// <summary><c>path(from, to [, avoid x where p])</c> or <c>reachable(...)</c>, and their <c>permitted</c> forms.</summary>
internal sealed record PathExpression(bool IsReachable, Expression From, Expression To, AvoidClause? Avoid, SourceLocation Location) : Expression(Location)
{
    public PathGraph Graph { get; init; }
}
