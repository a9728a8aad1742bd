namespace ZonePolicy.Syntax;

/// <summary>The nodes directly below a syntax node, in source order: what a walk of the tree visits next.</summary>
internal static class SyntaxChildren
{
    public static IEnumerable<SyntaxNode> Of(SyntaxNode node) => node switch
    {
        CompilationUnit unit => [.. unit.Imports, .. unit.Params, .. unit.Lets, .. unit.Rules],
        ParamDeclaration param => [param.Value],
        LetDeclaration let => [let.Body],
        RuleDeclaration rule => rule.Clauses,
        ForClause f => Present(f.Source, f.Where),
        LetClause let => [let.Value],
        ConditionClause condition => [condition.Condition],
        AtClause at => [at.Target],
        MessageClause message => [message.Template],
        MessageTemplate template => template.Parts,
        TemplateHole hole => [hole.Expression],
        MemberExpression member => [member.Target],
        IndexExpression index => [index.Target, index.Index],
        CallExpression call => call.Arguments,
        UnaryExpression unary => [unary.Operand],
        BinaryExpression binary => [binary.Left, binary.Right],
        ChainExpression chain => [chain.First, .. chain.Links.Select(l => l.Operand)],
        ListExpression list => list.Items,
        QuantifierExpression q => Present(q.Source, q.Where, q.Select),
        PathExpression path => Present(path.From, path.To, path.Avoid),
        AvoidClause avoid => [avoid.Predicate],
        _ => [],
    };

    private static IEnumerable<SyntaxNode> Present(params SyntaxNode?[] nodes) => nodes.OfType<SyntaxNode>();
}
