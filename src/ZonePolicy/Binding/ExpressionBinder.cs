using ZonePolicy.Diagnostics;
using ZonePolicy.Scripting;
using ZonePolicy.Syntax;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Binding;

/// <summary>
/// Resolves the names of one expression, checks its types, and produces the bound tree. Every problem is a
/// located diagnostic; the faulty node gets the error type, which fits anywhere, so one mistake is reported once.
/// </summary>
internal sealed class ExpressionBinder(BindingContext context, FrameLayout frame)
{
    private static readonly string[] GlobalLists = EntityKinds.All.Select(k => k.CollectionName()).ToArray();

    private static readonly Dictionary<string, (BuiltinFunction Function, int Arity)> Builtins = new(StringComparer.Ordinal)
    {
        ["len"] = (BuiltinFunction.Len, 1),
        ["lower"] = (BuiltinFunction.Lower, 1),
        ["upper"] = (BuiltinFunction.Upper, 1),
        ["startsWith"] = (BuiltinFunction.StartsWith, 2),
        ["endsWith"] = (BuiltinFunction.EndsWith, 2),
        ["has"] = (BuiltinFunction.Has, 1),
        ["days"] = (BuiltinFunction.Days, 1),
        ["level"] = (BuiltinFunction.Level, 1),
        ["permitted"] = (BuiltinFunction.Permitted, 1),
        ["denial"] = (BuiltinFunction.Denial, 1),
        ["permitsCrossing"] = (BuiltinFunction.PermitsCrossing, 3),
        ["unusedAllows"] = (BuiltinFunction.UnusedAllows, 1),
        ["unneededCrossings"] = (BuiltinFunction.UnneededCrossings, 1),
    };

    public BoundExpression Bind(Expression expression, Scope scope)
    {
        if (!context.TryEnterLevel())
        {
            context.ReportTooDeep(expression.Location);
            return Error(expression.Location);
        }

        try
        {
            return BindNode(expression, scope);
        }
        finally
        {
            context.LeaveLevel();
        }
    }

    private BoundExpression BindNode(Expression expression, Scope scope) => expression switch
    {
        LiteralExpression literal => new BoundLiteral(literal.Value, ValueTypes.Of(literal.Value), literal.Location),
        TodayExpression today => new BoundToday(today.Location),
        NameExpression name => BindName(name, scope),
        MemberExpression member => BindMember(member, scope),
        IndexExpression index => BindIndex(index, scope),
        CallExpression call => BindCall(call, scope),
        UnaryExpression unary => BindUnary(unary, scope),
        BinaryExpression binary => BindBinary(binary, scope),
        ChainExpression chain => BindChain(chain, scope),
        ListExpression list => BindList(list, scope),
        QuantifierExpression quantifier => BindQuantifier(quantifier, scope),
        PathExpression path => BindPath(path, scope),
        _ => Fail(expression.Location, DiagnosticDescriptors.UnsupportedExpression),
    };

    /// <summary>Binds an expression that must be a boolean (a condition, a filter).</summary>
    public BoundExpression BindCondition(Expression expression, Scope scope, string role)
    {
        var bound = Bind(expression, scope);
        if (!Fits(bound.Type, ZpType.Bool))
        {
            context.Error(DiagnosticDescriptors.TypeMismatch, expression.Location, role, bound.Type);
        }

        return bound;
    }

    /// <summary>True when a value of type <paramref name="actual"/> may stand where <paramref name="expected"/> is wanted.</summary>
    public static bool Fits(ZpType actual, ZpType expected) =>
        actual.IsWildcard || expected.IsWildcard || actual == expected
        || (actual == ZpType.Int && expected == ZpType.Decimal)
        || (actual is ListType a && expected is ListType e && Fits(a.Element, e.Element));

