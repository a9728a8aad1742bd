using ZonePolicy.Diagnostics;
using ZonePolicy.Explaining;

namespace ZonePolicy;

/// <summary>The formats an explanation is written in.</summary>
public enum ExplainFormat
{
    Text,
    Json,
}

/// <summary>How the engine reached its verdict on one rule for one site, or the diagnostics that prevented an explanation.</summary>
public sealed class ExplainResult
{
    /// <summary>Why there is no explanation: invalid rules, topology, rule id or entity ids, or an internal error.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    internal Explanation? Explanation { get; init; }

    /// <summary>0 when the rule is explained; 2 when the input is invalid; 3 on an internal error.</summary>
    public int ExitCode =>
        Diagnostics.Any(d => d.Id == DiagnosticIds.InternalError) ? 3
        : Explanation is null ? 2
        : 0;

    /// <summary>Writes the explanation, or the diagnostics, in <paramref name="format"/>.</summary>
    public void Write(TextWriter writer, ExplainFormat format)
    {
        if (format == ExplainFormat.Json)
            ExplanationJsonWriter.Write(this, writer);
        else
            ExplanationTextWriter.Write(this, writer);
    }
}
