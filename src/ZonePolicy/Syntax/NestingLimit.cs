using Superpower.Model;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Syntax;

/// <summary>
/// The language's one nesting limit, the same on every machine: an expression may nest at most
/// <see cref="MaxDepth"/> levels, so every pass that recurses over it (parser, binder, compiler,
/// evaluator) fits in an ordinary thread's stack. Two checks enforce it, both before anything recurses:
/// one over the tokens, for the parser (brackets and prefix operators are what it recurses on), and one
/// over each parsed declaration's tree (a member access or an operator is a level too; a run of <c>and</c>
/// or <c>+</c> is one level however long it is).
/// </summary>
internal static class NestingLimit
{
    public const int MaxDepth = 32;

    /// <summary>
    /// A ZP0007 diagnostic at the token where open brackets, parentheses and braces, plus runs of prefix
    /// <c>not</c> and <c>-</c>, first nest deeper than the limit, or null.
    /// </summary>
    public static Diagnostic? Check(ReadOnlySpan<Token<RuleToken>> tokens)
    {
        // The prefix run in progress when each open bracket was entered; it ends when the bracket closes.
        var enclosingRuns = new Stack<int>();
        var depth = 0;
        var run = 0;
        RuleToken? previous = null;
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case RuleToken.LParen or RuleToken.LBracket or RuleToken.LBrace:
                    depth++;
                    enclosingRuns.Push(run);
                    run = 0;
                    break;
                case RuleToken.RParen or RuleToken.RBracket or RuleToken.RBrace:
                    depth -= run + (enclosingRuns.TryPop(out var enclosing) ? 1 + enclosing : 0);
                    run = 0;
                    break;
                case RuleToken.Not or RuleToken.Minus when !EndsOperand(previous):
                    depth++;
                    run++;
                    break;
                default:
                    depth -= run;
                    run = 0;
                    break;
            }

            if (depth > MaxDepth)
                return Diagnostic.Create(DiagnosticDescriptors.NestingTooDeep, SourceSpans.Locate(token), MaxDepth);

            previous = token.Kind;
        }

        return null;
    }

    /// <summary>A ZP0007 diagnostic at the first expression deeper than the limit in <paramref name="declaration"/>'s tree, or null.</summary>
    public static Diagnostic? Check(SyntaxNode declaration)
    {
        // An explicit stack: the tree is not yet known to be shallow enough to recurse over.
        var pending = new Stack<(SyntaxNode Node, int Depth)>();
        pending.Push((declaration, 0));
        while (pending.TryPop(out var current))
        {
            var depth = current.Node is Expression ? current.Depth + 1 : 0;
            if (depth > MaxDepth)
                return Diagnostic.Create(DiagnosticDescriptors.NestingTooDeep, current.Node.Location, MaxDepth);

            foreach (var child in SyntaxChildren.Of(current.Node))
                pending.Push((child, depth));
        }

        return null;
    }

    /// <summary>Whether a <c>-</c> or <c>not</c> after this token is infix (<c>a - b</c>, <c>a not in b</c>) rather than prefix.</summary>
    private static bool EndsOperand(RuleToken? token) => token is
        RuleToken.Identifier or RuleToken.Number or RuleToken.String or RuleToken.Date or RuleToken.True
        or RuleToken.False or RuleToken.Null or RuleToken.Today or RuleToken.RParen or RuleToken.RBracket;
}
