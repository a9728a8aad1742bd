using ZonePolicy.Binding;
using ZonePolicy.Evaluation;
using ZonePolicy.Syntax;
using ZonePolicy.Topology;

namespace ZonePolicy.Explaining;

/// <summary>
/// Says in words what a recorded evaluation shows: which sub-expressions are worth a line, why a value is null
/// (LANGUAGE.md §5: member access on null is null, only <c>==</c> and <c>!=</c> compare with null, every other
/// operator on null is null), what a short-circuit left unevaluated, and what a condition means for its binding.
/// </summary>
internal sealed class Narration(SourceTexts sources, bool isForbid)
{
    public string Text(ExpressionTrace trace) => trace.Expression is { } node ? sources.Of(node.Location) : trace.Element ?? "";

    public string Text(BoundExpression node) => sources.Of(node.Location);

    /// <summary>
    /// Whether a sub-expression gets a line of its own. Variables, literals and the global lists say nothing a
    /// reader does not see; the inner steps of a member chain (<c>a.os</c> in <c>a.os.endOfSupport</c>) are told
    /// by the chain's own line. A parameter does get a line: its value is set elsewhere.
    /// </summary>
    public bool IsShown(ExpressionTrace trace, ExpressionTrace? parent) => trace.Expression switch
    {
        null => true,
        BoundVariable or BoundGlobalList => false,
        BoundLiteral literal => IsName(Text(literal)),
        BoundAttribute or BoundPathMember or BoundPropsIndex when parent?.Expression is BoundAttribute or BoundPathMember or BoundPropsIndex
            && ReferenceEquals(parent.Children.FirstOrDefault(), trace) => false,
        _ => true,
    };

    /// <summary>Why an evaluation gave what it gave, when that needs saying: a null, a missing path; null otherwise.</summary>
    public string? Reason(ExpressionTrace trace)
    {
        var value = trace.Value;
        return trace.Expression switch
        {
            BoundPath path when value is null or false => NoPath(trace, path),
            _ when value is not null => null,
            BoundAttribute or BoundPathMember or BoundPropsIndex => ChainReason(trace),
            BoundChain chain => ChainReason(trace, chain),
            BoundBinary binary => OperandNull(trace, Symbol(binary.Operator)) ?? "the values cannot be compared",
            BoundUnary unary => trace.Children.FirstOrDefault() is { } operand
                ? $"`{Text(operand)}` is null, and `{(unary.Operator == BoundOperator.Not ? "not" : "-")}` of null is null"
                : null,
            BoundConstantMatch => OperandNull(trace, "matches") ?? "the regular expression timed out",
            BoundBuiltinCall call => BuiltinReason(trace, call),
            BoundHelperCall => "the helper gives null",
            BoundQuantifier quantifier => QuantifierReason(trace, quantifier),
            BoundConstant => "the constant is null",
            _ => null,
        };
    }

    /// <summary>The operands a short-circuiting <c>and</c> or <c>or</c> did not evaluate, with why.</summary>
    public string? NotEvaluated(ExpressionTrace trace)
    {
        if (trace.Expression is not BoundChain { Links: [{ Operator: BoundOperator.And or BoundOperator.Or } link, ..] } chain
            || trace.Children.Count > chain.Links.Count || trace.Children.Count == 0)
            return null;

        var skipped = chain.Links.Skip(trace.Children.Count - 1).Select(l => $"`{Text(l.Operand)}`").ToList();
        var word = link.Operator == BoundOperator.And ? "and" : "or";
        var last = ExplainValues.Render(trace.Children[^1].Value);
        return $"{string.Join(", ", skipped)} {(skipped.Count == 1 ? "is" : "are")} not evaluated: `{last} {word} ...` is {ExplainValues.Render(trace.Value)} whatever follows";
    }

    /// <summary>What the condition's value means for the binding: violated or not, and why on null.</summary>
    public string Verdict(object? value)
    {
        var keyword = isForbid ? "forbid" : "require";
        return (isForbid, value) switch
        {
            (false, true) => "passes: `require` is true",
            (false, false) => "violated: `require` is false",
            (false, _) => "violated: `require` fails closed on null: the rule cannot confirm the requirement, so it reports",
            (true, true) => "violated: `forbid` is true",
            (true, false) => "passes: `forbid` is false",
            _ => $"passes: `{keyword}` stays quiet on null: the rule cannot confirm the problem, so it does not report",
        };
    }

    public static string Skipped(object? where) => where is false
        ? "skipped: the `where` is false"
        : "skipped: the `where` is null, and only a `where` that is true keeps a binding";

