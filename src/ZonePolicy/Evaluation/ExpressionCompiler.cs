using ZonePolicy.Binding;
using ZonePolicy.Syntax;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Evaluation;

/// <summary>A compiled expression: one delegate call per evaluation, no walk of the tree.</summary>
internal delegate object? Evaluator(Frame frame);

/// <summary>
/// Compiles a bound expression into nested closures once. Null handling follows LANGUAGE.md §5: member
/// access on null is null, <c>==</c>/<c>!=</c> compare with null, every other operator on null is null;
/// <c>and</c>/<c>or</c> short-circuit on a decisive left operand.
/// </summary>
internal static class ExpressionCompiler
{
    // The tracer of a traced compilation in progress on this thread: every node compiled while it is set is
    // wrapped in its hooks, without passing it through every compile function.
    [ThreadStatic]
    private static IEvaluationTracer? tracer;

    public static Evaluator Compile(BoundExpression expression)
    {
        var evaluator = CompileNode(expression);
        return tracer is { } hooks ? Traced(expression, evaluator, hooks) : evaluator;
    }

    /// <summary>Compiles with <paramref name="hooks"/> around every node until the returned scope is disposed.</summary>
    public static IDisposable TraceWith(IEvaluationTracer hooks)
    {
        var outer = tracer;
        tracer = hooks;
        return new TraceScope(outer);
    }

    private static Evaluator Traced(BoundExpression node, Evaluator evaluator, IEvaluationTracer hooks) => frame =>
    {
        hooks.Enter(node, frame);
        var value = evaluator(frame);
        hooks.Exit(node, value, frame);
        return value;
    };

    private static Evaluator CompileNode(BoundExpression expression) => expression switch
    {
        BoundLiteral literal => Constant(literal.Value),
        BoundVariable variable => CompileVariable(variable.Variable.Slot),
        BoundConstant constant => CompileConstant(constant.Constant.Index),
        BoundGlobalList list => CompileGlobalList(list.Kind),
        BoundToday => frame => frame.Context.Today,
        BoundAttribute attribute => CompileAttribute(attribute),
        BoundPathMember member => CompilePathMember(member),
        BoundPropsIndex index => CompilePropsIndex(index),
        BoundBuiltinCall call => CompileBuiltin(call),
        BoundHelperCall call => CompileHelperCall(call),
        BoundScriptCall call => CompileScriptCall(call),
        BoundUnary unary => CompileUnary(unary),
        BoundBinary binary => CompileBinary(binary),
        BoundChain chain => CompileChain(chain),
        BoundConstantMatch match => CompileMatch(match),
        BoundList list => CompileList(list),
        BoundQuantifier quantifier => QuantifierCompiler.Compile(quantifier),
        BoundPath path => CompilePath(path),
        _ => throw new InvalidOperationException($"no compilation for {expression.GetType().Name}"),
    };

    private static Evaluator Constant(object? value)
    {
        var boxed = value is bool b ? Truth.Of(b) : value;
        return _ => boxed;
    }

    private static Evaluator CompileVariable(int slot) => frame => frame.Slots[slot];

    private static Evaluator CompileConstant(int index) => frame => frame.Context.Constant(index);

    private static Evaluator CompileGlobalList(EntityKind kind) => frame => frame.Context.Site.OfKind(kind);

    private static Evaluator CompileAttribute(BoundAttribute attribute)
    {
        var target = Compile(attribute.Target);
        var slot = attribute.Attribute.Slot;
        return attribute.Target.Type is RecordType
            ? frame => target(frame) is RecordValue record ? record[slot] : null
            : frame => target(frame) is Entity entity ? entity[slot] : null;
    }

    private static Evaluator CompilePathMember(BoundPathMember member)
    {
        var target = Compile(member.Target);
        return member.Member switch
        {
            PathMember.Length => frame => target(frame) is PathValue path ? path.Length : null,
            PathMember.Assets => frame => target(frame) is PathValue path ? path.Assets : null,
            PathMember.Conduits => frame => target(frame) is PathValue path ? path.Conduits : null,
            _ => frame => target(frame) is PathValue path ? path.Flows : null,
        };
    }

    private static Evaluator CompilePropsIndex(BoundPropsIndex index)
    {
        var target = Compile(index.Target);
        var key = Compile(index.Key);
        return frame => target(frame) is IReadOnlyDictionary<string, object?> props && key(frame) is string name
            ? Normalize(props.GetValueOrDefault(name))
            : null;
    }

    private static object? Normalize(object? value) => value is bool b ? Truth.Of(b) : value;

