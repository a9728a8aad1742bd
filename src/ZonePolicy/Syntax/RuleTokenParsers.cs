using System.Globalization;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;
using ZonePolicy.Diagnostics;
using static ZonePolicy.Syntax.ParserCombinators;
using static ZonePolicy.Syntax.SourceSpans;

namespace ZonePolicy.Syntax;

/// <summary>
/// The grammar of <c>.zpol</c> files, one parser per production, from the atoms up to a
/// declaration. Each node is built with the location of the text it came from. Every part a production
/// refers to after its first token is a field or <see cref="ParserCombinators.Expect"/>, built once:
/// a query's later clauses run on every parse. The productions a bracket recurses through (parentheses,
/// postfix steps, prefix operators, comparisons) are written out as sequences rather than queries, each
/// query clause costing a nested call: they bound how many levels fit in a thread's stack.
/// </summary>
internal static class RuleTokenParsers
{
    // Names and literals

    private static readonly TokenListParser<RuleToken, Identifier> Name =
        Expect(RuleToken.Identifier).Select(t => new Identifier(t.ToStringValue(), Locate(t)));

    private static readonly TokenListParser<RuleToken, Identifier> MemberName = Name.Named("member name");

    private static readonly TokenListParser<RuleToken, StringLiteral> Text =
        Expect(RuleToken.String).Select(t => new StringLiteral(StringLiterals.Value(t.Span), Locate(t)));

    private static readonly TokenListParser<RuleToken, Expression> NumberLiteral =
        Expect(RuleToken.Number).Select(t => Literal(NumberValue(t.ToStringValue()), Locate(t)));

    private static readonly TokenListParser<RuleToken, Expression> NegativeNumber =
        from minus in Expect(RuleToken.Minus)
        from number in Expect(RuleToken.Number)
        select Literal(NumberValue("-" + number.ToStringValue()), minus.Through(number));

    private static readonly TokenListParser<RuleToken, Expression> TextLiteral =
        Expect(RuleToken.String).Select(t => Literal(StringLiterals.Value(t.Span), Locate(t)));

    private static readonly TokenListParser<RuleToken, Expression> DateLiteral =
        Expect(RuleToken.Date).Select(t => Literal(DateValue(t.ToStringValue()), Locate(t)));

    private static readonly TokenListParser<RuleToken, Expression> BooleanLiteral =
        Expect(RuleToken.True).Or(Expect(RuleToken.False)).Select(t => Literal(t.Kind == RuleToken.True, Locate(t)));

    private static readonly TokenListParser<RuleToken, Expression> NullLiteral =
        Expect(RuleToken.Null).Select(t => Literal(null, Locate(t)));

    private static readonly TokenListParser<RuleToken, Expression> ScalarLiteral =
        ByFirstToken(
                (RuleToken.Number, NumberLiteral),
                (RuleToken.Minus, NegativeNumber),
                (RuleToken.String, TextLiteral),
                (RuleToken.Date, DateLiteral),
                (RuleToken.True, BooleanLiteral),
                (RuleToken.False, BooleanLiteral))
            .Named("literal");

    /// <summary>The value of a <c>param</c> or of a <c>--param</c> override: a literal or a list of literals.</summary>
    public static readonly TokenListParser<RuleToken, Expression> LiteralValue =
        ScalarLiteral
            .Or(Bracketed(RuleToken.LBracket, ScalarLiteral, RuleToken.RBracket)
                .Select(list => (Expression)new ListExpression(list.Items, list.Open.Through(list.Close))))
            .Named("literal");

    // Primary expressions

    // Brackets, arguments and comprehensions hold whole expressions, whose parser comes last.
    private static readonly TokenListParser<RuleToken, Expression> Nested = Parse.Ref(() => Expr!);

    private static readonly TokenListParser<RuleToken, Expression> Today =
        Expect(RuleToken.Today).Select(t => (Expression)new TodayExpression(Locate(t)));

