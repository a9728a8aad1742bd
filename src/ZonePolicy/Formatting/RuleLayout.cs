using Superpower.Model;
using ZonePolicy.Diagnostics;
using ZonePolicy.Syntax;

namespace ZonePolicy.Formatting;

/// <summary>
/// Lays out a parsed rule file as a <see cref="Doc"/>. The syntax tree says what each token is; the tokens are
/// written as they are in the source, in the same order, each exactly once, so the comments attached to them
/// come out where they were and the text of every literal (escapes, number forms) is unchanged. Only white
/// space changes: one canonical layout for every input.
/// </summary>
internal sealed class RuleLayout
{
    private readonly Token<RuleToken>[] tokens;
    private readonly TokenTrivia[] trivia;
    private readonly bool[] leadingDone;
    private readonly int[] closingBracket;
    private readonly Dictionary<(int Line, int Column), int> tokenEndingAt = [];
    private int cursor;

    private RuleLayout(Token<RuleToken>[] tokens, TokenTrivia[] trivia)
    {
        this.tokens = tokens;
        this.trivia = trivia;
        leadingDone = new bool[tokens.Length + 1];
        closingBracket = MatchBrackets(tokens);
        for (var i = 0; i < tokens.Length; i++)
            tokenEndingAt[(tokens[i].Position.Line, tokens[i].Position.Column + tokens[i].Span.Length)] = i;
    }

    public static Doc Layout(CompilationUnit unit, Token<RuleToken>[] tokens, TokenTrivia[] trivia)
    {
        var layout = new RuleLayout(tokens, trivia);
        var doc = layout.File(unit);
        if (layout.cursor != tokens.Length)
            throw new InvalidOperationException($"the layout wrote {layout.cursor} of {tokens.Length} tokens");
        return doc;
    }

    // Declarations

    private Doc File(CompilationUnit unit)
    {
        IEnumerable<SyntaxNode> declarations = [.. Optional(unit.Pack), .. unit.Imports, .. unit.Params, .. unit.Lets, .. unit.Rules];
        var ordered = declarations.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToList();
        var parts = new List<Doc>();
        SyntaxNode? previous = null;
        foreach (var declaration in ordered)
        {
            if (previous is not null)
                parts.Add(Doc.HardLine);

            // A rule stands apart from what surrounds it; other declarations keep an empty line the author left.
            var apart = previous is RuleDeclaration || (previous is not null && declaration is RuleDeclaration);
            parts.Add(StatementStart(allowBlank: previous is not null, requireBlank: apart));
            parts.Add(Declaration(declaration));
            previous = declaration;
        }

        parts.Add(EndOfFile(afterRule: previous is RuleDeclaration, atStart: previous is null));
        return Doc.Concat(parts);
    }

    private static IEnumerable<SyntaxNode> Optional(SyntaxNode? node) => node is null ? [] : [node];

    private Doc Declaration(SyntaxNode declaration) => declaration switch
    {
        PackDeclaration pack => Pack(pack),
        ImportDeclaration => Words(2),
        ParamDeclaration param => Doc.Concat(Words(3), Doc.Space, Expr(param.Value)),
        LetDeclaration let => Let(let.Parameters, let.Body),
        RuleDeclaration rule => Rule(rule),
        _ => throw new InvalidOperationException($"unexpected declaration {declaration.GetType().Name}"),
    };

    private Doc Pack(PackDeclaration pack)
    {
        var parts = new List<Doc> { Token(), Doc.Space, Token() };
        for (var dots = pack.Name.Name.Count('.'); dots > 0; dots--)
        {
            parts.Add(Token());
            parts.Add(Token());
        }

        foreach (var part in new[] { pack.Version, pack.Title })
        {
            if (part is not null)
                parts.Add(Doc.Concat(Doc.Space, Words(2)));
        }

        return Doc.Concat(parts);
    }

    /// <summary><c>let name = value</c> or <c>let name(a, b) = body</c>, in a file or in a rule; a long value goes on the next line.</summary>
    private Doc Let(IReadOnlyList<Identifier>? parameters, Expression value)
    {
        var head = Doc.Concat(Token(), Doc.Space, Token());
        if (parameters is not null)
            head = Doc.Concat(head, Bracketed(parameters.Count, _ => Token()));

        var assign = Token();
        return value is ListExpression
            ? Doc.Concat(head, Doc.Space, assign, Doc.Space, Expr(value))
            : Doc.Group(Doc.Concat(head, Doc.Space, assign, Doc.Indent(Doc.Concat(Doc.Line, Expr(value)))));
    }

