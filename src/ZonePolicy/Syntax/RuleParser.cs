using Superpower.Model;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Syntax;

/// <summary>
/// Parses rule files. A file is parsed one top-level declaration at a time, so a broken rule costs one
/// error and the rules after it are still read and checked.
/// </summary>
internal static class RuleParser
{
    private static readonly RuleToken[] DeclarationOrder = [RuleToken.Pack, RuleToken.Import, RuleToken.Param, RuleToken.Let, RuleToken.Rule];

    /// <summary>Parses the text of a rule file; never throws. A leading byte order mark is ignored.</summary>
    public static ParseResult Parse(string text, string file)
    {
        if (text.StartsWith('\uFEFF'))
            text = text[1..];

        using var scope = ParseScope.Enter(file);
        if (NotText(text, file) is { } notText)
            return new ParseResult(null, [notText]);

        var (tokens, lexicalErrors) = RuleTokenizer.Scan(text);
        var diagnostics = lexicalErrors.Select(e => e.At(SourceSpans.Locate(e.Span))).ToList();
        var unit = new UnitBuilder();
        var starts = DeclarationStarts(tokens);
        var nextLexicalError = 0;
        for (var k = 0; k < starts.Count; k++)
        {
            var start = starts[k];
            var end = k + 1 < starts.Count ? starts[k + 1] : tokens.Length;

            // A declaration with a bad character, string, number or date has already been reported.
            var endOffset = end < tokens.Length ? tokens[end].Position.Absolute : int.MaxValue;
            var hasLexicalError = false;
            while (nextLexicalError < lexicalErrors.Count && lexicalErrors[nextLexicalError].Span.Position.Absolute < endOffset)
            {
                hasLexicalError = true;
                nextLexicalError++;
            }

            if (hasLexicalError)
                continue;

            if (ParseDeclaration(tokens, start, end, unit) is { } error)
                diagnostics.Add(error);
        }

        var (endLine, endColumn) = SourceSpans.EndOf(text);
        return new ParseResult(unit.Build(file, new SourceLocation(file, 1, 1, endLine, endColumn)), diagnostics);
    }

    /// <summary>
    /// Parses a <c>--param name=value</c> value: a number, a string, a date, <c>true</c>, <c>false</c>, or a
    /// list of those (as an <see cref="IReadOnlyList{T}"/>). False for anything else.
    /// </summary>
    public static bool TryParseLiteral(string text, out object? value)
    {
        value = null;
        var (tokens, errors) = RuleTokenizer.Scan(text);
        if (errors.Count > 0)
            return false;

        var result = RuleTokenParsers.LiteralValue(new TokenList<RuleToken>(tokens));
        if (!result.HasValue || !result.Remainder.IsAtEnd)
            return false;

        value = result.Value switch
        {
            ListExpression list => list.Items.Select(item => ((LiteralExpression)item).Value).ToArray(),
            var literal => ((LiteralExpression)literal).Value,
        };
        return true;
    }

    private static Diagnostic? ParseDeclaration(Token<RuleToken>[] tokens, int start, int end, UnitBuilder unit)
    {
        var segment = tokens[start..end];
        if (NestingLimit.Check(segment) is { } tooDeep)
            return tooDeep;

        var inputEnd = InputEndAfter(tokens, end);
        var file = ParseScope.CurrentFile;
        var outcome = ParseSegment(segment, file, inputEnd);
        if (outcome.Declaration is null)
            return outcome.Error;

        // A declaration nested too deeply is reported and left out, like one that does not parse.
        if (NestingLimit.Check(outcome.Declaration) is { } treeTooDeep)
            return treeTooDeep;

        var outOfOrder = unit.Add(outcome.Declaration, tokens[start]);
        if (outcome.Extra is not { } extra)
            return outOfOrder;

        return outOfOrder ?? SyntaxErrors.Unexpected(SourceSpans.Locate(extra), SyntaxErrors.Describe(extra), unit.Allowed(), extra);
    }

    private static SegmentOutcome ParseSegment(Token<RuleToken>[] segment, string file, InputEnd end)
    {
        using var scope = ParseScope.Enter(file);
        var result = RuleTokenParsers.Declaration(new TokenList<RuleToken>(segment));
        if (!result.HasValue)
        {
            var error = scope.NestedError is { } nested && nested.Message == result.ErrorMessage ? nested : SyntaxErrors.From(result, end);
            return new SegmentOutcome(null, error, null);
        }

        var extra = result.Remainder.IsAtEnd ? (Token<RuleToken>?)null : result.Remainder.ConsumeToken().Value;
        return new SegmentOutcome(result.Value, null, extra);
    }

