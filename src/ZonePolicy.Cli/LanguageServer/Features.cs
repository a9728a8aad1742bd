using System.Text;
using System.Text.RegularExpressions;
using ZonePolicy.Diagnostics;
using ZonePolicy.Formatting;
using ZonePolicy.Syntax;
using ZonePolicy.Types;

namespace ZonePolicy.Cli.LanguageServer;

/// <summary>Completion, hover, go to definition, find references, document symbols and quick fixes for rule files and topologies.</summary>
internal sealed partial class Features(WorkspaceState workspace)
{
    /// <summary>An identifier the user cannot have typed, inserted at the cursor so that the text around it parses.</summary>
    private const string Probe = "zpol__probe";

    public CompletionList Complete(TextDocument document, Position position)
    {
        if (!document.IsRuleFile)
        {
            return new CompletionList(false, WaiverRuleContext(document, position) ? RuleIdItems() : []);
        }

        var offset = document.OffsetOf(position);
        var text = document.Text;
        var start = offset;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
        {
            start--;
        }

        if (InsideStringOrComment(text, start))
        {
            return new CompletionList(false, []);
        }

        var probed = start == offset ? text.Insert(offset, Probe) : text;
        var (line, column) = TextDocument.EngineLineColumn(position);
        var probe = SourceLocation.At(document.File, line, column);
        var semantics = RuleSemantics.Analyze(workspace.UnitsWith(document, probed), probe);

        var before = text[..start].TrimEnd();
        if (start > 0 && text[start - 1] == '.')
        {
            return new CompletionList(false, MemberItems(semantics.AttributeAt(document.File, line, column)));
        }

        if (PreviousWord(before) is "for")
        {
            return new CompletionList(false, EntityKinds.All.Select(k => new CompletionItem(k.Keyword(), CompletionItemKinds.Class)
            {
                Detail = $"for {k.Keyword()} <var>",
                Documentation = MarkupContent.Markdown(KindDescription(k)),
            }).ToList());
        }

        if (PreviousWord(before) is "severity")
        {
            return new CompletionList(false, LanguageReference.Severities.Select(s => new CompletionItem(s, CompletionItemKinds.Enum)).ToList());
        }

        var items = new List<CompletionItem>();
        foreach (var local in (semantics.ScopeAtProbe ?? []).DistinctBy(s => s.Name))
        {
            items.Add(new CompletionItem(local.Name, CompletionItemKinds.Variable) { Detail = local.Type.Name, SortText = "0" + local.Name });
        }

        foreach (var symbol in semantics.Module.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var kind = symbol.Kind switch
            {
                SymbolKind.Helper => CompletionItemKinds.Function,
                SymbolKind.Parameter => CompletionItemKinds.Value,
                _ => CompletionItemKinds.Constant,
            };
            items.Add(new CompletionItem(symbol.Name, kind) { Detail = Signature(symbol), SortText = "1" + symbol.Name });
        }

        foreach (var function in LanguageReference.Builtins.Concat(LanguageReference.Forms))
        {
            items.Add(new CompletionItem(function.Name, CompletionItemKinds.Function)
            {
                Detail = function.Signature,
                Documentation = MarkupContent.Markdown(function.Documentation),
                SortText = "2" + function.Name,
            });
        }

        foreach (var kind in EntityKinds.All)
        {
            items.Add(new CompletionItem(kind.CollectionName(), CompletionItemKinds.Variable) { Detail = $"list<{kind.Keyword()}>: every {kind.Keyword()} of the site", SortText = "3" + kind.CollectionName() });
        }

        var keywords = InsideRuleBody(text, start)
            ? LanguageReference.ClauseKeywords.Concat(LanguageReference.ExpressionKeywords)
            : LanguageReference.DeclarationKeywords;
        items.AddRange(keywords.Distinct().Where(k => items.All(i => i.Label != k)).Select(k => new CompletionItem(k, CompletionItemKinds.Keyword) { SortText = "4" + k }));
        return new CompletionList(false, items);
    }