    /// <summary>The common type of two values compared or listed together, or null when they have none.</summary>
    public static ZpType? Unify(ZpType a, ZpType b)
    {
        if (a == ZpType.Null || a == ZpType.Error)
        {
            return b;
        }

        if (b == ZpType.Null || b == ZpType.Error)
        {
            return a;
        }

        if (a == b)
        {
            return a;
        }

        if (a.IsNumeric && b.IsNumeric)
        {
            return ZpType.Decimal;
        }

        if (a == ZpType.Any || b == ZpType.Any)
        {
            return a == ZpType.Any ? b : a;
        }

        if (a is ListType la && b is ListType lb && Unify(la.Element, lb.Element) is { } element)
        {
            return ZpType.ListOf(element);
        }

        return null;
    }

    private BoundExpression BindName(NameExpression name, Scope scope)
    {
        if (scope.Lookup(name.Name) is { } variable)
        {
            return new BoundVariable(variable, name.Location);
        }

        switch (context.Symbols.Lookup(name.Name))
        {
            case ParamSymbol param:
                return new BoundLiteral(param.Value, param.Type, name.Location);
            case ConstantDeclaration constant:
                return context.EnsureBound(constant, name.Location) is { } symbol
                    ? new BoundConstant(symbol, name.Location)
                    : Error(name.Location);
            case FunctionSymbol:
                return Fail(name.Location, DiagnosticDescriptors.FunctionUsedAsValue, name.Name);
        }

        if (EntityKinds.TryParseCollection(name.Name, out var kind))
        {
            return new BoundGlobalList(kind, name.Location);
        }

        var known = scope.Names.Concat(context.Symbols.Names).Concat(GlobalLists);
        return Fail(name.Location, DiagnosticDescriptors.UnknownName, name.Name, NameSuggestions.DidYouMean(name.Name, known));
    }

    private BoundExpression BindMember(MemberExpression member, Scope scope)
    {
        var target = Bind(member.Target, scope);
        var name = member.Member.Name;
        switch (target.Type)
        {
            case EntityType entity:
                return BindAttribute(target, TopologySchema.For(entity.Kind), member, $"{entity.Kind.Keyword()}");
            case RecordType record:
                return BindAttribute(target, record.Shape, member, $"`{record.Shape.Name}`");
            case PrimitiveType p when p == ZpType.Path:
                return name switch
                {
                    "length" => new BoundPathMember(target, PathMember.Length, ZpType.Int, member.Location),
                    "assets" => new BoundPathMember(target, PathMember.Assets, ZpType.ListOf(new EntityType(EntityKind.Asset)), member.Location),
                    "flows" => new BoundPathMember(target, PathMember.Flows, ZpType.ListOf(new EntityType(EntityKind.Flow)), member.Location),
                    "conduits" => new BoundPathMember(target, PathMember.Conduits, ZpType.ListOf(new EntityType(EntityKind.Conduit)), member.Location),
                    _ => Fail(member.Member.Location, DiagnosticDescriptors.UnknownPathAttribute, name, NameSuggestions.DidYouMean(name, ["length", "assets", "flows", "conduits"])),
                };
            case var t when t == ZpType.Error || t == ZpType.Null:
                return Error(member.Location);
            case ListType list:
                return Fail(member.Member.Location, DiagnosticDescriptors.AttributeOfList, name, list);
            default:
                return Fail(member.Member.Location, DiagnosticDescriptors.NoAttributes, target.Type, name);
        }
    }

    private BoundExpression BindAttribute(BoundExpression target, Shape shape, MemberExpression member, string owner)
    {
        var name = member.Member.Name;
        if (shape.TryGet(name, out var attribute))
        {
            return new BoundAttribute(target, attribute, member.Location);
        }

        var suggestion = NameSuggestions.DidYouMean(name, shape.Attributes.Select(a => a.Name));
        return Fail(member.Member.Location, DiagnosticDescriptors.UnknownAttribute, owner, name, suggestion);
    }

    private BoundExpression BindIndex(IndexExpression index, Scope scope)
    {
        var target = Bind(index.Target, scope);
        var key = Bind(index.Index, scope);
        if (target.Type == ZpType.Error)
        {
            return Error(index.Location);
        }

        if (target.Type is not PropsType)
        {
            return Fail(index.Location, DiagnosticDescriptors.NotIndexable, target.Type);
        }

        if (!Fits(key.Type, ZpType.String))
        {
            return Fail(index.Index.Location, DiagnosticDescriptors.PropsKeyNotString, key.Type);
        }

        return new BoundPropsIndex(target, key, index.Location);
    }