    private static readonly TokenListParser<RuleToken, Bracketed<Expression>?> Arguments =
        Bracketed(RuleToken.LParen, Nested, RuleToken.RParen).OrNone();

    private static readonly TokenListParser<RuleToken, Expression> NameOrCall =
        from name in Name
        from arguments in Arguments
        select arguments is null
            ? (Expression)new NameExpression(name.Name, name.Location)
            : new CallExpression(name, arguments.Items, name.Location.Through(arguments.Close));

    private static readonly TokenListParser<RuleToken, Expression> Parenthesized = input =>
    {
        var open = Expect(RuleToken.LParen)(input);
        if (!open.HasValue)
            return Failed(open);

        var inner = Expr!(open.Remainder);
        if (!inner.HasValue)
            return inner;

        var close = Expect(RuleToken.RParen)(inner.Remainder);
        return close.HasValue
            ? TokenListParserResult.Value(inner.Value with { Location = open.Value.Through(close.Value) }, input, close.Remainder)
            : Failed(close);
    };

    private static readonly TokenListParser<RuleToken, Expression> ListLiteral =
        Bracketed(RuleToken.LBracket, Nested, RuleToken.RBracket)
            .Select(list => (Expression)new ListExpression(list.Items, list.Open.Through(list.Close)));

    private static readonly Dictionary<RuleToken, QuantifierKind> QuantifierKinds = new()
    {
        [RuleToken.Any] = QuantifierKind.Any,
        [RuleToken.All] = QuantifierKind.All,
        [RuleToken.None] = QuantifierKind.None,
        [RuleToken.Count] = QuantifierKind.Count,
        [RuleToken.Sum] = QuantifierKind.Sum,
        [RuleToken.Min] = QuantifierKind.Min,
        [RuleToken.Max] = QuantifierKind.Max,
    };

    // `x in` is looked ahead of, so that `count(xs)` and `count(x in xs)` both parse.
    private static readonly TokenListParser<RuleToken, Identifier?> BoundVariable =
        (from variable in Name
         from @in in Expect(RuleToken.In)
         select variable).Try().OrNone();

    private static readonly TokenListParser<RuleToken, Expression?> WherePart =
        Expect(RuleToken.Where).IgnoreThen(Nested).OrNone();

    private static readonly TokenListParser<RuleToken, Expression?> SelectPart =
        Expect(RuleToken.Select).IgnoreThen(Nested).OrNone();

    // The short form over a plain list, `count(xs)`, takes no `where` or `select`.
    private static readonly TokenListParser<RuleToken, Expression?> NoPart = Parse.Return<RuleToken, Expression?>(null);

    /// <summary><c>any(x in xs where p)</c>, <c>sum(x in xs select e)</c>, or the short form over a list, <c>count(xs)</c>.</summary>
    private static readonly TokenListParser<RuleToken, Expression> Comprehension =
        from keyword in Token.Matching<RuleToken>(QuantifierKinds.ContainsKey, "quantifier")
        from open in Expect(RuleToken.LParen)
        from variable in BoundVariable
        from source in Nested
        from filter in variable is null ? NoPart : WherePart
        from projection in variable is null ? NoPart : SelectPart
        from close in Expect(RuleToken.RParen)
        select (Expression)new QuantifierExpression(QuantifierKinds[keyword.Kind], variable, source, filter, projection, keyword.Through(close));

    private static readonly TokenListParser<RuleToken, AvoidClause?> AvoidPart =
        (from comma in Expect(RuleToken.Comma)
         from avoid in Expect(RuleToken.Avoid)
         from variable in Name
         from @where in Expect(RuleToken.Where)
         from predicate in Nested
         select new AvoidClause(variable, predicate, avoid.Through(predicate.Location)))
        .OrNone();

