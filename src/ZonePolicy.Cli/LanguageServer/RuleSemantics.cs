using ZonePolicy.Binding;
using ZonePolicy.Types;
using ZonePolicy.Diagnostics;
using ZonePolicy.Syntax;
using ZonePolicy.Topology;

namespace ZonePolicy.Cli.LanguageServer;

internal enum SymbolKind
{
    Parameter,
    Constant,
    Helper,
    HelperParameter,
    Variable,
}

/// <summary>A declared name: where it is declared, what it is, and its type as far as the text tells.</summary>
internal sealed record Symbol(string Name, SymbolKind Kind, SourceLocation Declaration, ZpType Type, SyntaxNode Node);

/// <summary>One mention of a symbol (its declaration included), at the name's own location.</summary>
internal sealed record SymbolReference(SourceLocation Location, Symbol Symbol, bool IsDeclaration);

/// <summary>An attribute name after a dot, with the shape it was looked up in.</summary>
internal sealed record AttributeReference(SourceLocation Location, string Owner, AttributeDefinition? Attribute, ZpType TargetType);

/// <summary>
/// What the names of a set of rule files mean: the module-level parameters, constants and helpers of all of
/// them, and every mention of a name in each file resolved to its declaration through the scopes of rules,
/// helpers, comprehensions and avoid clauses, as the binder resolves them. Works on partial trees: a
/// declaration that did not parse is simply absent.
/// </summary>
internal sealed class RuleSemantics
{
    private const int MaxTypeDepth = 32;

    private readonly Dictionary<string, Symbol> module = new(StringComparer.Ordinal);
    private readonly List<SymbolReference> references = [];
    private readonly List<AttributeReference> attributes = [];
    private readonly SourceLocation? probe;
    private IReadOnlyList<Symbol>? scopeAtProbe;

    private RuleSemantics(IReadOnlyList<CompilationUnit> units, SourceLocation? probe)
    {
        this.probe = probe;
        foreach (var unit in units)
        {
            foreach (var param in unit.Params)
            {
                Declare(new Symbol(param.Name.Name, SymbolKind.Parameter, param.Name.Location, TypeOf(param.Value, [], 0), param));
            }

            foreach (var let in unit.Lets)
            {
                Declare(new Symbol(let.Name.Name, let.Parameters is null ? SymbolKind.Constant : SymbolKind.Helper, let.Name.Location, ZpType.Error, let));
            }
        }

        foreach (var (name, symbol) in module.ToList())
        {
            if (symbol.Kind == SymbolKind.Constant)
            {
                module[name] = symbol with { Type = TypeOf(((LetDeclaration)symbol.Node).Body, [], 0) };
            }
        }

        foreach (var unit in units)
        {
            Walk(unit);
        }
    }

    public IReadOnlyDictionary<string, Symbol> Module => module;

    public IReadOnlyList<SymbolReference> References => references;

    public IReadOnlyList<AttributeReference> Attributes => attributes;

    /// <summary>The local variables visible at the probe, innermost last; null when no expression was there.</summary>
    public IReadOnlyList<Symbol>? ScopeAtProbe => scopeAtProbe;

    /// <summary>Resolves the names of <paramref name="units"/>; <paramref name="probe"/> asks for the scope at a place.</summary>
    public static RuleSemantics Analyze(IReadOnlyList<CompilationUnit> units, SourceLocation? probe = null) => new(units, probe);

    /// <summary>The symbol mentioned at a 1-based line and column of a file, if any.</summary>
    public SymbolReference? ReferenceAt(string file, int line, int column) =>
        references.LastOrDefault(r => Contains(r.Location, file, line, column));

    public AttributeReference? AttributeAt(string file, int line, int column) =>
        attributes.LastOrDefault(a => Contains(a.Location, file, line, column));

    public static bool Contains(SourceLocation location, string file, int line, int column) =>
        location.File == file
        && (line > location.Line || (line == location.Line && column >= location.Column))
        && (line < location.EndLine || (line == location.EndLine && column <= location.EndColumn));

