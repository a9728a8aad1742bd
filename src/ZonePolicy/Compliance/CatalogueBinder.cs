using ZonePolicy.Binding;
using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;
using ZonePolicy.Types;

namespace ZonePolicy.Compliance;

/// <summary>
/// Finds the clause catalogue of each compiled pack (<c>catalogue.json</c> at its root) and ties it to the
/// pack's rules: every <c>refs</c> entry of a rule names a clause (ZP0341), every clause is automated by a
/// rule, needs an attestation or is not applicable (ZP0342), and every <c>appliesWhen</c> names a boolean
/// constant of the pack (ZP0343).
/// </summary>
internal static class CatalogueBinder
{
    public static IReadOnlyList<BoundCatalogue> Bind(BoundProgram program, CheckInputs inputs, DiagnosticBag diagnostics)
    {
        var rules = program.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var bound = new List<BoundCatalogue>();
        foreach (var module in program.Modules)
        {
            var path = Path.Combine(module.Source.Root, Catalogue.FileName);
            if (!IsPresent(path) || Read(path, module, inputs, diagnostics) is not { } file)
            {
                continue;
            }

            var read = new List<Diagnostic>();
            var catalogue = CatalogueReader.Parse(file.Bytes, file.DisplayPath, read);
            diagnostics.AddRange(read);
            if (catalogue is not null)
            {
                var moduleRules = module.RuleIds.Select(id => rules.GetValueOrDefault(id)).OfType<BoundRule>().ToList();
                bound.Add(Tie(catalogue, module, moduleRules, diagnostics));
            }
        }

        return bound;
    }

    /// <summary>Whether the pack has something named like a catalogue: a file, a folder, or a link, even a broken one, which reading then reports.</summary>
    private static bool IsPresent(string path) => Path.Exists(path) || new FileInfo(path).LinkTarget is not null;

    /// <summary>The catalogue's bytes; a link that leads out of the pack's folder is refused, as a rule file's is.</summary>
    private static InputFile? Read(string path, BoundModule module, CheckInputs inputs, DiagnosticBag diagnostics)
    {
        var display = DisplayPath(module);
        var real = RealPath.Resolve(path, inputs.WorkingDirectory);
        if (real is null || !RealPath.IsWithin(real, module.Source.Root))
        {
            diagnostics.Add(DiagnosticDescriptors.CatalogueOutsidePack, SourceLocation.InFile(display), display, real ?? path, module.Source.Root);
            return null;
        }

        return inputs.Read(real, display, InputKind.Catalogue);
    }

    private static BoundCatalogue Tie(Catalogue catalogue, BoundModule module, IReadOnlyList<BoundRule> rules, DiagnosticBag diagnostics)
    {
        var clauses = catalogue.Clauses.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var byClause = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            foreach (var reference in rule.Refs)
            {
                if (!clauses.ContainsKey(reference.Value))
                {
                    diagnostics.Add(DiagnosticDescriptors.RefNotInCatalogue, reference.Location, reference.Value, rule.Id, catalogue.File,
                        NameSuggestions.DidYouMean(reference.Value, clauses.Keys));
                    continue;
                }

                if (!byClause.TryGetValue(reference.Value, out var citing))
                {
                    byClause.Add(reference.Value, citing = []);
                }

                if (!citing.Contains(rule.Id))
                {
                    citing.Add(rule.Id);
                }
            }
        }

        var conditions = new Dictionary<string, ConstantSymbol>(StringComparer.Ordinal);
        foreach (var clause in catalogue.Clauses)
        {
            var automated = byClause.GetValueOrDefault(clause.Id);
            if (clause.NotApplicable is not null && automated is { Count: > 0 })
            {
                diagnostics.Add(DiagnosticDescriptors.NotApplicableClauseAutomated, clause.Location, clause.Id, automated[0]);
            }
            else if (clause.NotApplicable is null && clause.Attestation is null && automated is null)
            {
                diagnostics.Add(DiagnosticDescriptors.ClauseNotAccountedFor, clause.Location, clause.Id);
            }

            if (clause.AppliesWhen is { } condition && Condition(clause, condition, module, diagnostics) is { } constant)
            {
                conditions.Add(clause.Id, constant);
            }
        }

        var pack = PackName(module);
        return new BoundCatalogue(catalogue, pack, byClause.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal), conditions);
    }

    private static ConstantSymbol? Condition(CatalogueClause clause, ClauseCondition condition, BoundModule module, DiagnosticBag diagnostics)
    {
        if (module.Symbols.Lookup(condition.Constant) is not ConstantDeclaration declared)
        {
            var constants = module.Symbols.Names.Where(n => module.Symbols.Lookup(n) is ConstantDeclaration);
            diagnostics.Add(DiagnosticDescriptors.UnknownClauseConstant, condition.Location, clause.Id, condition.Constant, NameSuggestions.DidYouMean(condition.Constant, constants));
            return null;
        }

        if (declared.Symbol.Type != ZpType.Bool)
        {
            diagnostics.Add(DiagnosticDescriptors.ClauseConstantNotBool, condition.Location, clause.Id, condition.Constant, declared.Symbol.Type);
            return null;
        }

        return declared.Symbol;
    }

    /// <summary>The pack's name as users write it (<c>meti-factory-guidelines</c>): its manifest's, or its folder's name.</summary>
    private static string PackName(BoundModule module) =>
        module.Source.Pack?.Name ?? Path.GetFileName(module.Source.Root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));

    /// <summary>The catalogue's path as diagnostics show it: beside the pack's rule files, as they are shown.</summary>
    private static string DisplayPath(BoundModule module)
    {
        if (module.Source.Pack is { } pack)
        {
            return $"{pack.DisplayFolder.TrimEnd('/', '\\')}/{Catalogue.FileName}";
        }

        var unit = module.Source.Units.FirstOrDefault();
        if (unit is null)
        {
            return Path.Combine(module.Source.Root, Catalogue.FileName);
        }

        var tail = Path.GetRelativePath(module.Source.Root, Path.GetFullPath(unit.File)).Replace('\\', '/');
        var shown = unit.File.Replace('\\', '/');
        var root = !tail.StartsWith("..", StringComparison.Ordinal) && shown.EndsWith(tail, StringComparison.Ordinal)
            ? shown[..^tail.Length].TrimEnd('/')
            : module.Source.Root;
        return root.Length == 0 ? Catalogue.FileName : $"{root}/{Catalogue.FileName}";
    }
}
