using System.Globalization;
using Microsoft.Build.Framework;
using ZonePolicy.Diagnostics;
using ZonePolicy.MSBuild.Configuration;

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

    public IReadOnlyList<SeveritySetting> ParseSeverities(IEnumerable<ITaskItem> items)
    {
        var settings = new List<SeveritySetting>();
        foreach (var item in items)
        {
            var text = item.GetMetadata("Severity");
            if (!SeverityText.TryParse(text, out var severity))
            {
                Report(DiagnosticDescriptors.InvalidSeverityItem, text, item.ItemSpec);
                continue;
            }

            if (severity is { } level)
            {
                settings.Add(new(item.ItemSpec, level, Project));
            }
        }

        return settings;
    }

    public void ReportNoTopology() =>
        Report(DiagnosticDescriptors.NoTopologyItem);

    private void Report(DiagnosticDescriptor descriptor, params ReadOnlySpan<object?> arguments) =>
        Diagnostics.Add(Diagnostic.Create(descriptor, Project, arguments));
}