    private static Evaluator CompileBuiltin(BoundBuiltinCall call)
    {
        var args = call.Arguments.Select(Compile).ToArray();
        var first = args[0];
        return call.Function switch
        {
            BuiltinFunction.Len => frame => Operations.Length(first(frame)),
            BuiltinFunction.Lower => frame => first(frame) is string s ? s.ToLowerInvariant() : null,
            BuiltinFunction.Upper => frame => first(frame) is string s ? s.ToUpperInvariant() : null,
            BuiltinFunction.StartsWith => frame => first(frame) is string s && args[1](frame) is string p ? Truth.Of(s.StartsWith(p, StringComparison.Ordinal)) : null,
            BuiltinFunction.EndsWith => frame => first(frame) is string s && args[1](frame) is string p ? Truth.Of(s.EndsWith(p, StringComparison.Ordinal)) : null,
            BuiltinFunction.Has => frame => Truth.Of(first(frame) is not null),
            BuiltinFunction.Days => frame => first(frame) switch
            {
                long n => new Duration(n),
                decimal d when Math.Truncate(d) is >= long.MinValue and <= long.MaxValue => new Duration((long)Math.Truncate(d)),
                _ => null,
            },
            BuiltinFunction.Level => frame => Operations.Level(first(frame)),
            _ => ConnectivityFunctions.Compile(call.Function, args),
        };
    }

    private static Evaluator CompileHelperCall(BoundHelperCall call)
    {
        var slots = call.Parameters.Select(p => p.Slot).ToArray();
        var args = call.Arguments.Select(Compile).ToArray();
        var body = Compile(call.Body);
        return frame =>
        {
            for (var i = 0; i < args.Length; i++)
            {
                frame.Slots[slots[i]] = args[i](frame);
            }

            return body(frame);
        };
    }

    /// <summary>
    /// A call of a pack's C# function. The function is looked up when the call runs: each check loads the scripts
    /// afresh (a script may have changed), while a program compiled once may serve many checks.
    /// </summary>
    private static Evaluator CompileScriptCall(BoundScriptCall call)
    {
        var args = call.Arguments.Select(Compile).ToArray();
        var symbol = call.Function;
        return frame =>
        {
            var values = new object?[args.Length];
            for (var i = 0; i < args.Length; i++)
            {
                values[i] = args[i](frame);
            }

            var function = symbol.Implementation ?? throw new InvalidOperationException($"the C# function `{symbol.Name}` was not loaded");
            return function.Invoke(values);
        };
    }

    private static Evaluator CompileUnary(BoundUnary unary)
    {
        var operand = Compile(unary.Operand);
        return unary.Operator == BoundOperator.Not
            ? frame => operand(frame) is bool b ? Truth.Of(!b) : null
            : frame => operand(frame) is { } value ? Operations.Negate(value) : null;
    }

    private static Evaluator CompileBinary(BoundBinary binary)
    {
        var left = Compile(binary.Left);
        var right = Compile(binary.Right);
        switch (binary.Operator)
        {
            case BoundOperator.Equal:
                return frame => Truth.Of(Operations.ValuesEqual(left(frame), right(frame), frame.Context.Monitor));
            case BoundOperator.NotEqual:
                return frame => Truth.Of(!Operations.ValuesEqual(left(frame), right(frame), frame.Context.Monitor));
            case BoundOperator.Less:
                return Comparison(left, right, c => c < 0);
            case BoundOperator.LessOrEqual:
                return Comparison(left, right, c => c <= 0);
            case BoundOperator.Greater:
                return Comparison(left, right, c => c > 0);
            case BoundOperator.GreaterOrEqual:
                return Comparison(left, right, c => c >= 0);
            case BoundOperator.In:
                return Strict(left, right, (frame, item, list) =>
                    list is IReadOnlyList<object?> l ? Truth.Of(Operations.ListContains(l, item, frame.Context.Monitor)) : null);
            case BoundOperator.NotIn:
                return Strict(left, right, (frame, item, list) =>
                    list is IReadOnlyList<object?> l ? Truth.Of(!Operations.ListContains(l, item, frame.Context.Monitor)) : null);
            case BoundOperator.Contains:
                return Strict(left, right, (frame, container, item) => Operations.Contains(container, item, frame.Context.Monitor));
            default:
                var location = binary.Location;
                return frame =>
                {
                    if (left(frame) is not string input || right(frame) is not string pattern)
                    {
                        return null;
                    }

                    var (regex, problem) = RegexCache.Get(pattern);
                    return regex is null
                        ? frame.Context.Monitor.InvalidPattern(pattern, problem!, location, frame)
                        : frame.Context.Monitor.Match(regex, input, location, frame);
                };
        }
    }

