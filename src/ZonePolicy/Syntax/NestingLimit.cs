using Superpower.Model;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Syntax;

/// <summary>
/// A cheap pass over the tokens that rejects nesting too deep for the recursive parsers, before they run:
/// open brackets, parentheses and braces, plus runs of prefix <c>not</c> and <c>-</c>, each of which costs
/// the parser a level of recursion. The count is the language's limit, the same on every machine; the
/// parsers' own stack guard covers the rest (a prefix operator whose operand holds brackets costs a level
/// the count does not see).
/// </summary>
internal static class NestingLimit
{
    public const int MaxDepth = 200;

    /// <summary>A ZP0007 diagnostic at the token where the nesting first passes the limit, or null.</summary>
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

    /// <summary>Whether a <c>-</c> or <c>not</c> after this token is infix (<c>a - b</c>, <c>a not in b</c>) rather than prefix.</summary>
    private static bool EndsOperand(RuleToken? token) => token is
        RuleToken.Identifier or RuleToken.Number or RuleToken.String or RuleToken.Date or RuleToken.True
        or RuleToken.False or RuleToken.Null or RuleToken.Today or RuleToken.RParen or RuleToken.RBracket;
}
