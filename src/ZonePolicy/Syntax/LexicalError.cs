using Superpower.Model;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Syntax;

/// <summary>A problem the tokenizer found in the text: the span of the offending characters and what to report.</summary>
internal readonly record struct LexicalError(TextSpan Span, DiagnosticDescriptor Descriptor, params object?[] Arguments)
{
    public Diagnostic At(SourceLocation location) => Diagnostic.Create(Descriptor, location, Arguments);
}