    private BoundExpression BindCall(CallExpression call, Scope scope)
    {
        var name = call.Function.Name;
        var arguments = call.Arguments.Select(a => Bind(a, scope)).ToList();
        if (Builtins.TryGetValue(name, out var builtin))
        {
            return CheckArity(call, builtin.Arity) ? BindBuiltin(builtin.Function, call, arguments) : Error(call.Location);
        }

        switch (context.Symbols.Lookup(name))
        {
            case FunctionSymbol function:
                return BindHelperCall(function.Declaration, call, arguments);
            case ScriptFunctionSymbol function:
                return BindScriptCall(function, call, arguments);
            case ParamSymbol or ConstantDeclaration:
                return Fail(call.Function.Location, DiagnosticDescriptors.ValueCalled, name);
        }

        var known = Builtins.Keys.Concat(context.Symbols.Names.Where(n => context.Symbols.Lookup(n) is FunctionSymbol or ScriptFunctionSymbol));
        return Fail(call.Function.Location, DiagnosticDescriptors.UnknownFunction, name, NameSuggestions.DidYouMean(name, known));
    }

    public static bool IsBuiltin(string name) => Builtins.ContainsKey(name);

    /// <summary>A C# function is checked like a built-in: its arity, and each argument against its declared type.</summary>
    private BoundExpression BindScriptCall(ScriptFunctionSymbol function, CallExpression call, List<BoundExpression> arguments)
    {
        var parameters = function.Declaration.Parameters;
        if (!CheckArity(call, parameters.Count))
        {
            return Error(call.Location);
        }

        if (Enumerable.Range(0, parameters.Count).Any(i => !Fits(arguments[i].Type, parameters[i].Type.Type)))
        {
            var wanted = string.Join(", ", parameters.Select(p => $"`{p.Type.Type}`"));
            var found = string.Join(", ", arguments.Select(a => $"`{a.Type}`"));
            return Fail(call.Location, DiagnosticDescriptors.WrongArgumentTypes, call.Function.Name, wanted, found);
        }

        return new BoundScriptCall(function, arguments, function.Declaration.Returns.Type, call.Location);
    }

    private bool CheckArity(CallExpression call, int arity)
    {
        if (call.Arguments.Count == arity)
        {
            return true;
        }

        context.Error(DiagnosticDescriptors.WrongArgumentCount, call.Location, call.Function.Name, arity, arity == 1 ? "argument" : "arguments", call.Arguments.Count);
        return false;
    }

    private BoundExpression BindBuiltin(BuiltinFunction function, CallExpression call, List<BoundExpression> args)
    {
        ZpType? result = function switch
        {
            BuiltinFunction.Len => args[0].Type is ListType || Fits(args[0].Type, ZpType.String) ? ZpType.Int : null,
            BuiltinFunction.Lower or BuiltinFunction.Upper => Fits(args[0].Type, ZpType.String) ? ZpType.String : null,
            BuiltinFunction.StartsWith or BuiltinFunction.EndsWith =>
                Fits(args[0].Type, ZpType.String) && Fits(args[1].Type, ZpType.String) ? ZpType.Bool : null,
            BuiltinFunction.Has => ZpType.Bool,
            BuiltinFunction.Days => Fits(args[0].Type, ZpType.Decimal) ? ZpType.Duration : null,
            BuiltinFunction.Level => Fits(args[0].Type, ZpType.String) ? ZpType.Int : null,
            _ => ConnectivityBuiltins.ResultType(function, args.Select(a => a.Type).ToList()),
        };

        if (result is null)
        {
            var found = string.Join(", ", args.Select(a => $"`{a.Type}`"));
            var wanted = function switch
            {
                BuiltinFunction.Len => "a `string` or a list",
                BuiltinFunction.Days => "a number",
                BuiltinFunction.StartsWith or BuiltinFunction.EndsWith => "two `string` values",
                BuiltinFunction.Level or BuiltinFunction.Lower or BuiltinFunction.Upper => "a `string`",
                _ => ConnectivityBuiltins.Wanted(function),
            };
            return Fail(call.Location, DiagnosticDescriptors.WrongArgumentTypes, call.Function.Name, wanted, found);
        }

        return new BoundBuiltinCall(function, args, result, call.Location);
    }

