using System.Diagnostics;
using ZonePolicy.Diagnostics;
using ZonePolicy.Packs;
using ZonePolicy.Scripting;
using ZonePolicy.Syntax;
using ZonePolicy.Types;

namespace ZonePolicy.Binding;

/// <summary>A `--param` value, already parsed from its literal syntax, and where it was given.</summary>
internal sealed record ParameterOverride(string Name, object? Value, string Text, SourceLocation Location);

/// <summary>
/// Binds every compilation of a check into one program: declares each module's params, constants and
/// helpers, applies parameter overrides, binds the rules, and checks rule ids are unique across all.
/// </summary>
internal static class ProgramBinder
{
    /// <summary>
    /// The prefix of the engine's own ids. Severity settings and baselines name rules and engine diagnostics
    /// alike, ignoring case, so a rule may not take an id that could be, or become, one of the engine's.
    /// </summary>
    private const string ReservedPrefix = "ZP";

    public static BoundProgram Bind(IReadOnlyList<SourceModule> modules, IReadOnlyList<ParameterOverride> overrides, DiagnosticBag diagnostics)
    {
        var program = new ProgramState();
        var rules = new List<BoundRule>();
        var ruleIds = new Dictionary<string, RuleDeclaration>(StringComparer.Ordinal);
        var usedOverrides = new HashSet<ParameterOverride>();
        var bound = new List<BoundModule>();

        foreach (var module in modules)
        {
            var symbols = DeclareModule(module, program, diagnostics);
            foreach (var applied in ApplyOverrides(symbols, overrides, diagnostics))
            {
                usedOverrides.Add(applied);
            }

            var context = new BindingContext(symbols, diagnostics, program);
            foreach (var constant in module.DeclaringUnits.SelectMany(u => u.Lets).Where(l => l.Parameters is null))
            {
                if (symbols.Lookup(constant.Name.Name) is ConstantDeclaration declared && declared.Declaration == constant)
                {
                    context.EnsureBound(declared, constant.Name.Location);
                }
            }

            var ruleBinder = new RuleBinder(context);
            var pack = module.Units.Select(u => u.Pack?.Name.Name).FirstOrDefault(name => name is not null) ?? module.Pack?.Manifest?.HeaderName;
            var moduleRules = new List<string>();
            foreach (var rule in module.Units.SelectMany(u => u.Rules))
            {
                if (ruleIds.TryGetValue(rule.Id.Name, out var first))
                {
                    diagnostics.Add(DiagnosticDescriptors.DuplicateRuleId, rule.Id.Location, rule.Id.Name, first.Id.Location);
                    continue;
                }

                if (rule.Id.Name.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    diagnostics.Add(DiagnosticDescriptors.ReservedRuleId, rule.Id.Location, rule.Id.Name);
                }

                ruleIds.Add(rule.Id.Name, rule);
                var boundRule = ruleBinder.Bind(rule);
                rules.Add(boundRule with { Info = boundRule.Info with { Pack = pack } });
                moduleRules.Add(rule.Id.Name);
            }

            bound.Add(new BoundModule(module, pack, symbols, moduleRules));
        }

        foreach (var unknown in overrides.Where(o => !usedOverrides.Contains(o)))
        {
            var known = modules.Count == 0 ? [] : modules.SelectMany(m => m.DeclaringUnits).SelectMany(u => u.Params).Select(p => p.Name.Name).Distinct();
            diagnostics.Add(DiagnosticDescriptors.UnknownParameter, unknown.Location, unknown.Name, NameSuggestions.DidYouMean(unknown.Name, known));
        }

        return new BoundProgram(RuleEquivalences.Link(rules, diagnostics), program.Constants, program.PathSites) { Modules = bound, ScriptFunctions = program.ScriptFunctions };
    }

    private static ModuleSymbols DeclareModule(SourceModule module, ProgramState program, DiagnosticBag diagnostics)
    {
        var symbols = new ModuleSymbols();
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);

        void Declare(Identifier name, object symbol)
        {
            if (symbols.TryDeclare(name.Name, symbol))
            {
                locations[name.Name] = name.Location;
            }
            else
            {
                diagnostics.Add(DiagnosticDescriptors.DuplicateDeclaration, name.Location, name.Name, locations[name.Name]);
            }
        }

