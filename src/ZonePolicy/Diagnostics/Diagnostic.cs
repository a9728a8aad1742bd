namespace ZonePolicy.Diagnostics;

/// <summary>
/// One finding: an engine diagnostic (ZPxxxx) or a rule violation (the rule's own id).
/// </summary>
public sealed record Diagnostic(string Id, Severity Severity, string Message, SourceLocation Location)
{
    /// <summary>The rule that produced a violation; null for engine diagnostics.</summary>
    public RuleInfo? Rule { get; init; }

    /// <summary>Ids of the bound entities, in <c>for</c> order: the violation's identity with the rule id.</summary>
    public IReadOnlyList<string> Entities { get; init; } = [];

    /// <summary>The witness path of a reachability violation, one step per hop.</summary>
    public IReadOnlyList<PathStep> Witness { get; init; } = [];

    /// <summary>The waiver that suppresses this violation, when it is suppressed.</summary>
    public WaiverInfo? Waiver { get; init; }

    /// <summary>True when a baseline file accepts this violation: it is suppressed, not in force.</summary>
    public bool Baselined { get; init; }

    /// <summary>
    /// When rules of several packs report this one finding (they are declared the same with <c>sameAs</c>):
    /// each rule's own diagnostic, the one this finding shows first. Empty for a finding of one rule.
    /// </summary>
    public IReadOnlyList<Diagnostic> SharedBy { get; init; } = [];

    /// <summary>Each rule's own diagnostic for this finding: itself, or every rule that shares it.</summary>
    public IReadOnlyList<Diagnostic> PerRule => SharedBy.Count == 0 ? [this] : SharedBy;

    public string HelpUri => Rule?.HelpUri ?? DiagnosticDescriptor.HelpUri(Id);

    /// <summary>An engine diagnostic at its descriptor's default severity, its message formatted from <paramref name="arguments"/>.</summary>
    internal static Diagnostic Create(DiagnosticDescriptor descriptor, SourceLocation location, params ReadOnlySpan<object?> arguments) =>
        new(descriptor.Id, descriptor.DefaultSeverity, descriptor.Format(arguments), location);

    /// <summary><c>file(line,col): severity ID: message</c>, with file and message escaped to one line (<see cref="DisplayText"/>).</summary>
    public string ToCanonicalString() =>
        $"{DisplayText.Escape(Location.ToString())}: {Severity.Name()} {Id}: {DisplayText.Escape(Message)}";

    public override string ToString() => ToCanonicalString();
}

/// <summary>What a reporter needs to know about the rule behind a violation.</summary>
public sealed record RuleInfo(string Id, string Title, Severity DefaultSeverity, string? Category, IReadOnlyList<string> Refs, string HelpUri, SourceLocation Location)
{
    /// <summary>The name the rule's pack declares (<c>pack meti.factory</c>); null for rules outside a pack.</summary>
    public string? Pack { get; init; }

    /// <summary>The rule ids its <c>sameAs</c> clause names: rules of other packs that check the same requirement.</summary>
    public IReadOnlyList<string> SameAs { get; init; } = [];

    /// <summary>
    /// The rules of this check that are the same as this one, directly or through others (<c>sameAs</c> is
    /// symmetric and transitive), ordered by id; a finding they share is reported once.
    /// </summary>
    public IReadOnlyList<string> Equivalents { get; init; } = [];
}

/// <summary>
/// One step of a witness path, at its place in the topology: an asset, the flow that carries a declared hop,
/// or the zone or conduit whose permission allows a permitted hop (at the allow rule that states it).
/// </summary>
public sealed record PathStep(string EntityId, string Kind, SourceLocation Location)
{
    /// <summary>What the step says in a code flow; null for an asset or a flow, which their kind and id describe.</summary>
    public string? Message { get; init; }

    /// <summary>For a hop a conduit's allow rule permits: the boundary device that carries the rule.</summary>
    public string? Device { get; init; }

    /// <summary>For a hop an allow rule permits: the rule's number in its zone's or conduit's <c>allow</c> list, from 1.</summary>
    public int? Rule { get; init; }
}

/// <summary>The waiver that suppressed a violation.</summary>
public sealed record WaiverInfo(string Reason, string ApprovedBy, DateOnly Expires, SourceLocation Location);