    /// <summary>The type of an expression with the given local variables, as the binder would infer it; the error type when unknown.</summary>
    public ZpType TypeOf(Expression expression, IReadOnlyList<Symbol> scope, int depth)
    {
        if (depth > MaxTypeDepth)
        {
            return ZpType.Error;
        }

        depth++;
        switch (expression)
        {
            case LiteralExpression literal:
                return ValueTypes.Of(literal.Value);
            case TodayExpression:
                return ZpType.Date;
            case NameExpression name:
                if (scope.LastOrDefault(s => s.Name == name.Name) is { } local)
                {
                    return local.Type;
                }

                if (module.TryGetValue(name.Name, out var symbol) && symbol.Kind is SymbolKind.Parameter or SymbolKind.Constant)
                {
                    return symbol.Type;
                }

                return EntityKinds.TryParseCollection(name.Name, out var kind) ? ZpType.ListOf(new EntityType(kind)) : ZpType.Error;
            case MemberExpression member:
                return MemberType(TypeOf(member.Target, scope, depth), member.Member.Name)?.Type ?? ZpType.Error;
            case IndexExpression:
                return ZpType.Any;
            case CallExpression call:
                return CallType(call, scope, depth);
            case UnaryExpression unary:
                return unary.Operator == UnaryOperator.Not ? ZpType.Bool : TypeOf(unary.Operand, scope, depth);
            case BinaryExpression binary:
                return BinaryType(binary, scope, depth);
            case ListExpression list:
                return ZpType.ListOf(list.Items.Count == 0 ? ZpType.Null : TypeOf(list.Items[0], scope, depth));
            case QuantifierExpression quantifier:
                return QuantifierType(quantifier, scope, depth);
            case PathExpression path:
                return path.IsReachable ? ZpType.Bool : ZpType.Path;
            default:
                return ZpType.Error;
        }
    }

    /// <summary>The attribute <paramref name="name"/> of a value of type <paramref name="target"/>, with its type.</summary>
    public static (string Owner, AttributeDefinition? Attribute, ZpType Type)? MemberType(ZpType target, string name)
    {
        switch (target)
        {
            case EntityType entity:
                var shape = TopologySchema.For(entity.Kind);
                return shape.TryGet(name, out var attribute) ? (shape.Name, attribute, attribute.Type) : null;
            case RecordType record:
                return record.Shape.TryGet(name, out var field) ? (record.Shape.Name, field, field.Type) : null;
            case PrimitiveType p when p == ZpType.Path:
                return name switch
                {
                    "length" => ("path", null, ZpType.Int),
                    "assets" => ("path", null, ZpType.ListOf(new EntityType(EntityKind.Asset))),
                    "flows" => ("path", null, ZpType.ListOf(new EntityType(EntityKind.Flow))),
                    _ => null,
                };
            default:
                return null;
        }
    }

    private ZpType CallType(CallExpression call, IReadOnlyList<Symbol> scope, int depth)
    {
        if (LanguageReference.Builtin(call.Function.Name) is { } builtin)
        {
            return builtin.Returns;
        }

        if (module.TryGetValue(call.Function.Name, out var helper) && helper.Node is LetDeclaration { Parameters: { } parameters } let)
        {
            var arguments = parameters.Select((p, i) => new Symbol(p.Name, SymbolKind.HelperParameter, p.Location,
                i < call.Arguments.Count ? TypeOf(call.Arguments[i], scope, depth) : ZpType.Error, let)).ToList();
            return TypeOf(let.Body, arguments, depth);
        }

        return ZpType.Error;
    }

    private ZpType BinaryType(BinaryExpression binary, IReadOnlyList<Symbol> scope, int depth)
    {
        if (binary.Operator is not (BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo))
        {
            return ZpType.Bool;
        }

        var left = TypeOf(binary.Left, scope, depth);
        var right = TypeOf(binary.Right, scope, depth);
        if (left == ZpType.Date)
        {
            return right == ZpType.Date ? ZpType.Duration : ZpType.Date;
        }

        return ExpressionBinder.Unify(left, right) ?? ZpType.Error;
    }

    private ZpType QuantifierType(QuantifierExpression quantifier, IReadOnlyList<Symbol> scope, int depth)
    {
        switch (quantifier.Kind)
        {
            case QuantifierKind.Any or QuantifierKind.All or QuantifierKind.None:
                return ZpType.Bool;
            case QuantifierKind.Count:
                return ZpType.Int;
        }

        var element = TypeOf(quantifier.Source, scope, depth) is ListType list ? list.Element : ZpType.Error;
        if (quantifier.Select is null || quantifier.Variable is null)
        {
            return element;
        }

        var inner = scope.Append(new Symbol(quantifier.Variable.Name, SymbolKind.Variable, quantifier.Variable.Location, element, quantifier)).ToList();
        return TypeOf(quantifier.Select, inner, depth);
    }

    private void Declare(Symbol symbol)
    {
        if (module.TryAdd(symbol.Name, symbol))
        {
            references.Add(new SymbolReference(symbol.Declaration, symbol, IsDeclaration: true));
        }
    }

