using ZonePolicy.Binding;
using ZonePolicy.Diagnostics;
using ZonePolicy.Evaluation;
using ZonePolicy.Syntax;
using ZonePolicy.Topology;

namespace ZonePolicy;

/// <summary>
/// Checks one workspace again and again, as a language server does after each edit, with the results of
/// <see cref="PolicyEngine.Check"/>: it keeps the syntax trees of rule texts that did not change, the compiled
/// rules while no rule text or parameter changed, and each topology's model and violations while neither its
/// text nor the rules changed. One check at a time.
/// </summary>
public sealed class CheckSession
{
    private readonly Lock gate = new();

    internal ParseCache Parses { get; } = new();

    internal ProgramCache Programs { get; } = new();

    internal SiteCache Sites { get; } = new();

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

    // Syntax trees come from the parse cache, so an unchanged file is the same tree object.
    private static bool SameModules(IReadOnlyList<SourceModule> a, IReadOnlyList<SourceModule> b) =>
        a.Count == b.Count && a.Zip(b).All(pair => pair.First.Root == pair.Second.Root
            && pair.First.Units.Count == pair.Second.Units.Count
            && pair.First.Units.Zip(pair.Second.Units).All(units => ReferenceEquals(units.First, units.Second)));

    private sealed class OverrideComparer : IEqualityComparer<ParameterOverride>
    {
        public static readonly OverrideComparer Instance = new();

        public bool Equals(ParameterOverride? x, ParameterOverride? y) => x?.Name == y?.Name && x?.Text == y?.Text;

        public int GetHashCode(ParameterOverride obj) => HashCode.Combine(obj.Name, obj.Text);
    }
}

/// <summary>Each topology's load result by path and content, and its violations under the program and date they were found with.</summary>
internal sealed class SiteCache
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>Loads a topology from the editor's text or the disk, reusing the model when the content is unchanged.</summary>
    public LoadResult Load(string path, string? document)
    {
        byte[]? bytes = null;
        if (document is null)
        {
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                // The loader reports why the file cannot be read.
                entries.Remove(path);
                return TopologyLoader.Load(path, path);
            }
        }

        if (entries.TryGetValue(path, out var entry) && entry.Matches(document, bytes))
        {
            entry.Used = true;
            return entry.Loaded;
        }

        var loaded = document is null ? TopologyLoader.LoadBytes(bytes, path) : TopologyLoader.LoadText(document, path);
        entries[path] = new Entry(document, bytes, loaded) { Used = true };
        return loaded;
    }

    /// <summary>The violations found before for this site, program and date, or null.</summary>
    public IReadOnlyList<(Violation Violation, Diagnostic Diagnostic)>? Violations(string path, CompiledProgram program, DateOnly today) =>
        entries.TryGetValue(path, out var entry) && entry.Evaluated is { } evaluated
            && ReferenceEquals(evaluated.Program, program) && evaluated.Today == today
            ? evaluated.Found
            : null;

    public void Remember(string path, CompiledProgram program, DateOnly today, IReadOnlyList<(Violation, Diagnostic)> found)
    {
        if (entries.TryGetValue(path, out var entry))
        {
            entry.Evaluated = (program, today, found);
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

    private sealed class Entry(string? document, byte[]? bytes, LoadResult loaded)
    {
        public LoadResult Loaded { get; } = loaded;

        public bool Used { get; set; }

        public (CompiledProgram Program, DateOnly Today, IReadOnlyList<(Violation, Diagnostic)> Found)? Evaluated { get; set; }

        public bool Matches(string? otherDocument, byte[]? otherBytes) =>
            otherDocument is not null
                ? string.Equals(document, otherDocument, StringComparison.Ordinal)
                : bytes is not null && otherBytes is not null && bytes.AsSpan().SequenceEqual(otherBytes);
    }
}