    /// <summary><c>path(from, to [, avoid x where p])</c>, <c>reachable(...)</c> and their <c>permitted</c> forms.</summary>
    private static readonly TokenListParser<RuleToken, Expression> Path =
        from keyword in Expect(RuleToken.Path).Or(Expect(RuleToken.Reachable)).Or(Expect(RuleToken.PermittedPath)).Or(Expect(RuleToken.PermittedReachable))
        from open in Expect(RuleToken.LParen)
        from source in Nested
        from comma in Expect(RuleToken.Comma)
        from target in Nested
        from avoid in AvoidPart
        from close in Expect(RuleToken.RParen)
        select (Expression)new PathExpression(keyword.Kind is RuleToken.Reachable or RuleToken.PermittedReachable, source, target, avoid, keyword.Through(close))
        {
            Graph = keyword.Kind is RuleToken.PermittedPath or RuleToken.PermittedReachable ? PathGraph.Permitted : PathGraph.Flows,
        };

    private static readonly TokenListParser<RuleToken, Expression> Primary = ByFirstToken(
        (RuleToken.Number, NumberLiteral),
        (RuleToken.String, TextLiteral),
        (RuleToken.Date, DateLiteral),
        (RuleToken.True, BooleanLiteral),
        (RuleToken.False, BooleanLiteral),
        (RuleToken.Null, NullLiteral),
        (RuleToken.Today, Today),
        (RuleToken.Identifier, NameOrCall),
        (RuleToken.LParen, Parenthesized),
        (RuleToken.LBracket, ListLiteral),
        (RuleToken.Any, Comprehension),
        (RuleToken.All, Comprehension),
        (RuleToken.None, Comprehension),
        (RuleToken.Count, Comprehension),
        (RuleToken.Sum, Comprehension),
        (RuleToken.Min, Comprehension),
        (RuleToken.Max, Comprehension),
        (RuleToken.Path, Path),
        (RuleToken.Reachable, Path),
        (RuleToken.PermittedPath, Path),
        (RuleToken.PermittedReachable, Path));

    // Operators, from the tightest binding to the loosest

    private static readonly TokenListParser<RuleToken, Func<Expression, Expression>> MemberAccess =
        from dot in Expect(RuleToken.Dot)
        from member in MemberName
        select new Func<Expression, Expression>(target => new MemberExpression(target, member, target.Location.Through(member.Location)));

    private static readonly TokenListParser<RuleToken, Func<Expression, Expression>> Indexer =
        from open in Expect(RuleToken.LBracket)
        from index in Nested
        from close in Expect(RuleToken.RBracket)
        select new Func<Expression, Expression>(target => new IndexExpression(target, index, target.Location.Through(close)));

    private static readonly TokenListParser<RuleToken, Func<Expression, Expression>> PostfixStep =
        ByFirstToken((RuleToken.Dot, MemberAccess), (RuleToken.LBracket, Indexer));

    /// <summary>A primary followed by any number of member accesses and indexes.</summary>
    private static readonly TokenListParser<RuleToken, Expression> Postfix = input =>
    {
        var primary = Primary(input);
        if (!primary.HasValue)
            return primary;

        var target = primary.Value;
        var rest = primary.Remainder;
        while (true)
        {
            var step = PostfixStep(rest);
            if (!step.HasValue)
            {
                // A step that fails after its first token is an error; one that does not start ends the run.
                if (step.Remainder.Position != rest.Position)
                    return Failed(step);
                break;
            }

            target = step.Value(target);
            rest = step.Remainder;
        }

        return TokenListParserResult.Value(target, input, rest);
    };

    private static readonly TokenListParser<RuleToken, Expression> Unary =
        PrefixOr(RuleToken.Minus, UnaryOperator.Negate, () => Unary!, Postfix, "expression");

    private static readonly TokenListParser<RuleToken, Expression> Multiplicative = LeftChain(
        ChainOperators((RuleToken.Asterisk, BinaryOperator.Multiply), (RuleToken.Slash, BinaryOperator.Divide), (RuleToken.Percent, BinaryOperator.Modulo)),
        Unary);

