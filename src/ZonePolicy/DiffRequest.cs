namespace ZonePolicy;

/// <summary>Two versions of a site to compare, and the rules to check both against (none: compare the sites only).</summary>
public sealed class DiffRequest
{
    /// <summary>The topology before the change.</summary>
    public required string Before { get; init; }

    /// <summary>The topology after the change.</summary>
    public required string After { get; init; }

    /// <summary>
    /// The rules, packs, parameters, severities and date to check both versions with; its topology files are
    /// ignored. Null, or a request without rules or packs, compares the sites without checking them.
    /// </summary>
    public CheckRequest? Check { get; init; }

    /// <summary>What relative topology paths are relative to; the current folder when null.</summary>
    public string? WorkingDirectory { get; init; }
}
