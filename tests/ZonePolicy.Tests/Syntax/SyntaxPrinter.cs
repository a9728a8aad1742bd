using System.Globalization;
using System.Text;
using ZonePolicy.Syntax;

namespace ZonePolicy.Tests.Syntax;

/// <summary>
/// Prints syntax trees as S-expressions without locations, so tests compare shapes:
/// <c>(== (. f to) "x")</c>, <c>(any d (. f via) :where (call is_boundary d))</c>.
/// </summary>
internal static class SyntaxPrinter
{
    public static string Print(CompilationUnit unit)
    {
        var lines = new List<string>();
        if (unit.Pack is { } pack)
            lines.Add($"(pack {pack.Name.Name}{Option("version", pack.Version)}{Option("title", pack.Title)})");
        lines.AddRange(unit.Imports.Select(i => $"(import {Quote(i.Path.Value)})"));
        lines.AddRange(unit.Params.Select(p => $"(param {p.Name.Name} {Print(p.Value)})"));
        lines.AddRange(unit.Lets.Select(Print));
        lines.AddRange(unit.Rules.Select(Print));
        return string.Join("\n", lines);
    }

    public static string Print(LetDeclaration let) =>
        let.Parameters is null
            ? $"(let {let.Name.Name} {Print(let.Body)})"
            : $"(let {let.Name.Name} ({string.Join(" ", let.Parameters.Select(p => p.Name))}) {Print(let.Body)})";

    public static string Print(RuleDeclaration rule)
    {
        var text = new StringBuilder($"(rule {rule.Id.Name} {Quote(rule.Title.Value)}");
        foreach (var clause in rule.Clauses)
            text.Append("\n  ").Append(Print(clause));
        return text.Append(')').ToString();
    }

    public static string Print(RuleClause clause) => clause switch
    {
        SeverityClause s => $"(severity {s.Level.Name})",
        CategoryClause c => $"(category {Quote(c.Category.Value)})",
        RefsClause r => $"(refs {string.Join(" ", r.Refs.Select(x => Quote(x.Value)))})",
        HelpClause h => $"(help {Quote(h.Help.Value)})",
        SameAsClause same => $"(sameAs {string.Join(" ", same.Rules.Select(x => Quote(x.Value)))})",
        ForClause f => $"(for {f.Kind.Name} {f.Variable.Name}{Option("in", f.Source)}{Option("where", f.Where)})",
        LetClause l => $"(let {l.Name.Name} {Print(l.Value)})",
        ConditionClause c => $"({(c.IsForbid ? "forbid" : "require")} {Print(c.Condition)})",
        AtClause a => $"(at {Print(a.Target)})",
        MessageClause m => $"(message {Print(m.Template)})",
        _ => throw new ArgumentException($"unknown clause {clause.GetType().Name}"),
    };

    public static string Print(MessageTemplate template) =>
        string.Join(" ", template.Parts.Select(p => p switch
        {
            TemplateText t => Quote(t.Text),
            TemplateHole h => $"{{{Print(h.Expression)}}}",
            _ => throw new ArgumentException($"unknown template part {p.GetType().Name}"),
        }));

    public static string Print(Expression expression) => expression switch
    {
        LiteralExpression { Value: null } => "null",
        LiteralExpression { Value: bool b } => b ? "true" : "false",
        LiteralExpression { Value: string s } => Quote(s),
        LiteralExpression { Value: DateOnly d } => "@" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        LiteralExpression { Value: long n } => n.ToString(CultureInfo.InvariantCulture),
        LiteralExpression { Value: decimal n } => n.ToString(CultureInfo.InvariantCulture) + "m",
        NameExpression n => n.Name,
        TodayExpression => "today",
        MemberExpression m => $"(. {Print(m.Target)} {m.Member.Name})",
        IndexExpression i => $"([] {Print(i.Target)} {Print(i.Index)})",
        CallExpression c => $"(call {c.Function.Name}{string.Concat(c.Arguments.Select(a => " " + Print(a)))})",
        UnaryExpression u => $"({(u.Operator == UnaryOperator.Not ? "not" : "-")} {Print(u.Operand)})",
        BinaryExpression b => $"({Symbol(b.Operator)} {Print(b.Left)} {Print(b.Right)})",
        ChainExpression c => c.Links.Aggregate(Print(c.First), (left, link) => $"({Symbol(link.Operator)} {left} {Print(link.Operand)})"),
        ListExpression l => $"[{string.Join(" ", l.Items.Select(Print))}]",
        QuantifierExpression q => q.Variable is null
            ? $"({q.Kind.ToString().ToLowerInvariant()} {Print(q.Source)})"
            : $"({q.Kind.ToString().ToLowerInvariant()} {q.Variable.Name} {Print(q.Source)}{Option("where", q.Where)}{Option("select", q.Select)})",
        PathExpression p => $"({(p.Graph == PathGraph.Permitted ? "permitted-" : "")}{(p.IsReachable ? "reachable" : "path")} {Print(p.From)} {Print(p.To)}"
            + (p.Avoid is { } a ? $" :avoid {a.Variable.Name} {Print(a.Predicate)}" : "") + ")",
        _ => throw new ArgumentException($"unknown expression {expression.GetType().Name}"),
    };

    private static string Symbol(BinaryOperator op) => op switch
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
        BinaryOperator.NotIn => "not-in",
        BinaryOperator.Contains => "contains",
        BinaryOperator.Matches => "matches",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Modulo => "%",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    private static string Option(string name, Expression? value) => value is null ? "" : $" :{name} {Print(value)}";

    private static string Option(string name, StringLiteral? value) => value is null ? "" : $" :{name} {Quote(value.Value)}";

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\t", "\\t") + "\"";
}