    private static readonly TokenListParser<RuleToken, Expression> Additive = LeftChain(
        ChainOperators((RuleToken.Plus, BinaryOperator.Add), (RuleToken.Minus, BinaryOperator.Subtract)),
        Multiplicative);

    // `contains` and `matches` are not reserved words: they are operators only between two operands.
    private static readonly TokenListParser<RuleToken, BinaryOperator> ComparisonOperator = ByFirstToken(
        Operator(RuleToken.EqualEqual, BinaryOperator.Equal),
        Operator(RuleToken.NotEqual, BinaryOperator.NotEqual),
        Operator(RuleToken.Less, BinaryOperator.Less),
        Operator(RuleToken.LessOrEqual, BinaryOperator.LessOrEqual),
        Operator(RuleToken.Greater, BinaryOperator.Greater),
        Operator(RuleToken.GreaterOrEqual, BinaryOperator.GreaterOrEqual),
        Operator(RuleToken.In, BinaryOperator.In),
        (RuleToken.Not, Expect(RuleToken.Not).IgnoreThen(Expect(RuleToken.In)).Value(BinaryOperator.NotIn)),
        (RuleToken.Identifier, Token.EqualToValue(RuleToken.Identifier, "contains").Value(BinaryOperator.Contains)
            .Or(Token.EqualToValue(RuleToken.Identifier, "matches").Value(BinaryOperator.Matches))));

    private static readonly TokenListParser<RuleToken, Unit> NoSecondComparison = input =>
    {
        var second = ComparisonOperator(input);
        return second.HasValue
            ? TokenListParserResult.Empty<RuleToken, Unit>(input, $"unexpected {SyntaxErrors.Describe(input.ConsumeToken().Value)}: comparisons do not chain; combine them with \"and\"")
            : TokenListParserResult.Value(Unit.Value, input, input);
    };

    private static readonly TokenListParser<RuleToken, (BinaryOperator Operator, Expression Right)?> ComparisonTail =
        (from op in ComparisonOperator
         from right in Additive
         from end in NoSecondComparison
         select ((BinaryOperator, Expression)?)(op, right))
        .OptionalOrDefault();

    /// <summary>Comparisons are not associative: <c>a &lt; b &lt; c</c> is an error, not <c>(a &lt; b) &lt; c</c>.</summary>
    private static readonly TokenListParser<RuleToken, Expression> Comparison = input =>
    {
        var left = Additive(input);
        if (!left.HasValue)
            return left;

        var tail = ComparisonTail(left.Remainder);
        if (!tail.HasValue)
            return Failed(tail);

        var expression = tail.Value is { } comparison ? MakeBinary(comparison.Operator, left.Value, comparison.Right) : left.Value;
        return TokenListParserResult.Value(expression, input, tail.Remainder);
    };

    private static readonly TokenListParser<RuleToken, Expression> Not =
        PrefixOr(RuleToken.Not, UnaryOperator.Not, () => Not!, Comparison, "expression");

    private static readonly TokenListParser<RuleToken, Expression> Conjunction =
        LeftChain(ChainOperators((RuleToken.And, BinaryOperator.And)), Not);

    private static readonly TokenListParser<RuleToken, Expression> Disjunction =
        LeftChain(ChainOperators((RuleToken.Or, BinaryOperator.Or)), Conjunction);

    public static readonly TokenListParser<RuleToken, Expression> Expr = Disjunction;

    // Rule clauses

    private static readonly TokenListParser<RuleToken, Token<RuleToken>> SeverityLevel =
        ByFirstToken((RuleToken.Error, Expect(RuleToken.Error)), (RuleToken.Warning, Expect(RuleToken.Warning)), (RuleToken.Info, Expect(RuleToken.Info)));