    private BoundExpression BindHelperCall(LetDeclaration function, CallExpression call, List<BoundExpression> arguments)
    {
        var parameters = function.Parameters ?? [];
        if (!CheckArity(call, parameters.Count))
        {
            return Error(call.Location);
        }

        if (!context.EnterFunction(function, call.Location))
        {
            return Fail(call.Location, DiagnosticDescriptors.RecursiveFunction, function.Name.Name);
        }

        // A helper's parameter types are those of its arguments at this call site: the body is bound anew here.
        var scope = Scope.Empty;
        var symbols = new List<VariableSymbol>(parameters.Count);
        for (var i = 0; i < parameters.Count; i++)
        {
            var symbol = frame.Allocate(parameters[i].Name, arguments[i].Type);
            symbols.Add(symbol);
            scope = scope.With(symbol);
        }

        var body = Bind(function.Body, scope);
        context.LeaveFunction(function);
        return new BoundHelperCall(symbols, arguments, body, call.Location);
    }

    private BoundExpression BindUnary(UnaryExpression unary, Scope scope)
    {
        var operand = Bind(unary.Operand, scope);
        if (unary.Operator == UnaryOperator.Not)
        {
            return Fits(operand.Type, ZpType.Bool)
                ? new BoundUnary(BoundOperator.Not, operand, ZpType.Bool, unary.Location)
                : Fail(unary.Location, DiagnosticDescriptors.NotNeedsBool, operand.Type);
        }

        var type = operand.Type;
        return type.IsNumeric || type == ZpType.Duration || type.IsWildcard
            ? new BoundUnary(BoundOperator.Negate, operand, type.IsWildcard ? ZpType.Any : type, unary.Location)
            : Fail(unary.Location, DiagnosticDescriptors.NegateNeedsNumber, type);
    }

    private BoundExpression BindBinary(BinaryExpression binary, Scope scope)
    {
        var left = Bind(binary.Left, scope);
        var right = Bind(binary.Right, scope);
        var l = left.Type;
        var r = right.Type;
        var op = binary.Operator;
        var symbol = OperatorText(op);

        BoundExpression Make(BoundOperator bound, ZpType type) => new BoundBinary(bound, left, right, type, binary.Location);

        BoundExpression Mismatch(DiagnosticDescriptor descriptor) => Fail(binary.Location, descriptor, symbol, l, r);

        switch (op)
        {
            case BinaryOperator.Equal or BinaryOperator.NotEqual:
                if (Unify(l, r) is null)
                {
                    return Mismatch((l is EntityType && r == ZpType.String) || (r is EntityType && l == ZpType.String)
                        ? DiagnosticDescriptors.EntityComparedWithString
                        : DiagnosticDescriptors.OperatorMismatch);
                }

                return Make(op == BinaryOperator.Equal ? BoundOperator.Equal : BoundOperator.NotEqual, ZpType.Bool);

            case BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual:
                if (!IsOrdered(l, r))
                {
                    return Mismatch(l == ZpType.String && r == ZpType.String ? DiagnosticDescriptors.StringsNotOrdered : DiagnosticDescriptors.OperatorMismatch);
                }

                return Make(op switch
                {
                    BinaryOperator.Less => BoundOperator.Less,
                    BinaryOperator.LessOrEqual => BoundOperator.LessOrEqual,
                    BinaryOperator.Greater => BoundOperator.Greater,
                    _ => BoundOperator.GreaterOrEqual,
                }, ZpType.Bool);

            case BinaryOperator.In or BinaryOperator.NotIn:
                if (r.IsWildcard || (r is ListType list && Unify(l, list.Element) is not null))
                {
                    return Make(op == BinaryOperator.In ? BoundOperator.In : BoundOperator.NotIn, ZpType.Bool);
                }

                return Mismatch(r is ListType ? DiagnosticDescriptors.OperatorMismatch : DiagnosticDescriptors.InNeedsList);

            case BinaryOperator.Contains:
                if (l.IsWildcard
                    || (l is ListType contained && Unify(contained.Element, r) is not null)
                    || (Fits(l, ZpType.String) && Fits(r, ZpType.String) && l is not ListType))
                {
                    return Make(BoundOperator.Contains, ZpType.Bool);
                }

                return Mismatch(DiagnosticDescriptors.ContainsOperands);

            default:
                return BindMatches(binary, left, right);
        }
    }