    /// <summary>What follows a declaration's tokens: the next declaration's keyword, or the end of the file just after the last token.</summary>
    private static InputEnd InputEndAfter(Token<RuleToken>[] tokens, int end)
    {
        if (end < tokens.Length)
            return new InputEnd(SyntaxErrors.Describe(tokens[end]), SourceSpans.Locate(tokens[end]));

        var last = SourceSpans.Locate(tokens[end - 1]);
        return new InputEnd("end of file", SourceLocation.At(last.File, last.EndLine, last.EndColumn));
    }

    /// <summary>
    /// Where each top-level declaration starts: its keyword. <c>pack</c>, <c>import</c>, <c>param</c> and
    /// <c>rule</c> appear nowhere else; <c>let</c> is a declaration only outside a rule's braces.
    /// Leading tokens that start no declaration form a first piece of their own, reported as an error.
    /// </summary>
    private static List<int> DeclarationStarts(Token<RuleToken>[] tokens)
    {
        var starts = new List<int>();
        var braceDepth = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            switch (tokens[i].Kind)
            {
                case RuleToken.Pack or RuleToken.Import or RuleToken.Param or RuleToken.Rule:
                    starts.Add(i);
                    braceDepth = 0;
                    break;
                case RuleToken.Let when braceDepth == 0:
                    starts.Add(i);
                    break;
                case RuleToken.LBrace:
                    braceDepth++;
                    break;
                case RuleToken.RBrace:
                    braceDepth = Math.Max(0, braceDepth - 1);
                    break;
            }
        }

        if (tokens.Length > 0 && (starts.Count == 0 || starts[0] != 0))
            starts.Insert(0, 0);
        return starts;
    }

    /// <summary>ZP0010 when the text holds a NUL character or bytes that were not valid UTF-8.</summary>
    private static Diagnostic? NotText(string text, string file)
    {
        var index = text.AsSpan().IndexOfAny('\0', '\uFFFD');
        if (index < 0)
            return null;

        var before = text.AsSpan(0, index);
        var line = 1 + before.Count('\n');
        var column = index - before.LastIndexOf('\n');
        var what = text[index] == '\0' ? "a NUL character" : "bytes that are not valid UTF-8";
        return Diagnostic.Create(DiagnosticDescriptors.NotTextFile, new SourceLocation(file, line, column, line, column + 1), what);
    }

    /// <summary>Collects the declarations, which a file states in the order pack, import, param, let, rule, and reports those out of that order.</summary>
    private sealed class UnitBuilder
    {
        private readonly List<PackDeclaration> packs = [];
        private readonly List<ImportDeclaration> imports = [];
        private readonly List<ParamDeclaration> parameters = [];
        private readonly List<LetDeclaration> lets = [];
        private readonly List<RuleDeclaration> rules = [];
        private int highest = -1;

        /// <summary>Adds a declaration; returns an error when it comes after declarations that must follow it.</summary>
        public Diagnostic? Add(SyntaxNode declaration, Token<RuleToken> keyword)
        {
            var rank = Array.IndexOf(DeclarationOrder, keyword.Kind);
            var allowed = Allowed();
            var inOrder = rank > highest || (rank == highest && keyword.Kind != RuleToken.Pack);
            highest = Math.Max(highest, rank);
            switch (declaration)
            {
                case PackDeclaration pack: packs.Add(pack); break;
                case ImportDeclaration import: imports.Add(import); break;
                case ParamDeclaration parameter: parameters.Add(parameter); break;
                case LetDeclaration let: lets.Add(let); break;
                case RuleDeclaration rule: rules.Add(rule); break;
            }

            if (inOrder)
                return null;

            return SyntaxErrors.OutOfOrder(keyword, allowed);
        }

        /// <summary>The declaration keywords that may come next.</summary>
        public IReadOnlyList<string> Allowed() =>
            DeclarationOrder
                .Where((kind, rank) => rank > highest || (rank == highest && kind != RuleToken.Pack))
                .Select(SyntaxErrors.Expectation)
                .ToList();

        public CompilationUnit Build(string file, SourceLocation location) =>
            new(file, packs.FirstOrDefault(), imports, parameters, lets, rules, location);
    }

    /// <summary>A parsed declaration and any tokens left after it, or the error that stopped it.</summary>
    private readonly record struct SegmentOutcome(SyntaxNode? Declaration, Diagnostic? Error, Token<RuleToken>? Extra);
}
