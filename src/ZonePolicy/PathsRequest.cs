namespace ZonePolicy;

/// <summary>Which attack paths to list: from which assets to which, avoiding which, for which sessions, how many.</summary>
public sealed class PathsRequest
{
    /// <summary>The topology file of the site.</summary>
    public required string TopologyFile { get; init; }

    /// <summary>Selectors of the assets paths start from (a zone or asset id, <c>type:</c>, <c>kind:</c>, <c>sl:</c>, <c>entry</c>); their union.</summary>
    public required IReadOnlyList<string> From { get; init; }

    /// <summary>Selectors of the assets paths end at; their union.</summary>
    public required IReadOnlyList<string> To { get; init; }

    /// <summary>Selectors of assets a path may not pass through (it may still start or end at them).</summary>
    public IReadOnlyList<string> Avoid { get; init; } = [];

    /// <summary>How many paths at most, shortest first.</summary>
    public int Top { get; init; } = 3;

    /// <summary>Only hops that permit this protocol; any when null.</summary>
    public string? Protocol { get; init; }

    /// <summary>Only hops that permit this port; any when null.</summary>
    public int? Port { get; init; }

    /// <summary>What a relative topology path is relative to; the current folder when null.</summary>
    public string? WorkingDirectory { get; init; }
}
