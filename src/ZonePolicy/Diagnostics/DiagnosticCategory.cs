namespace ZonePolicy.Diagnostics;

/// <summary>The group of an engine diagnostic, which its id's hundred names (see <see cref="DiagnosticIds"/>).</summary>
internal enum DiagnosticCategory
{
    /// <summary>ZP00xx: the text of a rule file.</summary>
    Syntax,

    /// <summary>ZP01xx: names, types and the structure of the rules.</summary>
    Binding,

    /// <summary>ZP02xx: the topology files.</summary>
    Topology,

    /// <summary>ZP03xx: waivers, baselines, parameters, options and rule tests.</summary>
    Configuration,

    /// <summary>ZP04xx: what happened while rules were evaluated.</summary>
    Evaluation,

    /// <summary>ZP09xx: a failure of the checker itself.</summary>
    Internal,
}