    public Hover? Hover(TextDocument document, Position position)
    {
        if (!document.IsRuleFile)
        {
            return WaiverRuleAt(document, position) is { } waived && workspace.Rules.FirstOrDefault(r => r.Id == waived.Id) is { } rule
                ? new Hover(MarkupContent.Markdown(RuleMarkdown(rule.Id, rule.Title, rule.DefaultSeverity.Name(), rule.Category, rule.Refs, rule.HelpUri)), waived.Range)
                : null;
        }

        var (line, column) = TextDocument.EngineLineColumn(position);
        var units = workspace.UnitsWith(document, document.Text);
        var semantics = RuleSemantics.Analyze(units);
        if (semantics.AttributeAt(document.File, line, column) is { } attribute)
        {
            var name = attribute.Attribute?.Name ?? WordAt(document, position);
            var type = attribute.Attribute?.Type ?? RuleSemantics.MemberType(attribute.TargetType, name)?.Type;
            return type is null ? null : new Hover(MarkupContent.Markdown(LanguageReference.AttributeMarkdown(attribute.Owner, name, type)), TextDocument.RangeOf(attribute.Location));
        }

        if (semantics.ReferenceAt(document.File, line, column) is { } reference)
        {
            return new Hover(MarkupContent.Markdown($"```zpol\n{Signature(reference.Symbol)}\n```"), TextDocument.RangeOf(reference.Location));
        }

        var own = units.FirstOrDefault(u => u.File == document.File);
        if (own?.Rules.FirstOrDefault(r => RuleSemantics.Contains(r.Id.Location, document.File, line, column)) is { } declared)
        {
            var clauses = declared.Clauses;
            var severity = clauses.OfType<SeverityClause>().FirstOrDefault()?.Level.Name ?? "warning";
            var category = clauses.OfType<CategoryClause>().FirstOrDefault()?.Category.Value;
            var refs = clauses.OfType<RefsClause>().SelectMany(r => r.Refs).Select(r => r.Value).ToList();
            var help = clauses.OfType<HelpClause>().FirstOrDefault()?.Help.Value ?? "";
            return new Hover(MarkupContent.Markdown(RuleMarkdown(declared.Id.Name, declared.Title.Value, severity, category, refs, help)), TextDocument.RangeOf(declared.Id.Location));
        }

        var word = WordAt(document, position);
        if ((LanguageReference.Builtin(word) ?? LanguageReference.Form(word)) is { } function && !semantics.Module.ContainsKey(word))
        {
            return new Hover(MarkupContent.Markdown($"```zpol\n{function.Signature}\n```\n\n{function.Documentation}"), null);
        }

        return EntityKinds.TryParseKeyword(word, out var kind)
            ? new Hover(MarkupContent.Markdown($"```zpol\nfor {word} <var>\n```\n\n{KindDescription(kind)}"), null)
            : null;
    }