    /// <summary>
    /// A run of operators as one loop. <c>and</c> stops at the first operand that is not <c>true</c> (giving
    /// <c>false</c> for <c>false</c>, else null) and <c>or</c> at the first that is not <c>false</c>; arithmetic
    /// stops at the first null. That is the left-to-right reading of the binary operators, without recursion.
    /// </summary>
    private static Evaluator CompileChain(BoundChain chain)
    {
        // A concatenation of a list of ints and a list of decimals is a list of decimals.
        var first = Widened(Compile(chain.First), chain.First.Type, chain.Type);
        var operands = chain.Links.Select(l => Widened(Compile(l.Operand), l.Operand.Type, chain.Type)).ToArray();
        switch (chain.Links[0].Operator)
        {
            case BoundOperator.And:
                var all = operands.Prepend(first).ToArray();
                return frame =>
                {
                    foreach (var operand in all)
                    {
                        switch (operand(frame))
                        {
                            case true:
                                continue;
                            case false:
                                return Truth.False;
                            default:
                                return null;
                        }
                    }

                    return Truth.True;
                };
            case BoundOperator.Or:
                var any = operands.Prepend(first).ToArray();
                return frame =>
                {
                    foreach (var operand in any)
                    {
                        switch (operand(frame))
                        {
                            case false:
                                continue;
                            case true:
                                return Truth.True;
                            default:
                                return null;
                        }
                    }

                    return Truth.False;
                };
            default:
                var operations = chain.Links.Select(l => Arithmetic(l.Operator)).ToArray();
                return frame =>
                {
                    var value = first(frame);
                    for (var i = 0; i < operands.Length && value is not null; i++)
                    {
                        value = operands[i](frame) is { } operand ? operations[i](frame, value, operand) : null;
                    }

                    return value;
                };
        }
    }

    private static Func<Frame, object, object, object?> Arithmetic(BoundOperator op) => op switch
    {
        BoundOperator.Add => Add,
        BoundOperator.Subtract => (_, a, b) => Operations.Subtract(a, b),
        BoundOperator.Multiply => (_, a, b) => Operations.Multiply(a, b),
        BoundOperator.Divide => (_, a, b) => Operations.Divide(a, b),
        _ => (_, a, b) => Operations.Modulo(a, b),
    };

    /// <summary>
    /// <c>+</c>, which charges a concatenation one step for each character or element it copies, before it
    /// copies them: a rule that doubles a string in each of forty <c>let</c>s stops at its budget instead of
    /// filling memory.
    /// </summary>
    private static object? Add(Frame frame, object a, object b)
    {
        frame.Context.Monitor.Spend(SizeOf(a) + SizeOf(b));
        return Operations.Add(a, b);
    }

    private static long SizeOf(object value) => Operations.Length(value) is long length ? length : 0;

    /// <summary>An operator that yields null when either operand is null.</summary>
    private static Evaluator Strict(Evaluator left, Evaluator right, Func<Frame, object, object, object?> operation) =>
        frame => left(frame) is { } l && right(frame) is { } r ? operation(frame, l, r) : null;

    private static Evaluator Comparison(Evaluator left, Evaluator right, Func<int, bool> test) =>
        frame => left(frame) is { } l && right(frame) is { } r && Operations.Compare(l, r) is { } c ? Truth.Of(test(c)) : null;

    private static Evaluator CompileMatch(BoundConstantMatch match)
    {
        var input = Compile(match.Input);
        var regex = match.Pattern;
        var location = match.Location;
        return frame => input(frame) is string text ? frame.Context.Monitor.Match(regex, text, location, frame) : null;
    }

    /// <summary>A list literal; its ints are made decimals where it is a list of decimals (<c>[1, 2.5]</c>).</summary>
    private static Evaluator CompileList(BoundList list)
    {
        var element = ((ListType)list.Type).Element;
        var items = list.Items.Select(item => Widened(Compile(item), item.Type, element)).ToArray();
        if (list.Items.All(i => i is BoundLiteral))
        {
            var values = items.Select(i => i(null!)).ToArray();
            return _ => values;
        }

        return frame =>
        {
            var values = new object?[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                values[i] = items[i](frame);
            }

            return values;
        };
    }

    private static Evaluator Widened(Evaluator value, ZpType from, ZpType to) =>
        ValueTypes.Widens(from, to) ? frame => ValueTypes.Widen(value(frame), to) : value;

    private static Evaluator CompilePath(BoundPath path)
    {
        var from = Compile(path.From);
        var to = Compile(path.To);
        var avoid = path.Avoid is null ? null : Compile(path.Avoid);
        return frame =>
        {
            if (from(frame) is not Entity source || to(frame) is not Entity target)
            {
                return null;
            }

            var found = frame.Context.FindPath(path, avoid, source, target, frame);
            if (found is not null)
            {
                frame.LastPath = found;
            }

            return path.IsReachable ? Truth.Of(found is not null) : found;
        };
    }

    private sealed class TraceScope(IEvaluationTracer? outer) : IDisposable
    {
        public void Dispose() => tracer = outer;
    }
}