    private string ChainReason(ExpressionTrace trace)
    {
        var current = trace;
        var steps = 0;
        while (current.Children.FirstOrDefault() is { } target)
        {
            if (target.Value is not null)
            {
                var missing = current.Expression switch
                {
                    BoundAttribute attribute => $"`{Text(target)}`{Described(target.Value)} has no `{attribute.Attribute.Name}`",
                    BoundPropsIndex => $"`{Text(target)}` has no key {ExplainValues.Render(current.Children.ElementAtOrDefault(1)?.Value)}",
                    _ => $"`{Text(target)}` is not set",
                };
                return steps == 0 ? missing : missing + ", and member access on null is null";
            }

            if (target.Expression is not (BoundAttribute or BoundPathMember or BoundPropsIndex))
                return $"`{Text(target)}` is null, and member access on null is null";

            current = target;
            steps++;
        }

        return "member access on null is null";
    }

    /// <summary>
    /// Why a chain is null: an <c>and</c> or <c>or</c> stops at its first null operand, and so does arithmetic,
    /// which is also null on a division by zero or a result out of range.
    /// </summary>
    private string ChainReason(ExpressionTrace trace, BoundChain chain)
    {
        var symbol = Symbol(chain.Links[0].Operator);
        if (trace.Children.FirstOrDefault(c => c.Value is null) is { } operand)
            return chain.Links[0].Operator is BoundOperator.And or BoundOperator.Or
                ? $"`{Text(operand)}` is null, and `{symbol}` with a null operand is null"
                : $"`{Text(operand)}` is null, and `{symbol}` with a null operand is null (only `==` and `!=` compare with null)";

        var divisor = chain.Links
            .Select((link, i) => (link, Value: trace.Children.ElementAtOrDefault(i + 1)?.Value))
            .Any(l => l.link.Operator is BoundOperator.Divide or BoundOperator.Modulo && l.Value is long and 0 or decimal and 0);
        return divisor ? "division by zero gives null" : "the result is out of range";
    }

    private string? OperandNull(ExpressionTrace trace, string symbol) =>
        trace.Children.FirstOrDefault(c => c.Value is null) is { } operand
            ? $"`{Text(operand)}` is null, and `{symbol}` with a null operand is null (only `==` and `!=` compare with null)"
            : null;

    private string? BuiltinReason(ExpressionTrace trace, BoundBuiltinCall call)
    {
        var name = call.Function.ToString();
        name = char.ToLowerInvariant(name[0]) + name[1..];
        if (trace.Children.FirstOrDefault(c => c.Value is null) is { } argument)
            return $"`{Text(argument)}` is null, and `{name}` of null is null";
        return call.Function switch
        {
            BuiltinFunction.Level => $"{ExplainValues.Render(trace.Children.FirstOrDefault()?.Value)} is not a level: the levels are \"low\", \"medium\", \"high\" and \"critical\"",
            _ => "the result is out of range",
        };
    }

    private string QuantifierReason(ExpressionTrace trace, BoundQuantifier quantifier)
    {
        var source = trace.Children.FirstOrDefault(c => c.Expression is not null && ReferenceEquals(c.Expression, quantifier.Source));
        if (source is { Value: null })
            return $"`{Text(quantifier.Source)}` is null, and a comprehension over null is null";
        return quantifier.Kind switch
        {
            QuantifierKind.Any or QuantifierKind.None => "no element matches and one or more are unknown: their `where` is null",
            QuantifierKind.All => "no element fails and one or more are unknown: their `where` is null",
            _ => "there is no element to take it from",
        };
    }

    private string NoPath(ExpressionTrace trace, BoundPath path)
    {
        var from = trace.Children.ElementAtOrDefault(0);
        var to = trace.Children.ElementAtOrDefault(1);
        if (from is { Value: null } || to is { Value: null })
            return $"`{Text(from!.Value is null ? path.From : path.To)}` is null";

        var avoiding = path.Avoid is { } avoid ? $" that avoids the assets where `{Text(avoid)}`" : "";
        return $"no path leads from {ExplainValues.Render(from?.Value)} to {ExplainValues.Render(to?.Value)}{avoiding}";
    }

    private static string Described(object? value) => value is Entity entity ? $" ({entity.Id})" : "";

    private static bool IsName(string text) =>
        text.Length > 0 && (char.IsAsciiLetter(text[0]) || text[0] == '_') && text is not ("true" or "false" or "null");

    private static string Symbol(BoundOperator op) => op switch
    {
        BoundOperator.And => "and",
        BoundOperator.Or => "or",
        BoundOperator.Equal => "==",
        BoundOperator.NotEqual => "!=",
        BoundOperator.Less => "<",
        BoundOperator.LessOrEqual => "<=",
        BoundOperator.Greater => ">",
        BoundOperator.GreaterOrEqual => ">=",
        BoundOperator.In => "in",
        BoundOperator.NotIn => "not in",
        BoundOperator.Contains => "contains",
        BoundOperator.Matches => "matches",
        BoundOperator.Add => "+",
        BoundOperator.Subtract => "-",
        BoundOperator.Multiply => "*",
        BoundOperator.Divide => "/",
        _ => "%",
    };
}