    public IReadOnlyList<Location> Definition(TextDocument document, Position position)
    {
        if (!document.IsRuleFile)
        {
            return [];
        }

        var (line, column) = TextDocument.EngineLineColumn(position);
        var units = workspace.UnitsWith(document, document.Text);
        var own = units.FirstOrDefault(u => u.File == document.File);
        if (own?.Imports.FirstOrDefault(i => RuleSemantics.Contains(i.Path.Location, document.File, line, column)) is { } import && document.Path is not null)
        {
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document.Path)!, import.Path.Value));
            return File.Exists(target) ? [new Location(DocumentUris.FromPath(target), new Range(new Position(0, 0), new Position(0, 0)))] : [];
        }

        return RuleSemantics.Analyze(units).ReferenceAt(document.File, line, column) is { } reference
            ? [new Location(UriOf(document, reference.Symbol.Declaration.File), TextDocument.RangeOf(reference.Symbol.Declaration))]
            : [];
    }

    public IReadOnlyList<Location> References(TextDocument document, Position position, bool includeDeclaration)
    {
        if (!document.IsRuleFile)
        {
            return [];
        }

        var (line, column) = TextDocument.EngineLineColumn(position);
        var semantics = RuleSemantics.Analyze(workspace.UnitsWith(document, document.Text));
        if (semantics.ReferenceAt(document.File, line, column) is not { } at)
        {
            return [];
        }

        return semantics.References
            .Where(r => r.Symbol.Declaration == at.Symbol.Declaration && r.Symbol.Name == at.Symbol.Name && (includeDeclaration || !r.IsDeclaration))
            .DistinctBy(r => r.Location)
            .OrderBy(r => r.Location.File, StringComparer.Ordinal).ThenBy(r => r.Location.Line).ThenBy(r => r.Location.Column)
            .Select(r => new Location(UriOf(document, r.Location.File), TextDocument.RangeOf(r.Location)))
            .ToList();
    }

    public IReadOnlyList<DocumentSymbol> Symbols(TextDocument document)
    {
        if (!document.IsRuleFile || RuleParser.Parse(document.Text, document.File).Unit is not { } unit)
        {
            return [];
        }

        var symbols = new List<(SourceLocation Location, DocumentSymbol Symbol)>();
        if (unit.Pack is { } pack)
        {
            symbols.Add((pack.Location, Symbol(pack.Name.Name, pack.Title?.Value, SymbolKinds.Package, pack.Location, pack.Name.Location)));
        }

        symbols.AddRange(unit.Imports.Select(i => (i.Location, Symbol(i.Path.Value, "import", SymbolKinds.Module, i.Location, i.Path.Location))));
        symbols.AddRange(unit.Params.Select(p => (p.Location, Symbol(p.Name.Name, "param", SymbolKinds.Constant, p.Location, p.Name.Location))));
        symbols.AddRange(unit.Lets.Select(l => (l.Location, l.Parameters is null
            ? Symbol(l.Name.Name, "let", SymbolKinds.Constant, l.Location, l.Name.Location)
            : Symbol(l.Name.Name, $"({string.Join(", ", l.Parameters.Select(p => p.Name))})", SymbolKinds.Function, l.Location, l.Name.Location))));
        symbols.AddRange(unit.Rules.Select(r => (r.Location, Symbol(r.Id.Name, r.Title.Value, SymbolKinds.Class, r.Location, r.Id.Location))));
        return symbols.OrderBy(s => s.Location.Line).ThenBy(s => s.Location.Column).Select(s => s.Symbol).ToList();
    }

    /// <summary>Quick fixes: each of our diagnostics that says "did you mean `x`?" becomes an edit that writes `x` in its place.</summary>
    public IReadOnlyList<CodeAction> CodeActions(TextDocument document, CodeActionContext context)
    {
        var actions = new List<CodeAction>();
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Source != WorkspaceState.DiagnosticSource || DidYouMean().Match(diagnostic.Message) is not { Success: true } match)
            {
                continue;
            }

            var suggestion = match.Groups[1].Value;
            var start = document.OffsetOf(diagnostic.Range.Start);
            var end = document.OffsetOf(diagnostic.Range.End);
            var replaced = document.Text[start..end];
            var newText = replaced.StartsWith('"') && replaced.EndsWith('"') && replaced.Length >= 2 ? $"\"{suggestion}\"" : suggestion;
            var edit = new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>> { [document.Uri] = [new TextEdit(diagnostic.Range, newText)] });
            actions.Add(new CodeAction($"Change to `{suggestion}`", "quickfix", [diagnostic], edit) { IsPreferred = true });
        }

        return actions;
    }

    /// <summary>
    /// The edit that gives a rule file the layout of <c>zpol fmt</c> (<see cref="RuleFormatter"/>): one replacement
    /// of the span between the longest unchanged start and end, so the editor keeps the cursor and the marks
    /// outside it. None for a file with syntax errors (its diagnostics say why), a formatted file or another kind of file.
    /// </summary>
    public static IReadOnlyList<TextEdit> Format(TextDocument document)
    {
        if (!document.IsRuleFile || RuleFormatter.Format(document.Text, document.File).Text is not { } formatted || formatted == document.Text)
        {
            return [];
        }

        var text = document.Text;
        var limit = Math.Min(text.Length, formatted.Length);
        var prefix = 0;
        while (prefix < limit && text[prefix] == formatted[prefix])
        {
            prefix++;
        }

        // Never split a line break or a surrogate pair between kept and replaced text.
        if (prefix > 0 && (text[prefix - 1] == '\r' || char.IsHighSurrogate(text[prefix - 1])))
        {
            prefix--;
        }

        var suffix = 0;
        while (suffix < limit - prefix && text[^(suffix + 1)] == formatted[^(suffix + 1)])
        {
            suffix++;
        }

        if (suffix > 0 && (text[^suffix] == '\n' || char.IsLowSurrogate(text[^suffix])))
        {
            suffix--;
        }

        var range = new Range(document.PositionOf(prefix), document.PositionOf(text.Length - suffix));
        return [new TextEdit(range, formatted[prefix..^suffix])];
    }

    private static DocumentSymbol Symbol(string name, string? detail, int kind, SourceLocation location, SourceLocation selection) =>
        new(name, detail, kind, TextDocument.RangeOf(location), TextDocument.RangeOf(selection));

    private static string Signature(Symbol symbol) => symbol.Kind switch
    {
        SymbolKind.Parameter when symbol.Node is Syntax.ParamDeclaration param => $"param {symbol.Name}: {symbol.Type}" + LiteralSuffix(param.Value),
        SymbolKind.Helper when symbol.Node is LetDeclaration let => $"let {symbol.Name}({string.Join(", ", (let.Parameters ?? []).Select(p => p.Name))})",
        SymbolKind.Constant => $"let {symbol.Name}: {symbol.Type}",
        SymbolKind.HelperParameter => $"(helper parameter) {symbol.Name}",
        _ => $"(variable) {symbol.Name}: {symbol.Type}",
    };

    private static string LiteralSuffix(Expression value) => value is LiteralExpression { Value: { } v } ? $" = {Literal(v)}" : "";

    private static string Literal(object value) => value switch
    {
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        DateOnly d => $"@{d:yyyy-MM-dd}",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string RuleMarkdown(string id, string title, string severity, string? category, IReadOnlyList<string> refs, string help)
    {
        var text = new StringBuilder($"**{id}**: {title}\n\nseverity `{severity}`");
        if (category is not null)
        {
            text.Append($", category {category}");
        }

        if (refs.Count > 0)
        {
            text.Append($"\n\nrefs: {string.Join("; ", refs)}");
        }

        if (help.Length > 0)
        {
            text.Append($"\n\n[help]({help})");
        }

        return text.ToString();
    }

    private static IReadOnlyList<CompletionItem> MemberItems(AttributeReference? member)
    {
        if (member is null)
        {
            return [];
        }

        var (owner, attributes) = member.TargetType switch
        {
            EntityType entity => (entity.Kind.Keyword(), TopologySchema.For(entity.Kind).Attributes.Select(a => (Name: a.Name, a.Type))),
            RecordType record => (record.Shape.Name, record.Shape.Attributes.Select(a => (Name: a.Name, a.Type))),
            PrimitiveType p when p == ZpType.Path => ("path", new[] { "length", "assets", "flows" }.Select(n => (Name: n, RuleSemantics.MemberType(p, n)!.Value.Type))),
            _ => ("", []),
        };
        return attributes.Select(a => new CompletionItem(a.Name, CompletionItemKinds.Field)
        {
            Detail = a.Type.Name,
            Documentation = MarkupContent.Markdown(LanguageReference.AttributeMarkdown(owner, a.Name, a.Type)),
        }).ToList();
    }

    private IReadOnlyList<CompletionItem> RuleIdItems() =>
        workspace.Rules.Select(r => new CompletionItem(r.Id, CompletionItemKinds.Value) { Detail = r.Title }).ToList();

    private static string KindDescription(EntityKind kind) => LanguageReference.KindDescription(kind.Keyword());

    private static string? PreviousWord(string before)
    {
        var end = before.Length;
        var start = end;
        while (start > 0 && (char.IsLetterOrDigit(before[start - 1]) || before[start - 1] == '_'))
        {
            start--;
        }

        return start < end ? before[start..end] : null;
    }

    private static string WordAt(TextDocument document, Position position)
    {
        var text = document.Text;
        var offset = document.OffsetOf(position);
        var start = offset;
        var end = offset;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_'))
        {
            start--;
        }

        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return text[start..end];
    }

    /// <summary>True when the offset is inside a string or after <c>//</c> on its line (block comments are rare inside rules).</summary>
    private static bool InsideStringOrComment(string text, int offset)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        var inString = false;
        for (var i = lineStart; i < offset; i++)
        {
            if (inString && text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                inString = !inString;
            }
            else if (!inString && text[i] == '/' && i + 1 < offset && text[i + 1] == '/')
            {
                return true;
            }
        }

        return inString;
    }

    /// <summary>True when the offset is between a rule's braces.</summary>
    private static bool InsideRuleBody(string text, int offset)
    {
        var (tokens, _) = RuleTokenizer.Scan(text[..offset]);
        var depth = 0;
        var inRule = false;
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case RuleToken.Rule:
                    inRule = true;
                    depth = 0;
                    break;
                case RuleToken.LBrace:
                    depth++;
                    break;
                case RuleToken.RBrace:
                    depth--;
                    inRule &= depth > 0;
                    break;
            }
        }

        return inRule && depth > 0;
    }

    private static bool WaiverRuleContext(TextDocument document, Position position)
    {
        var before = document.Text[..document.OffsetOf(position)];
        return before.Contains("\"waivers\"", StringComparison.Ordinal) && WaiverRuleValue().IsMatch(before);
    }

    private static (string Id, Range Range)? WaiverRuleAt(TextDocument document, Position position)
    {
        var offset = document.OffsetOf(position);
        foreach (Match match in WaiverRuleProperty().Matches(document.Text))
        {
            var value = match.Groups[1];
            if (offset >= value.Index && offset <= value.Index + value.Length)
            {
                return (value.Value, new Range(document.PositionOf(value.Index), document.PositionOf(value.Index + value.Length)));
            }
        }

        return null;
    }

    private string UriOf(TextDocument document, string file) =>
        file == document.File ? document.Uri : workspace.Get(DocumentUris.FromPath(file))?.Uri ?? DocumentUris.FromPath(file);

    [GeneratedRegex("did you mean `([^`]+)`\\?")]
    private static partial Regex DidYouMean();

    [GeneratedRegex("\"rule\"\\s*:\\s*\"[^\"\\n]*$")]
    private static partial Regex WaiverRuleValue();

    [GeneratedRegex("\"rule\"\\s*:\\s*\"([^\"\\n]*)\"")]
    private static partial Regex WaiverRuleProperty();
}