    private void Walk(CompilationUnit unit)
    {
        foreach (var let in unit.Lets)
        {
            var scope = new List<Symbol>();
            foreach (var parameter in let.Parameters ?? [])
            {
                scope.Add(Local(parameter, SymbolKind.HelperParameter, ZpType.Any, let));
            }

            Visit(let.Body, scope);
        }

        foreach (var rule in unit.Rules)
        {
            WalkRule(rule);
        }
    }

    private void WalkRule(RuleDeclaration rule)
    {
        var scope = new List<Symbol>();
        foreach (var clause in rule.Clauses)
        {
            switch (clause)
            {
                case ForClause f:
                    if (f.Source is not null)
                    {
                        Visit(f.Source, scope);
                    }

                    var type = EntityKinds.TryParseKeyword(f.Kind.Name, out var kind) ? (ZpType)new EntityType(kind) : ZpType.Error;
                    scope.Add(Local(f.Variable, SymbolKind.Variable, type, f));
                    if (f.Where is not null)
                    {
                        Visit(f.Where, scope);
                    }

                    break;
                case LetClause l:
                    Visit(l.Value, scope);
                    scope.Add(Local(l.Name, SymbolKind.Variable, TypeOf(l.Value, scope, 0), l));
                    break;
                case ConditionClause c:
                    Visit(c.Condition, scope);
                    break;
                case AtClause a:
                    Visit(a.Target, scope);
                    break;
                case MessageClause m:
                    foreach (var hole in m.Template.Parts.OfType<TemplateHole>())
                    {
                        Visit(hole.Expression, scope);
                    }

                    break;
            }
        }
    }

    private Symbol Local(Identifier name, SymbolKind kind, ZpType type, SyntaxNode node)
    {
        var symbol = new Symbol(name.Name, kind, name.Location, type, node);
        references.Add(new SymbolReference(name.Location, symbol, IsDeclaration: true));
        return symbol;
    }

    private void Visit(Expression expression, List<Symbol> scope)
    {
        if (probe is { } at && Contains(expression.Location, at.File, at.Line, at.Column))
        {
            scopeAtProbe = scope.ToList();
        }

        switch (expression)
        {
            case NameExpression name:
                Mention(name.Name, name.Location, scope, allowLocal: true);
                break;
            case MemberExpression member:
                Visit(member.Target, scope);
                var targetType = TypeOf(member.Target, scope, 0);
                var found = MemberType(targetType, member.Member.Name);
                attributes.Add(new AttributeReference(member.Member.Location, found?.Owner ?? targetType.Name, found?.Attribute, targetType));
                break;
            case IndexExpression index:
                Visit(index.Target, scope);
                Visit(index.Index, scope);
                break;
            case CallExpression call:
                Mention(call.Function.Name, call.Function.Location, scope, allowLocal: false);
                foreach (var argument in call.Arguments)
                {
                    Visit(argument, scope);
                }

                break;
            case UnaryExpression unary:
                Visit(unary.Operand, scope);
                break;
            case BinaryExpression binary:
                Visit(binary.Left, scope);
                Visit(binary.Right, scope);
                break;
            case ListExpression list:
                foreach (var item in list.Items)
                {
                    Visit(item, scope);
                }

                break;
            case QuantifierExpression quantifier:
                Visit(quantifier.Source, scope);
                if (quantifier.Variable is not null)
                {
                    var element = TypeOf(quantifier.Source, scope, 0) is ListType list ? list.Element : ZpType.Error;
                    var inner = new List<Symbol>(scope) { Local(quantifier.Variable, SymbolKind.Variable, element, quantifier) };
                    VisitOptional(quantifier.Where, inner);
                    VisitOptional(quantifier.Select, inner);
                }

                break;
            case PathExpression path:
                Visit(path.From, scope);
                Visit(path.To, scope);
                if (path.Avoid is { } avoid)
                {
                    var inner = new List<Symbol>(scope) { Local(avoid.Variable, SymbolKind.Variable, new EntityType(EntityKind.Asset), avoid) };
                    Visit(avoid.Predicate, inner);
                }

                break;
        }
    }

    private void VisitOptional(Expression? expression, List<Symbol> scope)
    {
        if (expression is not null)
        {
            Visit(expression, scope);
        }
    }

    private void Mention(string name, SourceLocation location, List<Symbol> scope, bool allowLocal)
    {
        var symbol = allowLocal ? scope.LastOrDefault(s => s.Name == name) : null;
        if (symbol is null && module.TryGetValue(name, out var declared))
        {
            symbol = declared;
        }

        if (symbol is not null)
        {
            references.Add(new SymbolReference(location, symbol, IsDeclaration: false));
        }
    }
}
