using System.Diagnostics;
using ZonePolicy.Diagnostics;
using ZonePolicy.Syntax;
using ZonePolicy.Topology;
using ZonePolicy.Types;

namespace ZonePolicy.Binding;

/// <summary>Checks a rule's clauses (which are required, which unique, in what order) and binds them.</summary>
internal sealed class RuleBinder(BindingContext context)
{
    private static readonly string[] KindNames = EntityKinds.All.Select(k => k.Keyword()).ToArray();

    public BoundRule Bind(RuleDeclaration rule)
    {
        var frame = new FrameLayout();
        var binder = new ExpressionBinder(context, frame);
        var scope = Scope.Empty;
        var steps = new List<BoundStep>();
        var seen = new Dictionary<Type, RuleClause>();
        var severity = Severity.Warning;
        string? category = null;
        string? help = null;
        var refs = new List<StringLiteral>();
        var sameAs = new List<StringLiteral>();
        ConditionClause? condition = null;
        BoundExpression? boundCondition = null;
        BoundExpression? at = null;
        IReadOnlyList<BoundMessagePart>? message = null;
        var ruleVariables = new List<VariableSymbol>();

        foreach (var clause in rule.Clauses)
        {
            if (clause is not (ForClause or LetClause) && !seen.TryAdd(clause.GetType(), clause))
            {
                context.Error(DiagnosticDescriptors.InvalidRuleStructure, clause.Location, rule.Id.Name, ClauseKeyword(clause));
                continue;
            }

            if (clause is ForClause or LetClause && condition is not null)
            {
                context.Error(DiagnosticDescriptors.ClauseAfterCondition, clause.Location, ClauseKeyword(clause), condition.IsForbid ? "forbid" : "require");
                continue;
            }

            switch (clause)
            {
                case SeverityClause s:
                    severity = s.Level.Name switch
                    {
                        "error" => Severity.Error,
                        "info" => Severity.Info,
                        "warning" => Severity.Warning,
                        _ => throw new UnreachableException($"the parser gives no severity `{s.Level.Name}`"),
                    };
                    break;
                case CategoryClause c:
                    category = c.Category.Value;
                    break;
                case RefsClause r:
                    refs.AddRange(r.Refs);
                    break;
                case HelpClause h:
                    help = h.Help.Value;
                    break;
                case SameAsClause same:
                    sameAs.AddRange(same.Rules.Where(other => IsSameAsTarget(rule, other)));
                    break;
                case ForClause f:
                    scope = BindFor(f, binder, scope, steps, ruleVariables, frame);
                    break;
                case LetClause l:
                    var value = binder.Bind(l.Value, scope);
                    var variable = Declare(l.Name, value.Type, scope, frame);
                    scope = scope.With(variable);
                    steps.Add(new BoundLet(variable, value));
                    break;
                case ConditionClause c:
                    condition = c;
                    boundCondition = binder.BindCondition(c.Condition, scope, $"`{(c.IsForbid ? "forbid" : "require")}`");
                    break;
                case AtClause a:
                    at = BindAt(a, binder, scope);
                    break;
                case MessageClause m:
                    message = m.Template.Parts.Select(p => p switch
                    {
                        TemplateHole hole => (BoundMessagePart)new BoundMessageHole(binder.Bind(hole.Expression, scope)),
                        TemplateText text => new BoundMessageText(text.Text),
                        _ => new BoundMessageText(""),
                    }).ToList();
                    break;
            }
        }

        if (ruleVariables.Count == 0)
        {
            context.Error(DiagnosticDescriptors.NoForClause, rule.Id.Location, rule.Id.Name);
        }

        var info = new RuleInfo(rule.Id.Name, rule.Title.Value, severity, category, refs.Select(r => r.Value).ToList(), HelpUri(help, rule.Location.File), rule.Id.Location)
        {
            SameAs = sameAs.Select(s => s.Value).ToList(),
        };
        return new BoundRule(
            info,
            steps,
            condition?.IsForbid ?? false,
            boundCondition ?? throw new UnreachableException("the parser gives every rule a `require` or `forbid`"),
            at,
            message ?? [new BoundMessageText(rule.Title.Value)],
            frame.Size)
        {
            SameAs = sameAs,
            Refs = refs,
        };
    }