    private Doc Rule(RuleDeclaration rule)
    {
        var head = Words(4);
        var body = new List<Doc>();
        for (var i = 0; i < rule.Clauses.Count; i++)
        {
            body.Add(Doc.HardLine);
            body.Add(StatementStart(allowBlank: i > 0, requireBlank: false));
            body.Add(Clause(rule.Clauses[i]));
        }

        body.Add(ClosingComments());
        return Doc.Concat(head, Doc.Indent(Doc.Concat(body)), Doc.HardLine, Token());
    }

    private Doc Clause(RuleClause clause) => clause switch
    {
        SeverityClause or CategoryClause or HelpClause or MessageClause => Words(2),
        RefsClause refs => Doc.Concat(Token(), Doc.Space, Doc.Group(Doc.Align("refs ".Length, Separated(refs.Refs.Count, _ => Token())))),
        SameAsClause same => Doc.Concat(Token(), Doc.Space, Doc.Group(Doc.Align("sameAs ".Length, Separated(same.Rules.Count, _ => Token())))),
        ForClause f => For(f),
        LetClause let => Let(null, let.Value),
        ConditionClause condition => Doc.Concat(Token(), Doc.Space, Expr(condition.Condition)),
        AtClause at => Doc.Concat(Token(), Doc.Space, Expr(at.Target)),
        _ => throw new InvalidOperationException($"unexpected clause {clause.GetType().Name}"),
    };

    private Doc For(ForClause f)
    {
        var parts = new List<Doc> { Words(3) };
        foreach (var part in new[] { f.Source, f.Where })
        {
            if (part is not null)
                parts.Add(Doc.Indent(Doc.Concat(Doc.Line, Token(), Doc.Space, Expr(part))));
        }

        return Doc.Group(Doc.Concat(parts));
    }

    /// <summary><paramref name="count"/> tokens separated by spaces.</summary>
    private Doc Words(int count)
    {
        var parts = new List<Doc>(2 * count);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                parts.Add(Doc.Space);
            parts.Add(Token());
        }

