using ZonePolicy.Binding;
using ZonePolicy.Diagnostics;
using ZonePolicy.Evaluation;
using ZonePolicy.Inputs;
using ZonePolicy.Syntax;
using ZonePolicy.Topology;

namespace ZonePolicy;

/// <summary>
/// Checks one workspace again and again, as a language server does after each edit, with the results of
/// <see cref="PolicyEngine.Check"/>: it keeps the syntax trees of rule texts that did not change, the compiled
/// rules while no rule text or parameter changed, and each topology's model and violations while neither its
/// text nor the rules (nor the C# functions of their packs) changed. One check at a time.
/// </summary>
public sealed class CheckSession
{
    private readonly Lock gate = new();

    internal ParseCache Parses { get; } = new();

    internal ProgramCache Programs { get; } = new();

    internal SiteCache Sites { get; } = new();

    /// <summary>The content keys of the C# scripts the last check ran; violations found with other scripts are not reused.</summary>
    internal string Scripts { get; private set; } = "";

    /// <summary>Records the scripts this check runs; when they are not those of the last check, forgets the violations found with those.</summary>
    internal void RunScripts(string scripts)
    {
        if (scripts != Scripts)
        {
            Sites.ForgetViolations();
            Scripts = scripts;
        }
    }

    public CheckResult Check(CheckRequest request)
    {
        lock (gate)
        {
            var result = PolicyEngine.CheckIn(this, request);
            Parses.Sweep();
            Sites.Sweep();
            return result;
        }
    }
}

/// <summary>Syntax trees by file and text: a text parsed before is not parsed again.</summary>
internal sealed class ParseCache
{
    private readonly Dictionary<(string Path, string Display), Entry> entries = [];

    public ParseResult Parse(string fullPath, string display, string text)
    {
        if (entries.TryGetValue((fullPath, display), out var entry) && string.Equals(entry.Text, text, StringComparison.Ordinal))
        {
            entry.Used = true;
            return entry.Result;
        }

        var result = RuleParser.Parse(text, display);
        entries[(fullPath, display)] = new Entry(text, result) { Used = true };
        return result;
    }

    /// <summary>Forgets the files the last check did not read.</summary>
    public void Sweep()
    {
        foreach (var (key, entry) in entries.ToList())
        {
            if (!entry.Used)
            {
                entries.Remove(key);
            }

            entry.Used = false;
        }
    }

    private sealed class Entry(string text, ParseResult result)
    {
        public string Text { get; } = text;

        public ParseResult Result { get; } = result;

        public bool Used { get; set; }
    }
}

/// <summary>The last compiled program and the diagnostics its binding reported, while its inputs stay the same.</summary>
internal sealed class ProgramCache
{
    private IReadOnlyList<SourceModule>? modules;
    private IReadOnlyList<ParameterOverride>? overrides;
    private (BoundProgram Program, CompiledProgram? Compiled, IReadOnlyList<Diagnostic> Diagnostics) last;

    /// <summary>The program compiled last, while it is kept.</summary>
    public CompiledProgram? Current => last.Compiled;

    /// <summary>The program of these modules and overrides, bound and compiled anew only when one of them changed.</summary>
    public (BoundProgram Program, CompiledProgram? Compiled, IReadOnlyList<Diagnostic> Diagnostics) Bind(
        IReadOnlyList<SourceModule> currentModules, IReadOnlyList<ParameterOverride> currentOverrides)
    {
        if (modules is not null && SameModules(modules, currentModules) && overrides!.SequenceEqual(currentOverrides, OverrideComparer.Instance))
        {
            return last;
        }

        var diagnostics = new DiagnosticBag();
        var program = ProgramBinder.Bind(currentModules, currentOverrides, diagnostics);
        var compiled = diagnostics.HasErrors ? null : CompiledProgram.Compile(program);
        (modules, overrides, last) = (currentModules, currentOverrides, (program, compiled, diagnostics.Items));
        return last;
    }

    // What the binder reads of a module: its root, its own units and the units it imports from packs. Syntax trees
    // come from the parse cache, so an unchanged file is the same tree object.
    private static bool SameModules(IReadOnlyList<SourceModule> a, IReadOnlyList<SourceModule> b) =>
        a.Count == b.Count && a.Zip(b).All(pair => pair.First.Root == pair.Second.Root
            && pair.First.Pack?.Name == pair.Second.Pack?.Name
            && SameItems(pair.First.Units, pair.Second.Units)
            && SameItems(pair.First.Imported.Select(i => i.Unit).ToList(), pair.Second.Imported.Select(i => i.Unit).ToList()));

    private static bool SameItems<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
        where T : class =>
        a.Count == b.Count && a.Zip(b).All(items => ReferenceEquals(items.First, items.Second));

    private sealed class OverrideComparer : IEqualityComparer<ParameterOverride>
    {
        public static readonly OverrideComparer Instance = new();