    /// <summary>
    /// Binds a run of <c>and</c>, <c>or</c> or arithmetic operators one link at a time, in a loop: each link is
    /// checked as the binary operator it stands for, with the run so far as its left operand.
    /// </summary>
    private BoundExpression BindChain(ChainExpression chain, Scope scope)
    {
        var first = Bind(chain.First, scope);
        var type = first.Type;
        var links = new List<BoundChainLink>(chain.Links.Count);
        for (var i = 0; i < chain.Links.Count; i++)
        {
            var link = chain.Links[i];
            var operand = Bind(link.Operand, scope);
            if (LinkType(link.Operator, type, operand.Type) is { } result)
            {
                type = result;
            }
            else
            {
                var mismatch = link.Operator switch
                {
                    BinaryOperator.And or BinaryOperator.Or => DiagnosticDescriptors.LogicNeedsBools,
                    BinaryOperator.Add or BinaryOperator.Subtract => DiagnosticDescriptors.OperatorMismatch,
                    _ => DiagnosticDescriptors.ArithmeticNeedsNumbers,
                };
                context.Error(mismatch, chain.Through(i), OperatorText(link.Operator), type, operand.Type);
                type = ZpType.Error;
            }

            links.Add(new BoundChainLink(ChainOperator(link.Operator), operand));
        }

        return new BoundChain(first, links, type, chain.Location);
    }

    /// <summary>The type of <c>left op right</c> for an operator that chains, or null when it does not apply.</summary>
    private static ZpType? LinkType(BinaryOperator op, ZpType l, ZpType r)
    {
        switch (op)
        {
            case BinaryOperator.And or BinaryOperator.Or:
                return Fits(l, ZpType.Bool) && Fits(r, ZpType.Bool) ? ZpType.Bool : null;
            case BinaryOperator.Add or BinaryOperator.Subtract:
                return ArithmeticType(op, l, r);
            default:
                if ((l.IsNumeric || l.IsWildcard) && (r.IsNumeric || r.IsWildcard))
                {
                    // A props value may be an int or a decimal: with an int its product is known only at run time.
                    return op == BinaryOperator.Divide || l == ZpType.Decimal || r == ZpType.Decimal ? ZpType.Decimal
                        : l == ZpType.Null && r == ZpType.Null ? ZpType.Null
                        : l == ZpType.Any || r == ZpType.Any || (l.IsWildcard && r.IsWildcard) ? ZpType.Any
                        : ZpType.Int;
                }

                return null;
        }
    }

    private static BoundOperator ChainOperator(BinaryOperator op) => op switch
    {
        BinaryOperator.And => BoundOperator.And,
        BinaryOperator.Or => BoundOperator.Or,
        BinaryOperator.Add => BoundOperator.Add,
        BinaryOperator.Subtract => BoundOperator.Subtract,
        BinaryOperator.Multiply => BoundOperator.Multiply,
        BinaryOperator.Divide => BoundOperator.Divide,
        _ => BoundOperator.Modulo,
    };

