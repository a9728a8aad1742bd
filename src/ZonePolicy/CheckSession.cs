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

/// <summary>Each topology's load result by path and content, and its violations under the program and date they were found with.</summary>
internal sealed class SiteCache
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>The model of a topology as read, reused while its bytes are the same.</summary>
    public LoadResult Load(InputFile file)
    {
        if (entries.TryGetValue(file.FullPath, out var entry) && entry.DisplayPath == file.DisplayPath && entry.Bytes.AsSpan().SequenceEqual(file.Bytes))
        {
            entry.Used = true;
            return entry.Loaded;
        }

        var loaded = TopologyLoader.LoadBytes(file.Bytes, file.DisplayPath);
        entries[file.FullPath] = new Entry(file.DisplayPath, file.Bytes, loaded) { Used = true };
        return loaded;
    }

    /// <summary>The violations found before for this site, program and date, or null.</summary>
    public IReadOnlyList<(Violation Violation, Diagnostic Diagnostic)>? Violations(InputFile file, CompiledProgram program, DateOnly today) =>
        entries.TryGetValue(file.FullPath, out var entry) && entry.Evaluated is { } evaluated
            && ReferenceEquals(evaluated.Program, program) && evaluated.Today == today
            ? evaluated.Found
            : null;

    public void Remember(InputFile file, CompiledProgram program, DateOnly today, IReadOnlyList<(Violation, Diagnostic)> found)
    {
        if (entries.TryGetValue(file.FullPath, out var entry))
        {
            entry.Evaluated = (program, today, found);
        }
    }

    public void ForgetViolations()
    {
        foreach (var entry in entries.Values)
        {
            entry.Evaluated = null;
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

    private sealed class Entry(string displayPath, byte[] bytes, LoadResult loaded)
    {
        public string DisplayPath { get; } = displayPath;

        public byte[] Bytes { get; } = bytes;

        public LoadResult Loaded { get; } = loaded;

        public bool Used { get; set; }

        public (CompiledProgram Program, DateOnly Today, IReadOnlyList<(Violation, Diagnostic)> Found)? Evaluated { get; set; }
    }
}