    private static readonly TokenListParser<RuleToken, RuleClause> Severity =
        from keyword in Expect(RuleToken.Severity)
        from level in SeverityLevel
        select (RuleClause)new SeverityClause(new Identifier(level.ToStringValue(), Locate(level)), keyword.Through(level));

    private static readonly TokenListParser<RuleToken, RuleClause> Category =
        from keyword in Expect(RuleToken.Category)
        from category in Text
        select (RuleClause)new CategoryClause(category, keyword.Through(category.Location));

    private static readonly TokenListParser<RuleToken, StringLiteral[]> TextList =
        Text.AtLeastOnceDelimitedBy(Expect(RuleToken.Comma));

    private static readonly TokenListParser<RuleToken, RuleClause> Refs =
        from keyword in Expect(RuleToken.Refs)
        from refs in TextList
        select (RuleClause)new RefsClause(refs, keyword.Through(refs[^1].Location));

    private static readonly TokenListParser<RuleToken, RuleClause> SameAs =
        from keyword in Expect(RuleToken.SameAs)
        from rules in TextList
        select (RuleClause)new SameAsClause(rules, keyword.Through(rules[^1].Location));

    private static readonly TokenListParser<RuleToken, RuleClause> Help =
        from keyword in Expect(RuleToken.Help)
        from help in Text
        select (RuleClause)new HelpClause(help, keyword.Through(help.Location));

    private static readonly TokenListParser<RuleToken, Identifier> EntityKind = Name.Named("entity kind");

    private static readonly TokenListParser<RuleToken, Identifier> VariableName = Name.Named("variable name");

    private static readonly TokenListParser<RuleToken, Expression?> InPart = Expect(RuleToken.In).IgnoreThen(Expr).OrNone();

    private static readonly TokenListParser<RuleToken, RuleClause> For =
        from keyword in Expect(RuleToken.For)
        from kind in EntityKind
        from variable in VariableName
        from source in InPart
        from filter in WherePart
        select (RuleClause)new ForClause(kind, variable, source, filter, keyword.Through((filter ?? source)?.Location ?? variable.Location));

    private static readonly TokenListParser<RuleToken, RuleClause> LetBinding =
        from keyword in Expect(RuleToken.Let)
        from name in Name
        from assign in Expect(RuleToken.Assign)
        from value in Expr
        select (RuleClause)new LetClause(name, value, keyword.Through(value.Location));

    private static readonly TokenListParser<RuleToken, RuleClause> Condition =
        from keyword in Expect(RuleToken.Require).Or(Expect(RuleToken.Forbid))
        from condition in Expr
        select (RuleClause)new ConditionClause(keyword.Kind == RuleToken.Forbid, condition, keyword.Through(condition.Location));

    private static readonly TokenListParser<RuleToken, RuleClause> At =
        from keyword in Expect(RuleToken.At)
        from target in Expr
        select (RuleClause)new AtClause(target, keyword.Through(target.Location));

    private static readonly TokenListParser<RuleToken, MessageTemplate> Template =
        Expect(RuleToken.String).Then(TemplateParser.Parse);

    private static readonly TokenListParser<RuleToken, RuleClause> Message =
        from keyword in Expect(RuleToken.Message)
        from template in Template
        select (RuleClause)new MessageClause(template, keyword.Through(template.Location));

    private static readonly TokenListParser<RuleToken, RuleClause> Clause = ByFirstToken(
        (RuleToken.Severity, Severity),
        (RuleToken.Category, Category),
        (RuleToken.Refs, Refs),
        (RuleToken.Help, Help),
        (RuleToken.SameAs, SameAs),
        (RuleToken.For, For),
        (RuleToken.Let, LetBinding),
        (RuleToken.Require, Condition),
        (RuleToken.Forbid, Condition),
        (RuleToken.At, At),
        (RuleToken.Message, Message));

    private static readonly TokenListParser<RuleToken, RuleClause[]> Clauses = Clause.Many();