        foreach (var function in ScriptFunctionsOf(module, program))
        {
            if (ExpressionBinder.IsBuiltin(function.Name))
            {
                diagnostics.Add(DiagnosticDescriptors.ScriptFunctionIsBuiltin, function.Declaration.Location, function.Name);
                continue;
            }

            Declare(new Identifier(function.Name, function.Declaration.Location), function);
        }

        foreach (var unit in module.DeclaringUnits)
        {
            foreach (var param in unit.Params)
            {
                Declare(param.Name, DeclareParam(param, diagnostics));
            }

            foreach (var let in unit.Lets)
            {
                ReportDuplicateParameters(let, diagnostics);
                Declare(let.Name, let.Parameters is null
                    ? new ConstantDeclaration(let, program.AddConstant(let.Name.Name, let.Name.Location))
                    : new FunctionSymbol(let));
            }
        }

        return symbols;
    }

    /// <summary>The C# functions a compilation can call: its own pack's, and those of the packs it imports files from.</summary>
    private static IEnumerable<ScriptFunctionSymbol> ScriptFunctionsOf(SourceModule module, ProgramState program)
    {
        var packs = module.Imported.Select(i => i.From).Prepend(module.Pack).OfType<ResolvedPack>().DistinctBy(p => p.Name);
        return packs.SelectMany(pack => (pack.Manifest?.Functions ?? []).Select(declaration => program.ScriptFunction(pack, declaration)));
    }

    private static void ReportDuplicateParameters(LetDeclaration let, DiagnosticBag diagnostics)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in let.Parameters ?? [])
        {
            if (!names.Add(parameter.Name))
            {
                diagnostics.Add(DiagnosticDescriptors.DuplicateParameter, parameter.Location, let.Name.Name, parameter.Name);
            }
        }
    }

    private static ParamSymbol DeclareParam(ParamDeclaration param, DiagnosticBag diagnostics)
    {
        var value = ConstantValue(param.Value);
        if (ValueTypes.FindMix(value) is { } mix)
        {
            diagnostics.Add(DiagnosticDescriptors.MixedList, ElementAt(param.Value, mix.Path).Location, mix.Found, mix.After);
            return new ParamSymbol(param.Name.Name, ZpType.Error, null, param.Name.Location);
        }

        var type = ValueTypes.Of(value);
        return new ParamSymbol(param.Name.Name, type, ValueTypes.Widen(value, type), param.Name.Location);
    }

    /// <summary>The element of nested list literals that <paramref name="path"/> leads to.</summary>
    private static Expression ElementAt(Expression list, IReadOnlyList<int> path) =>
        path.Aggregate(list, (expression, index) => ((ListExpression)expression).Items[index]);

    private static IEnumerable<ParameterOverride> ApplyOverrides(ModuleSymbols symbols, IReadOnlyList<ParameterOverride> overrides, DiagnosticBag diagnostics)
    {
        foreach (var parameterOverride in overrides)
        {
            if (symbols.Lookup(parameterOverride.Name) is not ParamSymbol param)
            {
                continue;
            }

            if (ValueTypes.FindMix(parameterOverride.Value) is { } mix)
            {
                diagnostics.Add(DiagnosticDescriptors.MixedParameterList, parameterOverride.Location, param.Name, parameterOverride.Text, mix.Found, mix.After);
                yield return parameterOverride;
                continue;
            }

            var valueType = ValueTypes.Of(parameterOverride.Value);
            if (valueType == ZpType.Null || !ExpressionBinder.Fits(valueType, param.Type) || valueType == ZpType.Error)
            {
                diagnostics.Add(DiagnosticDescriptors.InvalidParameterValue, parameterOverride.Location, param.Name, param.Type, parameterOverride.Text, valueType);
            }
            else
            {
                symbols.Replace(param.Name, param with { Value = ValueTypes.Widen(parameterOverride.Value, param.Type) });
            }

            yield return parameterOverride;
        }
    }

    /// <summary>The value of a literal or a list of literals: the parser gives a <c>param</c> no other value.</summary>
    private static object? ConstantValue(Expression expression) => expression switch
    {
        LiteralExpression literal => literal.Value,
        ListExpression list => ListValue(list),
        _ => throw new UnreachableException($"a param's value is a {expression.GetType().Name}"),
    };

    private static object?[] ListValue(ListExpression list) => [.. list.Items.Select(ConstantValue)];
}