        return Doc.Concat(parts);
    }

    // Expressions

    private Doc Expr(Expression expression, bool continuesDeeper = false)
    {
        var parentheses = ParenthesesAround(expression);
        if (parentheses == 0)
            return Unparenthesized(expression, continuesDeeper);

        var opens = new Doc[parentheses];
        for (var i = 0; i < parentheses; i++)
            opens[i] = Token();

        var inner = Unparenthesized(expression, continuesDeeper: false);
        for (var i = parentheses - 1; i >= 0; i--)
            inner = Doc.Group(Doc.Concat(opens[i], Doc.Indent(Doc.Concat(Doc.SoftLine, inner)), Doc.SoftLine, Token()));
        return inner;
    }

    private Doc Unparenthesized(Expression expression, bool continuesDeeper) => expression switch
    {
        LiteralExpression => tokens[cursor].Kind == RuleToken.Minus ? Doc.Concat(Token(), Token()) : Token(),
        NameExpression or TodayExpression => Token(),
        MemberExpression or IndexExpression => Postfix(expression),
        CallExpression call => Doc.Concat(Token(), Bracketed(call.Arguments.Count, i => Expr(call.Arguments[i]))),
        UnaryExpression { Operator: UnaryOperator.Not } not => Doc.Concat(Token(), Doc.Space, Expr(not.Operand)),
        UnaryExpression negation => Doc.Concat(Token(), Expr(negation.Operand)),
        ChainExpression chain => Chain(chain, continuesDeeper),
        BinaryExpression comparison => Comparison(comparison),
        ListExpression list => list.Items.All(i => i is LiteralExpression)
            ? FilledList(list.Items)
            : Bracketed(list.Items.Count, i => Expr(list.Items[i])),
        QuantifierExpression quantifier => Quantifier(quantifier),
        PathExpression path => Path(path),
        _ => throw new InvalidOperationException($"unexpected expression {expression.GetType().Name}"),
    };

    /// <summary><c>a.b[c].d</c>: a run of member accesses and indexes on one line.</summary>
    private Doc Postfix(Expression expression)
    {
        var steps = new Stack<Expression>();
        var node = expression;
        while (node is MemberExpression or IndexExpression && (ReferenceEquals(node, expression) || ParenthesesAround(node) == 0))
        {
            steps.Push(node);
            node = node is MemberExpression member ? member.Target : ((IndexExpression)node).Target;
        }

        var parts = new List<Doc> { Expr(node) };
        foreach (var step in steps)
        {
            parts.Add(step is IndexExpression index
                ? Doc.Concat(Token(), Expr(index.Index), Token())
                : Doc.Concat(Token(), Token()));
        }

        return Doc.Concat(parts);
    }

    /// <summary>
    /// Operands joined by operators of one precedence level (<c>a and b and c</c>, <c>x + y - z</c>): on one line
    /// when they fit, otherwise one operand per line, each after its operator, indented. A chain that is the
    /// first operand of a looser one (<c>a and b or c</c>) indents its own lines one level more, so the two
    /// levels stay apart.
    /// </summary>
    private Doc Chain(ChainExpression chain, bool continuesDeeper)
    {
        var first = Expr(chain.First, continuesDeeper: StartsUnparenthesizedChain(chain.First));
        var rest = new List<Doc>(4 * chain.Links.Count);
        foreach (var link in chain.Links)
        {
            rest.Add(Doc.Line);
            rest.Add(Token());
            rest.Add(Doc.Space);
            rest.Add(Expr(link.Operand));
        }

        var continuation = Doc.Indent(Doc.Concat(rest));
        return Doc.Group(Doc.Concat(first, continuesDeeper ? Doc.Indent(continuation) : continuation));
    }

    /// <summary>
    /// A comparison stays on one line (<c>a not in b</c>, <c>x matches "re"</c>): its operands break inside, so
    /// <c>any(...) == true</c> keeps <c>== true</c> with the <c>)</c>.
    /// </summary>
    private Doc Comparison(BinaryExpression comparison)
    {
        var left = Expr(comparison.Left, continuesDeeper: StartsUnparenthesizedChain(comparison.Left));
        var op = Token();
        if (tokens[cursor - 1].Kind == RuleToken.Not)
            op = Doc.Concat(op, Doc.Space, Token());
        return Doc.Concat(left, Doc.Space, op, Doc.Space, Expr(comparison.Right));
    }

    /// <summary>Whether <paramref name="operand"/>, which starts at the cursor, is a chain without parentheses of its own.</summary>
    private bool StartsUnparenthesizedChain(Expression operand) => operand is ChainExpression && ParenthesesAround(operand) == 0;

    /// <summary><c>any(x in xs where p)</c>, <c>sum(x in xs select e)</c>, <c>count(xs)</c>.</summary>
    private Doc Quantifier(QuantifierExpression quantifier)
    {
        var keyword = Token();
        var open = Token();
        var parts = new List<Doc> { Doc.SoftLine };
        if (quantifier.Variable is not null)
            parts.Add(Doc.Concat(Token(), Doc.Space, Token(), Doc.Space));
        parts.Add(Expr(quantifier.Source));
        foreach (var part in new[] { quantifier.Where, quantifier.Select })
        {
            if (part is not null)
                parts.Add(Doc.Concat(Doc.Line, Token(), Doc.Space, Expr(part)));
        }

        return Doc.Group(Doc.Concat(keyword, open, Doc.Indent(Doc.Concat(parts)), Doc.SoftLine, Token()));
    }

    /// <summary><c>path(from, to, avoid x where p)</c> and <c>reachable(...)</c>: laid out like a call.</summary>
    private Doc Path(PathExpression path)
    {
        var keyword = Token();
        var open = Token();
        var parts = new List<Doc> { Doc.SoftLine, Expr(path.From), Token(), Doc.Line, Expr(path.To) };
        if (path.Avoid is { } avoid)
            parts.Add(Doc.Concat(Token(), Doc.Line, Words(3), Doc.Space, Expr(avoid.Predicate)));

        return Doc.Group(Doc.Concat(keyword, open, Doc.Indent(Doc.Concat(parts)), Doc.SoftLine, Token()));
    }

    /// <summary><c>(a, b)</c> or <c>[a, b]</c>: on one line when it fits, otherwise one item per line.</summary>
    private Doc Bracketed(int count, Func<int, Doc> item)
    {
        var open = Token();
        if (count == 0)
            return Doc.Concat(open, Token());

        var items = Doc.Concat(Doc.SoftLine, Separated(count, item));
        return Doc.Group(Doc.Concat(open, Doc.Indent(items), Doc.SoftLine, Token()));
    }

    /// <summary><c>["rdp", "ssh", ...]</c>: a list of literals fills its lines rather than taking one per item.</summary>
    private Doc FilledList(IReadOnlyList<Expression> literals)
    {
        var open = Token();
        if (literals.Count == 0)
            return Doc.Concat(open, Token());

        var items = new Doc[literals.Count];
        for (var i = 0; i < literals.Count; i++)
        {
            var literal = Expr(literals[i]);
            items[i] = i + 1 < literals.Count ? Doc.Concat(literal, Token()) : literal;
        }

        var filled = Doc.Concat(Doc.SoftLine, Doc.Fill(items, Doc.Line));
        return Doc.Group(Doc.Concat(open, Doc.Indent(filled), Doc.SoftLine, Token()));
    }

    /// <summary>Items separated by a comma and a possible break.</summary>
    private Doc Separated(int count, Func<int, Doc> item)
    {
        var parts = new List<Doc>(3 * count);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                parts.Add(Token());
                parts.Add(Doc.Line);
            }

            parts.Add(item(i));
        }

        return Doc.Concat(parts);
    }

    // Tokens and their comments

    /// <summary>The next token with the comments around it; the cursor moves past it.</summary>
    private Doc Token()
    {
        var index = cursor++;
        var token = tokens[index];
        var parts = new List<Doc>();
        if (!leadingDone[index])
        {
            foreach (var comment in trivia[index].Leading)
            {
                parts.Add(IsInline(comment) ? Doc.Concat(Doc.Text(comment.Text), Doc.Space) : Doc.Concat(Doc.LineStart, Doc.Text(comment.Text), Doc.HardLine));
            }
        }

        parts.Add(Doc.Text(token.ToStringValue()));
        foreach (var comment in trivia[index].Trailing)
        {
            if (comment.IsBlock)
            {
                parts.Add(Doc.Concat(Doc.Space, Doc.Text(comment.Text), Doc.Space));
            }
            else
            {
                parts.Add(Doc.LineSuffix(" " + comment.Text));
            }
        }

        return Doc.Concat(parts);
    }

    private static bool IsInline(FormatComment comment) => comment.IsBlock && !comment.NewLineAfter;

    /// <summary>
    /// The comments before a declaration or a clause, each on its own line, keeping an empty line the author left
    /// between them (and before the first when <paramref name="allowBlank"/>); <paramref name="requireBlank"/>
    /// puts one before them whatever the source had.
    /// </summary>
    private Doc StatementStart(bool allowBlank, bool requireBlank)
    {
        var current = trivia[cursor];
        leadingDone[cursor] = true;
        var parts = new List<Doc>();
        var first = true;
        foreach (var comment in current.Leading)
        {
            if (first ? requireBlank || (allowBlank && comment.BlankLineBefore) : comment.BlankLineBefore)
                parts.Add(Doc.HardLine);
            parts.Add(Doc.Text(comment.Text));
            parts.Add(IsInline(comment) ? Doc.Space : Doc.HardLine);
            first = false;
        }

        var blankBeforeToken = current.Leading.Count == 0
            ? requireBlank || (allowBlank && current.BlankLineBefore)
            : !IsInline(current.Leading[^1]) && current.BlankLineBefore;
        if (blankBeforeToken)
            parts.Add(Doc.HardLine);
        return Doc.Concat(parts);
    }

    /// <summary>The comments before a rule's closing brace, inside the rule.</summary>
    private Doc ClosingComments()
    {
        leadingDone[cursor] = true;
        return Comments(trivia[cursor].Leading, blankFirst: false);
    }

    /// <summary>The comments after the last declaration, each on its own line.</summary>
    private Doc EndOfFile(bool afterRule, bool atStart)
    {
        var comments = trivia[tokens.Length].Leading;
        if (atStart && comments.Count > 0)
            return Doc.Concat(Doc.Text(comments[0].Text), Comments(comments.Skip(1).ToList(), blankFirst: false));
        return Comments(comments, blankFirst: afterRule);
    }

    private static Doc Comments(IReadOnlyList<FormatComment> comments, bool blankFirst)
    {
        var parts = new List<Doc>();
        for (var i = 0; i < comments.Count; i++)
        {
            parts.Add(Doc.HardLine);
            if (comments[i].BlankLineBefore || (i == 0 && blankFirst))
                parts.Add(Doc.HardLine);
            parts.Add(Doc.Text(comments[i].Text));
        }

        return Doc.Concat(parts);
    }

    // Finding the tokens of a node

    /// <summary>How many pairs of parentheses enclose the whole of <paramref name="expression"/>, which starts at the cursor.</summary>
    private int ParenthesesAround(Expression expression)
    {
        var last = LastTokenOf(expression.Location);
        var layers = 0;
        for (var first = cursor; first < last && tokens[first].Kind == RuleToken.LParen && closingBracket[first] == last; first++, last--)
            layers++;
        return layers;
    }

    private int LastTokenOf(SourceLocation location) =>
        tokenEndingAt.TryGetValue((location.EndLine, location.EndColumn), out var index)
            ? index
            : throw new InvalidOperationException($"no token ends at ({location.EndLine},{location.EndColumn})");

    /// <summary>For each opening bracket, the index of the bracket that closes it; -1 elsewhere.</summary>
    private static int[] MatchBrackets(Token<RuleToken>[] tokens)
    {
        var closing = new int[tokens.Length];
        var open = new Stack<int>();
        for (var i = 0; i < tokens.Length; i++)
        {
            closing[i] = -1;
            switch (tokens[i].Kind)
            {
                case RuleToken.LParen or RuleToken.LBracket or RuleToken.LBrace:
                    open.Push(i);
                    break;
                case RuleToken.RParen or RuleToken.RBracket or RuleToken.RBrace when open.Count > 0:
                    closing[open.Pop()] = i;
                    break;
            }
        }

        return closing;
    }
}
