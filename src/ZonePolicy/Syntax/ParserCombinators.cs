using Superpower;
using Superpower.Model;
using Superpower.Parsers;

namespace ZonePolicy.Syntax;

/// <summary>A bracketed, comma-separated list with its brackets, whose positions the node spans.</summary>
internal sealed record Bracketed<T>(Token<RuleToken> Open, IReadOnlyList<T> Items, Token<RuleToken> Close);

/// <summary>Combinators the grammar needs beyond Superpower's own.</summary>
internal static class ParserCombinators
{
    // Token.Matching with a typed predicate, not Token.EqualTo, whose generic Equals boxes the kinds it compares.
    private static readonly TokenListParser<RuleToken, Token<RuleToken>>[] TokenParsers =
        [.. Enum.GetValues<RuleToken>().Select(kind => Token.Matching<RuleToken>(k => k == kind, SyntaxErrors.Expectation(kind)))];

    /// <summary>
    /// The parser of one token kind, built once: a query's clauses after the first are evaluated on every
    /// parse, and building a token parser looks up the token's attributes.
    /// </summary>
    public static TokenListParser<RuleToken, Token<RuleToken>> Expect(RuleToken kind) => TokenParsers[(int)kind];

    /// <summary>An optional part of a production: null when it is absent.</summary>
    public static TokenListParser<RuleToken, T?> OrNone<T>(this TokenListParser<RuleToken, T> parser)
        where T : class =>
        parser.Select(value => (T?)value).OptionalOrDefault();

    /// <summary>
    /// One of several productions, chosen by the kind of the next token: what <c>Parse.OneOf</c> does for
    /// productions that start with different tokens, without trying each in turn. Parsing tries these
    /// groups at the end of every operand, so this is the grammar's hot path.
    /// </summary>
    public static TokenListParser<RuleToken, T> ByFirstToken<T>(params (RuleToken Kind, TokenListParser<RuleToken, T> Parser)[] alternatives)
    {
        var table = new TokenListParser<RuleToken, T>?[Enum.GetValues<RuleToken>().Length];
        foreach (var (kind, parser) in alternatives)
            table[(int)kind] = parser;

        var expectations = alternatives.Select(a => SyntaxErrors.Expectation(a.Kind)).Distinct().ToArray();
        return input =>
        {
            var next = input.ConsumeToken();
            return next.HasValue && table[(int)next.Value.Kind] is { } parser
                ? parser(input)
                : TokenListParserResult.Empty<RuleToken, T>(input, expectations);
        };
    }

    /// <summary>
    /// <c>operand (operator operand)*</c> as one <see cref="ChainExpression"/>, or the operand alone when no
    /// operator follows. Unlike <c>Parse.Chain</c>, which recurses once per operator, this loops, so a chain
    /// of any length costs the same stack as one operator; what it accepts and the errors it gives are the same.
    /// </summary>
    public static TokenListParser<RuleToken, Expression> LeftChain(
        TokenListParser<RuleToken, (BinaryOperator Operator, Token<RuleToken> Token)> @operator,
        TokenListParser<RuleToken, Expression> operand) => input =>
    {
        var first = operand(input);
        if (!first.HasValue)
            return first;

        List<ChainLink>? links = null;
        var rest = first.Remainder;
        while (true)
        {
            // An operator is one token: when it does not match, nothing was consumed and the chain ends.
            var op = @operator(rest);
            if (!op.HasValue)
                break;

            var next = operand(op.Remainder);
            if (!next.HasValue)
                return next;

            (links ??= []).Add(new ChainLink(op.Value.Operator, SourceSpans.Locate(op.Value.Token), next.Value));
            rest = next.Remainder;
        }

        var chain = links is null
            ? first.Value
            : new ChainExpression(first.Value, links, first.Value.Location.Through(links[^1].Operand.Location));
        return TokenListParserResult.Value(chain, input, rest);
    };

    /// <summary>
    /// <c>open item, item, ... close</c>, possibly empty. Unlike <c>ManyDelimitedBy</c>, a mistake between
    /// items names everything that may come there: <c>expected "," or ")"</c>.
    /// </summary>
    public static TokenListParser<RuleToken, Bracketed<T>> Bracketed<T>(RuleToken open, TokenListParser<RuleToken, T> item, RuleToken close)
    {
        var openToken = Expect(open);
        var closeToken = Expect(close);
        var comma = Expect(RuleToken.Comma);

        return input =>
        {
            var opened = openToken(input);
            if (!opened.HasValue)
                return TokenListParserResult.CastEmpty<RuleToken, Token<RuleToken>, Bracketed<T>>(opened);

            var items = new List<T>();
            var rest = opened.Remainder;
            var closed = closeToken(rest);
            while (!closed.HasValue)
            {
                if (items.Count > 0)
                {
                    var separator = comma(rest);
                    if (!separator.HasValue)
                        return TokenListParserResult.CastEmpty<RuleToken, Token<RuleToken>, Bracketed<T>>(TokenListParserResult.CombineEmpty(separator, closed));
                    rest = separator.Remainder;
                }

                var next = item(rest);
                if (!next.HasValue)
                {
                    var itemError = TokenListParserResult.CastEmpty<RuleToken, T, Token<RuleToken>>(next);
                    var nothingConsumed = items.Count == 0 && next.Remainder == rest;
                    return TokenListParserResult.CastEmpty<RuleToken, Token<RuleToken>, Bracketed<T>>(
                        nothingConsumed ? TokenListParserResult.CombineEmpty(itemError, closed) : itemError);
                }

                items.Add(next.Value);
                rest = next.Remainder;
                closed = closeToken(rest);
            }

            return TokenListParserResult.Value(new Bracketed<T>(opened.Value, items, closed.Value), input, closed.Remainder);
        };
    }
}