    private static readonly string[] ClauseKeywords =
    [
        .. new[]
        {
            RuleToken.Severity, RuleToken.Category, RuleToken.Refs, RuleToken.Help, RuleToken.SameAs, RuleToken.For,
            RuleToken.Let, RuleToken.Require, RuleToken.Forbid, RuleToken.At, RuleToken.Message,
        }.Select(SyntaxErrors.Expectation),
    ];

    // A rule must state a condition, so before one is seen its closing brace is answered with
    // `expected "require" or "forbid"`, and any other stray token with the clauses allowed there.
    private static readonly TokenListParser<RuleToken, Token<RuleToken>> RuleEnd = RuleEndExpecting(
        [.. ClauseKeywords, SyntaxErrors.Expectation(RuleToken.RBrace)], closes: true);

    private static readonly TokenListParser<RuleToken, Token<RuleToken>> RuleEndWithoutCondition = RuleEndExpecting(
        ClauseKeywords, closes: false);

    // Declarations

    private static readonly TokenListParser<RuleToken, Identifier[]> DottedNameRest =
        Expect(RuleToken.Dot).IgnoreThen(MemberName).Many();

    private static readonly TokenListParser<RuleToken, Identifier> PackName =
        (from first in Name
         from rest in DottedNameRest
         select rest.Length == 0
             ? first
             : new Identifier(string.Join('.', rest.Select(r => r.Name).Prepend(first.Name)), first.Location.Through(rest[^1].Location)))
        .Named("pack name");

    private static readonly TokenListParser<RuleToken, StringLiteral?> VersionPart = Expect(RuleToken.Version).IgnoreThen(Text).OrNone();

    private static readonly TokenListParser<RuleToken, StringLiteral?> TitlePart = Expect(RuleToken.Title).IgnoreThen(Text).OrNone();

    private static readonly TokenListParser<RuleToken, SyntaxNode> Pack =
        from keyword in Expect(RuleToken.Pack)
        from name in PackName
        from version in VersionPart
        from title in TitlePart
        select (SyntaxNode)new PackDeclaration(name, version, title, keyword.Through(((SyntaxNode?)title ?? (SyntaxNode?)version ?? name).Location));

    private static readonly TokenListParser<RuleToken, SyntaxNode> Import =
        from keyword in Expect(RuleToken.Import)
        from path in Text
        select (SyntaxNode)new ImportDeclaration(path, keyword.Through(path.Location));

    private static readonly TokenListParser<RuleToken, SyntaxNode> Param =
        from keyword in Expect(RuleToken.Param)
        from name in Name
        from assign in Expect(RuleToken.Assign)
        from value in LiteralValue
        select (SyntaxNode)new ParamDeclaration(name, value, keyword.Through(value.Location));

    private static readonly TokenListParser<RuleToken, Bracketed<Identifier>?> ParameterList =
        Bracketed(RuleToken.LParen, Name.Named("parameter name"), RuleToken.RParen).OrNone();

    private static readonly TokenListParser<RuleToken, SyntaxNode> Let =
        from keyword in Expect(RuleToken.Let)
        from name in Name
        from parameters in ParameterList
        from assign in Expect(RuleToken.Assign)
        from body in Expr
        select (SyntaxNode)new LetDeclaration(name, parameters?.Items, body, keyword.Through(body.Location));

    private static readonly TokenListParser<RuleToken, Identifier> RuleId =
        Expect(RuleToken.RuleId).Select(t => new Identifier(t.ToStringValue(), Locate(t)));

    private static readonly TokenListParser<RuleToken, StringLiteral> RuleTitle = Text.Named("rule title");

    private static readonly TokenListParser<RuleToken, SyntaxNode> Rule =
        from keyword in Expect(RuleToken.Rule)
        from id in RuleId
        from title in RuleTitle
        from open in Expect(RuleToken.LBrace)
        from clauses in Clauses
        from close in clauses.Any(c => c is ConditionClause) ? RuleEnd : RuleEndWithoutCondition
        select (SyntaxNode)new RuleDeclaration(id, title, clauses, keyword.Through(close));

