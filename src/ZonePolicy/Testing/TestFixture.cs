using ZonePolicy.Diagnostics;

namespace ZonePolicy.Testing;

/// <summary>
/// One test case of a pack: a topology (<c>tests/&lt;case&gt;.json</c>) and what checking it must report
/// (<c>tests/&lt;case&gt;.expect</c>). <see cref="Name"/> is the path under tests/ without extension.
/// <see cref="Diagnostics"/> holds the mistakes found reading the expectation file.
/// </summary>
internal sealed record TestFixture(string Name, string TopologyFile, string ExpectationFile, TestDirectives Directives, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the expectation file could not be read in full: the case cannot be judged.</summary>
    public bool IsInvalid => Diagnostics.Count > 0;
}