        public bool Equals(ParameterOverride? x, ParameterOverride? y) => x?.Name == y?.Name && x?.Text == y?.Text && x?.Location == y?.Location;

        public int GetHashCode(ParameterOverride obj) => HashCode.Combine(obj.Name, obj.Text, obj.Location);
    }
}

/// <summary>
/// Each topology's load result by path and content, and what each rule found in it under the program and date it
/// was checked with. After an edit of the topology, the rules whose reads did not change (<see cref="RuleReads"/>,
/// <see cref="ModelChanges"/>) keep what they found in the load before, moved over to the new model.
/// </summary>
internal sealed class SiteCache
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private (CompiledProgram Program, RuleReads[] Reads)? reads;

    /// <summary>The model of a topology as read, reused while its bytes are the same.</summary>
    public LoadResult Load(InputFile file)
    {
        entries.TryGetValue(file.FullPath, out var entry);
        if (entry is not null && entry.DisplayPath == file.DisplayPath && entry.Bytes.AsSpan().SequenceEqual(file.Bytes))
        {
            entry.Used = true;
            return entry.Loaded;
        }

        var loaded = TopologyLoader.LoadBytes(file.Bytes, file.DisplayPath);
        var before = entry?.Loaded.Model is { } model && entry.Found is { } found ? new Evaluated(model, found) : entry?.Before;
        entries[file.FullPath] = new Entry(file.DisplayPath, file.Bytes, loaded) { Used = true, Before = before };
        return loaded;
    }

    /// <summary>What can be kept of the findings in this topology for this program and date: all of them, some, or nothing (null).</summary>
    public SiteReuse? Reuse(InputFile file, CompiledProgram program, DateOnly today)
    {
        if (!entries.TryGetValue(file.FullPath, out var entry) || entry.Loaded.Model is not { } model)
        {
            return null;
        }

        if (entry.Found is { } found && found.Program == program && found.Today == today)
        {
            return new SiteReuse(found.ByRule, model, Changes: null, Reads: null);
        }

        if (entry.Before is { } before && before.Found.Program == program && before.Found.Today == today
            && ModelChanges.Between(before.Model, model) is { } changes)
        {
            return new SiteReuse(before.Found.ByRule, model, changes, ReadsOf(program));
        }

        return null;
    }

    /// <summary>Keeps what each rule found in the topology as read last.</summary>
    public void Remember(InputFile file, CompiledProgram program, DateOnly today, IReadOnlyList<Violation>[] byRule)
    {
        if (entries.TryGetValue(file.FullPath, out var entry))
        {
            entry.Found = new Findings(program, today, byRule);
            entry.Before = null;
        }
    }

    public void ForgetViolations()
    {
        foreach (var entry in entries.Values)
        {
            entry.Found = null;
            entry.Before = null;
        }
    }

    public void Sweep()
    {
        foreach (var (key, entry) in entries.ToList())
        {
            if (!entry.Used)
            {
                entries.Remove(key);
            }

            entry.Used = false;
        }
    }

    private RuleReads[] ReadsOf(CompiledProgram program)
    {
        if (reads is not { } known || known.Program != program)
        {
            known = (program, [.. program.Rules.Select(rule => RuleReads.Of(rule.Rule))]);
            reads = known;
        }

        return known.Reads;
    }

    private sealed record Findings(CompiledProgram Program, DateOnly Today, IReadOnlyList<Violation>[] ByRule);

    /// <summary>A model and what the rules found in it: the base an edit is compared with.</summary>
    private sealed record Evaluated(SiteModel Model, Findings Found);

    private sealed class Entry(string displayPath, byte[] bytes, LoadResult loaded)
    {
        public string DisplayPath { get; } = displayPath;

        public byte[] Bytes { get; } = bytes;

        public LoadResult Loaded { get; } = loaded;

        public bool Used { get; set; }

        public Findings? Found { get; set; }

        /// <summary>The last load that was evaluated, while this one is not yet.</summary>
        public Evaluated? Before { get; set; }
    }
}

/// <summary>The findings of a previous check of a topology, by rule, and which of them hold in the model checked now.</summary>
internal sealed record SiteReuse(IReadOnlyList<Violation>[] ByRule, SiteModel Model, ModelChanges? Changes, RuleReads[]? Reads)
{
    /// <summary>What rule <paramref name="index"/> finds in <see cref="Model"/>, when it is known without evaluating it.</summary>
    public IReadOnlyList<Violation>? For(int index)
    {
        if (Changes is null)
        {
            return ByRule[index];
        }

        if (!Reads![index].Unaffected(Changes))
        {
            return null;
        }

        var moved = new Violation[ByRule[index].Count];
        for (var i = 0; i < moved.Length; i++)
        {
            if (ByRule[index][i].In(Model) is not { } violation)
            {
                return null;
            }

            moved[i] = violation;
        }

        return moved;
    }
}
