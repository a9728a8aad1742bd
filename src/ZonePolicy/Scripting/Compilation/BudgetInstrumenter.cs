using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ZonePolicy.Scripting.Compilation;

/// <summary>
/// Rewrites a script so that it checks its time budget (<see cref="ScriptBudget.Check"/>) at the start of
/// every method, constructor, accessor, local function and lambda — which also bounds recursion — and of
/// every loop iteration, switch section and labelled statement, so that no path of the script runs long
/// without a check. Expression bodies become blocks; what they return is unchanged.
/// </summary>
internal sealed class BudgetInstrumenter(SemanticModel model) : CSharpSyntaxRewriter
{
    private static readonly StatementSyntax Check = ParseStatement("global::ZonePolicy.Scripting.ScriptBudget.Check();");

    public static SyntaxNode Instrument(SemanticModel model) => new BudgetInstrumenter(model).Visit(model.SyntaxTree.GetRoot());

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node) =>
        WithCheck((MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!, ReturnsValue(node));

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node) =>
        WithCheck((ConstructorDeclarationSyntax)base.VisitConstructorDeclaration(node)!, returnsValue: false);

    public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node) =>
        WithCheck((OperatorDeclarationSyntax)base.VisitOperatorDeclaration(node)!, returnsValue: true);

    public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node) =>
        WithCheck((ConversionOperatorDeclarationSyntax)base.VisitConversionOperatorDeclaration(node)!, returnsValue: true);

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var rewritten = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        return rewritten.Body is { } body
            ? rewritten.WithBody(Prepend(body))
            : rewritten.ExpressionBody is { } arrow
                ? rewritten.WithExpressionBody(null).WithSemicolonToken(default).WithBody(FromExpression(arrow.Expression, ReturnsValue(node)))
                : rewritten;
    }

    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var rewritten = (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!;
        var returnsValue = node.IsKind(SyntaxKind.GetAccessorDeclaration);
        return rewritten.Body is { } body
            ? rewritten.WithBody(Prepend(body))
            : rewritten.ExpressionBody is { } arrow
                ? rewritten.WithExpressionBody(null).WithSemicolonToken(default).WithBody(FromExpression(arrow.Expression, returnsValue))
                : rewritten;
    }

    public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        var rewritten = (PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
        return rewritten.ExpressionBody is { } arrow
            ? rewritten.WithExpressionBody(null).WithSemicolonToken(default)
                .WithAccessorList(AccessorList(SingletonList(AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, FromExpression(arrow.Expression, returnsValue: true)))))
            : rewritten;
    }

    public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node)
    {
        var rewritten = (IndexerDeclarationSyntax)base.VisitIndexerDeclaration(node)!;
        return rewritten.ExpressionBody is { } arrow
            ? rewritten.WithExpressionBody(null).WithSemicolonToken(default)
                .WithAccessorList(AccessorList(SingletonList(AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, FromExpression(arrow.Expression, returnsValue: true)))))
            : rewritten;
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        var rewritten = (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
        return rewritten.Block is { } block
            ? rewritten.WithBlock(Prepend(block))
            : rewritten.WithExpressionBody(null).WithBlock(FromExpression(rewritten.ExpressionBody!, ReturnsValue(node)));
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        var rewritten = (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!;
        return rewritten.Block is { } block
            ? rewritten.WithBlock(Prepend(block))
            : rewritten.WithExpressionBody(null).WithBlock(FromExpression(rewritten.ExpressionBody!, ReturnsValue(node)));
    }

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var rewritten = (AnonymousMethodExpressionSyntax)base.VisitAnonymousMethodExpression(node)!;
        return rewritten.WithBlock(Prepend(rewritten.Block));
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node) =>
        ((WhileStatementSyntax)base.VisitWhileStatement(node)!) is var loop ? loop.WithStatement(Prepend(loop.Statement)) : null;

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node) =>
        ((DoStatementSyntax)base.VisitDoStatement(node)!) is var loop ? loop.WithStatement(Prepend(loop.Statement)) : null;

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node) =>
        ((ForStatementSyntax)base.VisitForStatement(node)!) is var loop ? loop.WithStatement(Prepend(loop.Statement)) : null;

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node) =>
        ((ForEachStatementSyntax)base.VisitForEachStatement(node)!) is var loop ? loop.WithStatement(Prepend(loop.Statement)) : null;

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node) =>
        ((ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!) is var loop ? loop.WithStatement(Prepend(loop.Statement)) : null;

    // A goto can loop too: to a label, or to a case of the switch it is in.
    public override SyntaxNode? VisitLabeledStatement(LabeledStatementSyntax node) =>
        ((LabeledStatementSyntax)base.VisitLabeledStatement(node)!) is var labeled ? labeled.WithStatement(Prepend(labeled.Statement)) : null;

    public override SyntaxNode? VisitSwitchSection(SwitchSectionSyntax node) =>
        ((SwitchSectionSyntax)base.VisitSwitchSection(node)!) is var section ? section.WithStatements(section.Statements.Insert(0, Check)) : null;

    /// <summary>A method, constructor or operator with the check first in its body; an expression body becomes a block.</summary>
    private static T WithCheck<T>(T declaration, bool returnsValue)
        where T : BaseMethodDeclarationSyntax =>
        declaration.Body is { } body
            ? (T)declaration.WithBody(Prepend(body))
            : declaration.ExpressionBody is { } arrow
                ? (T)declaration.WithExpressionBody(null).WithSemicolonToken(default).WithBody(FromExpression(arrow.Expression, returnsValue))
                : declaration;

    private bool ReturnsValue(SyntaxNode declaration) =>
        model.GetDeclaredSymbol(declaration) is IMethodSymbol method ? !method.ReturnsVoid
        : model.GetSymbolInfo(declaration).Symbol is IMethodSymbol lambda && !lambda.ReturnsVoid;

    private static BlockSyntax Prepend(BlockSyntax block) => block.WithStatements(block.Statements.Insert(0, Check));

    private static BlockSyntax Prepend(StatementSyntax statement) =>
        statement is BlockSyntax block ? Prepend(block) : Block(Check, statement);

    private static BlockSyntax FromExpression(ExpressionSyntax expression, bool returnsValue) =>
        Block(Check, expression switch
        {
            ThrowExpressionSyntax thrown => ThrowStatement(thrown.Expression),
            _ when returnsValue => ReturnStatement(expression),
            _ => ExpressionStatement(expression),
        });
}
