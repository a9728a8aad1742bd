using System.Globalization;
using Microsoft.Build.Framework;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.MSBuild;

/// <summary>Reads the task's MSBuild inputs into engine settings, reporting each bad one against the project file.</summary>
internal sealed class TaskSettings(string projectFile)
{
    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>The project file, where the task's settings are given.</summary>
    public SourceLocation Project => SourceLocation.InFile(projectFile);

    public DateOnly? ParseToday(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var today))
        {
            return today;
        }

        Report(DiagnosticDescriptors.InvalidTodaySetting, text);
        return null;
    }

    public IReadOnlyList<KeyValuePair<string, string>> ParseParameters(IEnumerable<ITaskItem> items)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var item in items)
        {
            var value = item.GetMetadata("Value");
            if (value.Length == 0)
            {
                Report(DiagnosticDescriptors.ParameterItemWithoutValue, item.ItemSpec);
                continue;
            }

            parameters.Add(new(item.ItemSpec, value));
        }

        return parameters;
    }

    /// <summary>The <c>ZonePolicySeverity</c> items as the engine reads them: the level as written, at the project.</summary>
    public IReadOnlyList<SeveritySetting> ParseSeverities(IEnumerable<ITaskItem> items) =>
        [.. items.Select(item => new SeveritySetting(item.ItemSpec, item.GetMetadata("Severity").Trim(), Project))];

    public void ReportNoTopology() =>
        Report(DiagnosticDescriptors.NoTopologyItem);

    private void Report(DiagnosticDescriptor descriptor, params ReadOnlySpan<object?> arguments) =>
        Diagnostics.Add(Diagnostic.Create(descriptor, Project, arguments));
}
