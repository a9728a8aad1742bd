using Microsoft.CodeAnalysis;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Scripting.Compilation;

/// <summary>A place in a <c>.csx</c> file as the compiler gives it, as the engine's diagnostics locate it.</summary>
internal static class ScriptLocations
{
    public static SourceLocation Of(Location location)
    {
        var span = location.GetLineSpan();
        return new SourceLocation(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1);
    }
}