    /// <summary>A <c>sameAs</c> entry is a well-formed rule id other than the rule's own (ZP0345 otherwise).</summary>
    private bool IsSameAsTarget(RuleDeclaration rule, StringLiteral other)
    {
        if (!RuleIds.IsWellFormed(other.Value))
        {
            context.Error(DiagnosticDescriptors.SameAsNotARuleId, other.Location, other.Value);
            return false;
        }

        if (string.Equals(other.Value, rule.Id.Name, StringComparison.Ordinal))
        {
            context.Error(DiagnosticDescriptors.SameAsItself, other.Location, rule.Id.Name);
            return false;
        }

        return true;
    }

    private Scope BindFor(ForClause f, ExpressionBinder binder, Scope scope, List<BoundStep> steps, List<VariableSymbol> ruleVariables, FrameLayout frame)
    {
        if (!EntityKinds.TryParseKeyword(f.Kind.Name, out var kind))
        {
            context.Error(DiagnosticDescriptors.UnknownEntityKind, f.Kind.Location,
                f.Kind.Name, string.Join(", ", KindNames.Select(k => $"`{k}`")), NameSuggestions.DidYouMean(f.Kind.Name, KindNames));
            kind = EntityKind.Asset;
        }

        var entityType = new EntityType(kind);
        BoundExpression? source = null;
        if (f.Source is not null)
        {
            source = binder.Bind(f.Source, scope);
            if (!ExpressionBinder.Fits(source.Type, ZpType.ListOf(entityType)))
            {
                context.Error(DiagnosticDescriptors.ForSourceType, f.Source.Location, kind.Keyword(), f.Variable.Name, source.Type);
            }
        }

        var variable = Declare(f.Variable, entityType, scope, frame);
        var inner = scope.With(variable);
        var where = f.Where is null ? null : binder.BindCondition(f.Where, inner, "`where`");

        // A filter that reads only its own variable is the same for every outer binding: it can run once.
        var invariant = source is null && where is not null && FreeVariables.Of(where).All(v => v == variable);
        steps.Add(new BoundFor(kind, variable, source, where, invariant));
        ruleVariables.Add(variable);
        return inner;
    }

    private BoundExpression? BindAt(AtClause a, ExpressionBinder binder, Scope scope)
    {
        var target = binder.Bind(a.Target, scope);
        if (target.Type is EntityType || target.Type.IsWildcard)
        {
            return target;
        }

        context.Error(DiagnosticDescriptors.AtTarget, a.Target.Location, target.Type);
        return null;
    }

    private VariableSymbol Declare(Identifier name, ZpType type, Scope scope, FrameLayout frame)
    {
        if (scope.Lookup(name.Name) is not null)
        {
            context.Error(DiagnosticDescriptors.DuplicateRuleVariable, name.Location, name.Name);
        }

        return frame.Allocate(name.Name, type);
    }

    private static string ClauseKeyword(RuleClause clause) => clause switch
    {
        SeverityClause => "severity",
        CategoryClause => "category",
        RefsClause => "refs",
        HelpClause => "help",
        SameAsClause => "sameAs",
        ForClause => "for",
        LetClause => "let",
        ConditionClause => "require` or `forbid",
        AtClause => "at",
        _ => "message",
    };

    /// <summary>A help link as written when it is absolute; a relative one is resolved against the rule file's folder.</summary>
    private static string HelpUri(string? help, string ruleFile)
    {
        if (string.IsNullOrWhiteSpace(help))
        {
            return "";
        }

        if (Uri.TryCreate(help, UriKind.Absolute, out var absolute) && !absolute.IsFile)
        {
            return help;
        }

        var folder = Path.GetDirectoryName(ruleFile) ?? "";
        return Path.Combine(folder, help).Replace('\\', '/');
    }
}
