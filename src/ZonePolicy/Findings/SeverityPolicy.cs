using ZonePolicy.Configuration;
using ZonePolicy.Diagnostics;

namespace ZonePolicy.Findings;

/// <summary>
/// The severity each diagnostic is reported at. For an id, the first of these that sets it wins:
/// <list type="number">
/// <item>the command line (<c>--severity</c>) or the project (<c>ZonePolicySeverity</c>), the last for an id;</item>
/// <item><c>.editorconfig</c> sections that apply to the diagnostic's file;</item>
/// <item>global analyzer config files;</item>
/// <item>the rule's own <c>severity</c>, or an engine id's default.</item>
/// </list>
/// <c>default</c> in a setting stops the search at the last step. Then <c>--warnaserror</c> turns the warnings left
/// into errors. Ids compare without case, as Roslyn compares them. Only rule violations and the warnings in
/// <see cref="AdjustableEngineIds"/> can change; a setting for another engine id is ZP0308.
/// </summary>
internal sealed class SeverityPolicy
{
    /// <summary>Engine ids a setting may change: warnings about waivers, attestations, catalogues, configuration and pack feeds, never invalid input.</summary>
    public static readonly IReadOnlySet<string> AdjustableEngineIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        DiagnosticIds.WaiverUnused,
        DiagnosticIds.WaiverExpiringSoon,
        DiagnosticIds.WaiverUnknownRule,
        DiagnosticIds.UnknownSeverityId,
        DiagnosticIds.GlobalConfigConflict,
        DiagnosticIds.PackFeedUnavailable,
        DiagnosticIds.AttestationMissing,
        DiagnosticIds.AttestationExpiringSoon,
        DiagnosticIds.AttestationUnknownClause,
        DiagnosticIds.RefNotInCatalogue,
        DiagnosticIds.ClauseNotAccountedFor,
    };

    private readonly Dictionary<string, Severity?> explicitLevels;
    private readonly AnalyzerConfigSet configs;
    private readonly Func<string, string?> fullPathOf;
    private readonly bool warningsAsErrors;

    // What each id in each file at each severity comes to: a check's findings share a few of each.
    private readonly Dictionary<(string Id, string File, Severity Severity), Severity> decided = [];
    private (string? Id, string? File, Severity Declared, Severity Severity) last;

    private SeverityPolicy(Dictionary<string, Severity?> explicitLevels, AnalyzerConfigSet configs, Func<string, string?> fullPathOf, bool warningsAsErrors)
    {
        this.explicitLevels = explicitLevels;
        this.configs = configs;
        this.fullPathOf = fullPathOf;
        this.warningsAsErrors = warningsAsErrors;
        Applier = Apply;
    }

    /// <summary><see cref="Apply"/> as one delegate for every finding of a check (naming the method each time would make one per finding).</summary>
    public Func<Diagnostic, Diagnostic?> Applier { get; }

    /// <summary>
    /// Reads the settings, reporting each that cannot apply: a bad level or a fixed engine id (ZP0308), an id no
    /// rule has (ZP0314; not when <paramref name="rules"/> is empty because the rules did not compile).
    /// <paramref name="fullPathOf"/> gives the full path of the file a diagnostic names, or null for one the
    /// configuration does not speak of.
    /// </summary>
    public static SeverityPolicy Create(
        IReadOnlyList<SeveritySetting> settings,
        AnalyzerConfigSet configs,
        IReadOnlyList<RuleInfo> rules,
        bool warningsAsErrors,
        Func<string, string?> fullPathOf,
        DiagnosticBag diagnostics)
    {
        var ruleIds = rules.Select(rule => rule.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var explicitLevels = new Dictionary<string, Severity?>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in settings)
        {
            if (TryRead(setting, diagnostics, out var level))
            {
                if (!IsEngineId(setting.Id) && ruleIds.Count > 0 && !ruleIds.Contains(setting.Id))
                {
                    diagnostics.Add(DiagnosticDescriptors.UnknownSeverityId, setting.Location, setting.Id, NameSuggestions.DidYouMean(setting.Id, ruleIds));
                }

                explicitLevels[setting.Id] = level;
            }
        }

        // A config file is shared with other analyzers: only the ids of this check are its business.
        foreach (var setting in configs.AllSettings.Where(s => IsEngineId(s.Id) || ruleIds.Contains(s.Id)))
        {
            TryRead(setting, diagnostics, out _);
        }

        return new SeverityPolicy(explicitLevels, configs, fullPathOf, warningsAsErrors);
    }

    /// <summary>
    /// Engine ids that report a lapse of the site's own records, an expired waiver or attestation: errors no
    /// setting can silence, but findings about the site (exit code 1), not invalid input.
    /// </summary>
    private static readonly IReadOnlySet<string> ExpiredRecordIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        DiagnosticIds.WaiverExpired,
        DiagnosticIds.AttestationExpired,
    };

    /// <summary>The engine ids whose diagnostics mean the input is invalid (exit code 2), whatever their severity.</summary>
    public static bool IsInvalidInput(string id) =>
        DiagnosticDescriptors.IsEngineId(id) && !AdjustableEngineIds.Contains(id) && !ExpiredRecordIds.Contains(id);

    /// <summary>The diagnostic at the severity in force, or null when that is <c>none</c>.</summary>
    public Diagnostic? Apply(Diagnostic diagnostic)
    {
        var severity = SeverityOf(diagnostic.Id, diagnostic.Location.File, diagnostic.Severity);
        if (severity == Severity.None)
        {
            return null;
        }

        return severity == diagnostic.Severity ? diagnostic : diagnostic with { Severity = severity };
    }

    /// <summary>Whether the findings of <paramref name="rule"/> in <paramref name="file"/> are turned off (severity <c>none</c>), so that it checks nothing there.</summary>
    public bool TurnsOff(RuleInfo rule, string file) => SeverityOf(rule.Id, file, rule.DefaultSeverity) == Severity.None;

    private Severity SeverityOf(string id, string file, Severity declared)
    {
        // A check's findings come rule after rule, mostly in one file: the same id and file objects as the last time.
        if (ReferenceEquals(id, last.Id) && ReferenceEquals(file, last.File) && declared == last.Declared)
        {
            return last.Severity;
        }

        var key = (id, file, declared);
        if (!decided.TryGetValue(key, out var severity))
        {
            decided.Add(key, severity = Decide(id, file, declared));
        }

        last = (id, file, declared, severity);
        return severity;
    }

    private Severity Decide(string id, string file, Severity declared)
    {
        var severity = declared;
        if (!IsEngineId(id) || AdjustableEngineIds.Contains(id))
        {
            severity = LevelFor(id, file) ?? declared;
        }

        return warningsAsErrors && severity == Severity.Warning ? Severity.Error : severity;
    }

    private Severity? LevelFor(string id, string file)
    {
        if (explicitLevels.TryGetValue(id, out var level))
        {
            return level;
        }

        var fromConfig = configs.For(fullPathOf(file));
        return fromConfig.TryGetValue(id, out var setting) && SeverityLevel.TryParse(setting.Level, out var configured)
            ? configured
            : null;
    }

    /// <summary>The level of a setting that can apply (null for <c>default</c>); false after reporting why it cannot.</summary>
    private static bool TryRead(SeveritySetting setting, DiagnosticBag diagnostics, out Severity? severity)
    {
        if (!SeverityLevel.TryParse(setting.Level, out severity))
        {
            var completed = SeverityLevel.Names.FirstOrDefault(name => setting.Level.Length > 0 && name.StartsWith(setting.Level, StringComparison.OrdinalIgnoreCase));
            var hint = NameSuggestions.DidYouMean(completed ?? NameSuggestions.Closest(setting.Level, SeverityLevel.Names));
            diagnostics.Add(DiagnosticDescriptors.NotASeverityLevel, setting.Location, setting.Level, setting.Id, hint.Length > 0 ? hint : $"; use {SeverityLevel.Expected}");
            return false;
        }

        if (IsEngineId(setting.Id) && !AdjustableEngineIds.Contains(setting.Id))
        {
            diagnostics.Add(DiagnosticDescriptors.FixedSeverity, setting.Location, setting.Id);
            return false;
        }

        return true;
    }

    private static bool IsEngineId(string id) => DiagnosticDescriptors.IsEngineId(id.ToUpperInvariant());
}
