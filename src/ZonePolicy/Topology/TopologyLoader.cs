using System.Text;
using System.Text.Json;
using ZonePolicy.Diagnostics;
using ZonePolicy.Inputs;

namespace ZonePolicy.Topology;

/// <summary>The outcome of loading a topology: the model, or null when any diagnostic is an error.</summary>
internal sealed record LoadResult(SiteModel? Model, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Loads a topology file: checks it is JSON (ZP0201), validates it against the schema (ZP0202),
/// registers ids (ZP0204), resolves references (ZP0203), indexes the model and checks what it says about
/// permitted connectivity (ZP0220–ZP0224, <see cref="ConnectivityIndexer"/>). A valid file is read once,
/// checked token by token as it is stored (<see cref="TopologyReader.TryRead"/>); any other goes through
/// the steps one by one, so its diagnostics come from the scanner, JsonSchema.Net and the reporting read.
/// Never throws on any input and never writes a file; every diagnostic carries <c>displayPath</c> and a
/// 1-based position.
/// </summary>
internal static class TopologyLoader
{
    public static LoadResult Load(string path, string displayPath)
    {
        var read = InputReader.Read(path, displayPath, InputKind.Topology, Directory.GetCurrentDirectory());
        return read.File is { } file ? LoadBytes(file.Bytes, displayPath) : new LoadResult(null, [read.Problem!]);
    }

    public static LoadResult LoadText(string text, string displayPath) =>
        LoadBytes(Encoding.UTF8.GetBytes(text), displayPath);

    public static LoadResult LoadBytes(ReadOnlyMemory<byte> bytes, string displayPath)
    {
        var diagnostics = new List<Diagnostic>();
        SiteModel? model;
        try
        {
            model = LoadCore(new SourceText(displayPath, JsonScanner.WithoutBom(bytes)), diagnostics);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A bug, not the user's mistake: still a diagnostic, never a crash.
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.TopologyLoadFailed, SourceLocation.InFile(displayPath), exception.Message));
            model = null;
        }

        return new LoadResult(diagnostics.Any(d => d.Severity == Severity.Error) ? null : model, diagnostics);
    }

    private static SiteModel? LoadCore(SourceText text, List<Diagnostic> diagnostics)
    {
        var model = !JsonScanner.HasEncodingProblem(text) && TopologyReader.TryRead(text) is { } read
            ? read
            : LoadStepByStep(text, diagnostics);
        return model is not null && ConnectivityIndexer.Check(model, diagnostics) ? model : null;
    }

    /// <summary>
    /// What a file that is wrong, or that the one-pass read cannot vouch for, goes through: each step
    /// reporting what it finds, the model built only from a file that passes them all.
    /// </summary>
    internal static SiteModel? LoadStepByStep(SourceText text, List<Diagnostic> diagnostics)
    {
        if (JsonScanner.Scan(text, diagnostics) is not { } positions)
        {
            return null;
        }

        using (var document = JsonDocument.Parse(text.Bytes, JsonScanner.DocumentOptions))
        {
            if (!SchemaValidator.Validate(document.RootElement, positions, diagnostics))
            {
                return null;
            }
        }

        return TopologyReader.ReadReporting(text, diagnostics);
    }
}