    private static bool IsOrdered(ZpType l, ZpType r)
    {
        if (l.IsWildcard || r.IsWildcard)
        {
            return !(l is ListType || r is ListType || l is EntityType || r is EntityType);
        }

        return (l.IsNumeric && r.IsNumeric) || (l == ZpType.Date && r == ZpType.Date) || (l == ZpType.Duration && r == ZpType.Duration);
    }

    private static ZpType? ArithmeticType(BinaryOperator op, ZpType l, ZpType r)
    {
        var add = op == BinaryOperator.Add;
        if (l.IsWildcard || r.IsWildcard)
        {
            return WildcardArithmeticType(add, l, r);
        }

        if (l.IsNumeric && r.IsNumeric)
        {
            return l == ZpType.Int && r == ZpType.Int ? ZpType.Int : ZpType.Decimal;
        }

        if (add && l is ListType && r is ListType)
        {
            return Unify(l, r);
        }

        if (l == ZpType.Date && r == ZpType.Duration)
        {
            return ZpType.Date;
        }

        if (add && l == ZpType.Duration && r == ZpType.Date)
        {
            return ZpType.Date;
        }

        if (!add && l == ZpType.Date && r == ZpType.Date)
        {
            return ZpType.Duration;
        }

        if (l == ZpType.Duration && r == ZpType.Duration)
        {
            return ZpType.Duration;
        }

        return add && l == ZpType.String && r == ZpType.String ? ZpType.String : null;
    }

    /// <summary>
    /// The type of <c>+</c> or <c>-</c> with an operand whose type is not known (<c>null</c>, a <c>props</c> value,
    /// or a result of unknown type): the one result the known side allows, or <c>any</c> where it allows several
    /// (<c>days(1) + x</c> is a date or a duration, <c>1 + x</c> an int or a decimal).
    /// </summary>
    private static ZpType? WildcardArithmeticType(bool add, ZpType l, ZpType r)
    {
        var known = l.IsWildcard ? r : l;
        var unknown = l.IsWildcard ? l : r;
        return known switch
        {
            _ when known.IsWildcard => l == ZpType.Null && r == ZpType.Null ? ZpType.Null : ZpType.Any,
            ListType => add && unknown == ZpType.Null ? known : null,
            _ when known == ZpType.Date => add ? ZpType.Date : l == ZpType.Date ? ZpType.Any : ZpType.Duration,
            _ when known == ZpType.Duration => add || r == ZpType.Duration ? ZpType.Any : ZpType.Duration,
            _ when known == ZpType.Int => unknown == ZpType.Any ? ZpType.Any : ZpType.Int,
            _ when known == ZpType.Decimal => ZpType.Decimal,
            _ when known == ZpType.String => add ? ZpType.String : null,
            _ => null,
        };
    }

    private BoundExpression BindMatches(BinaryExpression binary, BoundExpression left, BoundExpression right)
    {
        if (!Fits(left.Type, ZpType.String) || !Fits(right.Type, ZpType.String))
        {
            return Fail(binary.Location, DiagnosticDescriptors.MatchesOperands, left.Type, right.Type);
        }

        if (right is BoundLiteral { Value: string pattern })
        {
            try
            {
                return new BoundConstantMatch(left, RegularExpressions.Compile(pattern), binary.Location);
            }
            catch (ArgumentException e)
            {
                return Fail(binary.Right.Location, DiagnosticDescriptors.InvalidRegex, pattern, RegularExpressions.Problem(e));
            }
        }

        return new BoundBinary(BoundOperator.Matches, left, right, ZpType.Bool, binary.Location);
    }

    private BoundExpression BindList(ListExpression list, Scope scope)
    {
        var items = list.Items.Select(i => Bind(i, scope)).ToList();
        ZpType element = ZpType.Null;
        foreach (var item in items)
        {
            if (Unify(element, item.Type) is { } unified)
            {
                element = unified;
            }
            else
            {
                return Fail(item.Location, DiagnosticDescriptors.MixedList, item.Type, element);
            }
        }

        return new BoundList(items, ZpType.ListOf(element), list.Location);
    }

