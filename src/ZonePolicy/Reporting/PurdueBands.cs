namespace ZonePolicy.Reporting;

/// <summary>
/// The horizontal bands a zone diagram stacks zones in, top to bottom: external (5), enterprise (4), the
/// DMZ (3.5), operations (3), supervisory (2), control (1) and field (0). A zone without a
/// <c>purdueLevel</c> takes its kind's usual level; one with neither goes in a last band of its own.
/// </summary>
internal static class PurdueBands
{
    public const int Unplaced = 7;

    private static readonly decimal[] Levels = [5m, 4m, 3.5m, 3m, 2m, 1m, 0m];

    public static int Count => Levels.Length + 1;

    public static decimal? Level(ZoneSummary zone) => zone.PurdueLevel ?? zone.Kind switch
    {
        "external" => 5m,
        "enterprise" => 4m,
        "dmz" => 3.5m,
        "operations" => 3m,
        "supervisory" => 2m,
        "control" or "safety" => 1m,
        _ => null,
    };

    /// <summary>The band of a zone: 0 for the top one.</summary>
    public static int Band(ZoneSummary zone) =>
        Level(zone) is { } level && Array.IndexOf(Levels, level) is var band and >= 0 ? band : Unplaced;

    public static string Name(int band) => band == Unplaced
        ? "no Purdue level"
        : $"Purdue level {Levels[band].ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