    /// <summary>One top-level declaration; the file is parsed one declaration at a time.</summary>
    public static readonly TokenListParser<RuleToken, SyntaxNode> Declaration = ByFirstToken(
        (RuleToken.Pack, Pack),
        (RuleToken.Import, Import),
        (RuleToken.Param, Param),
        (RuleToken.Let, Let),
        (RuleToken.Rule, Rule));

    /// <summary>The <c>}</c> ending a rule when <paramref name="closes"/>; otherwise a failure naming what may come instead.</summary>
    private static TokenListParser<RuleToken, Token<RuleToken>> RuleEndExpecting(string[] expected, bool closes)
    {
        string[] conditions = [SyntaxErrors.Expectation(RuleToken.Require), SyntaxErrors.Expectation(RuleToken.Forbid)];
        return input =>
        {
            var next = input.ConsumeToken();
            var atBrace = next.HasValue && next.Value.Kind == RuleToken.RBrace;
            if (atBrace && closes)
                return next;

            return TokenListParserResult.Empty<RuleToken, Token<RuleToken>>(input, atBrace ? conditions : expected);
        };
    }

    private static (RuleToken, TokenListParser<RuleToken, BinaryOperator>) Operator(RuleToken token, BinaryOperator op) =>
        (token, Expect(token).Value(op));

    private static TokenListParser<RuleToken, (BinaryOperator, Token<RuleToken>)> ChainOperators(params (RuleToken Token, BinaryOperator Operator)[] operators) =>
        ByFirstToken([.. operators.Select(o => (o.Token, Expect(o.Token).Select(token => (o.Operator, token))))]);

    /// <summary>
    /// <c>prefix operand</c> when the next token is <paramref name="prefix"/>, otherwise <paramref name="otherwise"/>,
    /// expecting <paramref name="name"/> when neither starts: what <c>prefixed.Or(otherwise).Named(name)</c>
    /// parses and reports, in one call per level instead of three.
    /// </summary>
    private static TokenListParser<RuleToken, Expression> PrefixOr(
        RuleToken prefix, UnaryOperator op, Func<TokenListParser<RuleToken, Expression>> operand, TokenListParser<RuleToken, Expression> otherwise, string name)
    {
        string[] expectations = [name];
        return input =>
        {
            var next = input.ConsumeToken();
            if (next.HasValue && next.Value.Kind == prefix)
            {
                var inner = operand()(next.Remainder);
                return inner.HasValue
                    ? TokenListParserResult.Value<RuleToken, Expression>(new UnaryExpression(op, inner.Value, next.Value.Through(inner.Value.Location)), input, inner.Remainder)
                    : inner;
            }

            var other = otherwise(input);
            return other.HasValue || other.Remainder.Position != input.Position
                ? other
                : TokenListParserResult.Empty<RuleToken, Expression>(input, expectations);
        };
    }

    /// <summary>A failure of one part of a sequence, as the failure of the whole.</summary>
    private static TokenListParserResult<RuleToken, Expression> Failed<T>(TokenListParserResult<RuleToken, T> result) =>
        TokenListParserResult.CastEmpty<RuleToken, T, Expression>(result);

    private static Expression MakeBinary(BinaryOperator op, Expression left, Expression right) =>
        new BinaryExpression(op, left, right, left.Location.Through(right.Location));

    private static Expression Literal(object? value, SourceLocation location) => new LiteralExpression(value, location);

    // The tokenizer has checked that every number and date token is valid.
    private static object NumberValue(string text) =>
        text.Contains('.')
            ? (object)decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)
            : long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static DateOnly DateValue(string text) =>
        DateOnly.ParseExact(text.AsSpan(1), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