    private BoundExpression BindQuantifier(QuantifierExpression q, Scope scope)
    {
        var source = Bind(q.Source, scope);
        var name = q.Kind.ToString().ToLowerInvariant();
        ZpType element;
        if (source.Type is ListType list)
        {
            element = list.Element;
        }
        else if (source.Type.IsWildcard)
        {
            element = ZpType.Error;
        }
        else
        {
            return Fail(q.Source.Location, DiagnosticDescriptors.ComprehensionNeedsList, name, source.Type);
        }

        VariableSymbol? variable = null;
        var inner = scope;
        if (q.Variable is not null)
        {
            variable = frame.Allocate(q.Variable.Name, element);
            inner = scope.With(variable);
        }

        var where = q.Where is null ? null : BindCondition(q.Where, inner, $"the `where` of `{name}`");
        var select = q.Select is null ? null : Bind(q.Select, inner);

        if ((q.Kind is QuantifierKind.All or QuantifierKind.None) && where is null)
        {
            return Fail(q.Location, DiagnosticDescriptors.ComprehensionNeedsCondition, name);
        }

        switch (q.Kind)
        {
            case QuantifierKind.Any or QuantifierKind.All or QuantifierKind.None:
                return new BoundQuantifier(q.Kind, variable, source, where, null, ZpType.Bool, q.Location);
            case QuantifierKind.Count:
                return new BoundQuantifier(q.Kind, variable, source, where, null, ZpType.Int, q.Location);
        }

        var valueType = select?.Type ?? element;
        var ok = q.Kind == QuantifierKind.Sum
            ? valueType.IsNumeric || valueType.IsWildcard || valueType == ZpType.Duration
            : valueType.IsNumeric || valueType.IsWildcard || valueType == ZpType.Date || valueType == ZpType.Duration;
        if (!ok)
        {
            var what = q.Kind == QuantifierKind.Sum ? "numbers or durations" : "numbers, dates or durations";
            return Fail((q.Select ?? q.Source).Location, DiagnosticDescriptors.AggregateOperand, name, what, valueType);
        }

        return new BoundQuantifier(q.Kind, variable, source, where, select, valueType, q.Location);
    }

    private BoundExpression BindPath(PathExpression path, Scope scope)
    {
        var from = BindEndpoint(path.From, scope);
        var to = BindEndpoint(path.To, scope);
        VariableSymbol? avoidVariable = null;
        BoundExpression? avoid = null;
        IReadOnlyList<VariableSymbol> dependsOn = [];
        if (path.Avoid is not null)
        {
            avoidVariable = frame.Allocate(path.Avoid.Variable.Name, new EntityType(EntityKind.Asset));
            avoid = BindCondition(path.Avoid.Predicate, scope.With(avoidVariable), "`avoid ... where`");
            dependsOn = FreeVariables.Of(avoid, avoidVariable);
        }

        return new BoundPath(path.IsReachable, from, to, avoidVariable, avoid, dependsOn, context.Program.NextPathSite(), path.Location)
        {
            OverPermitted = path.Graph == PathGraph.Permitted,
        };
    }

    private BoundExpression BindEndpoint(Expression expression, Scope scope)
    {
        var bound = Bind(expression, scope);
        if (bound.Type.IsWildcard || bound.Type is EntityType { Kind: EntityKind.Asset or EntityKind.Zone })
        {
            return bound;
        }

        return Fail(expression.Location, DiagnosticDescriptors.PathEndpoint, bound.Type);
    }

    private static string OperatorText(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => "or",
        BinaryOperator.And => "and",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.In => "in",
        BinaryOperator.NotIn => "not in",
        BinaryOperator.Contains => "contains",
        BinaryOperator.Matches => "matches",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        _ => "%",
    };

    private BoundExpression Fail(SourceLocation location, DiagnosticDescriptor descriptor, params ReadOnlySpan<object?> arguments)
    {
        context.Error(descriptor, location, arguments);
        return Error(location);
    }

    private static BoundExpression Error(SourceLocation location) => new BoundLiteral(null, ZpType.Error, location);
}
