namespace ZonePolicy.Diagnostics;

/// <summary>Collects diagnostics; the same diagnostic at the same place is kept once.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = [];
    private readonly HashSet<(string, SourceLocation, string)> seen = [];

    public IReadOnlyList<Diagnostic> Items => items;

    public bool HasErrors => items.Any(d => d.Severity == Severity.Error);

    public void Add(Diagnostic diagnostic)
    {
        if (seen.Add((diagnostic.Id, diagnostic.Location, diagnostic.Message)))
        {
            items.Add(diagnostic);
        }
    }

    public void Add(DiagnosticDescriptor descriptor, SourceLocation location, params ReadOnlySpan<object?> arguments) =>
        Add(Diagnostic.Create(descriptor, location, arguments));

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }
}
