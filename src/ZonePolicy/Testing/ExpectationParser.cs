using System.Globalization;
using System.Text.RegularExpressions;
using ZonePolicy.Diagnostics;
using ZonePolicy.Syntax;

namespace ZonePolicy.Testing;

/// <summary>Which file is being read: a fixture's expectations or the pack's test settings.</summary>
internal enum DirectiveFile
{
    Expectation,
    Settings,
}

/// <summary>
/// Reads the line format shared by <c>.expect</c> files and <c>tests/settings</c>: one statement a line,
/// <c>#</c> comments, directives (<c>today</c>, <c>param</c>, <c>severity</c>, <c>only</c>, <c>require-coverage</c>) and
/// expected diagnostics (<c>RULE-ID entity[,entity...]</c>). Every mistake is a located ZP0312.
/// </summary>
internal static partial class ExpectationParser
{
    public static TestDirectives Parse(string file, string text, DirectiveFile kind, ICollection<Diagnostic> diagnostics)
    {
        var directives = new TestDirectives();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = new Line(file, index + 1, StripComment(lines[index].TrimEnd('\r')), diagnostics);
            if (line.IsBlank)
            {
                continue;
            }

            switch (line.Keyword)
            {
                case "today":
                    ParseToday(line, directives);
                    break;
                case "param":
                    ParseParam(line, directives);
                    break;
                case "severity":
                    ParseSeverity(line, directives);
                    break;
                case "only" when kind == DirectiveFile.Expectation:
                    ParseOnly(line, directives);
                    break;
                case "require-coverage" when kind == DirectiveFile.Settings:
                    line.ExpectNoArgument();
                    directives.RequireCoverage = true;
                    break;
                case "require-coverage":
                    line.Report(line.KeywordColumn, DiagnosticDescriptors.CoverageOutsideSettings, PackTestSuite.SettingsFile);
                    break;
                default:
                    if (kind == DirectiveFile.Settings)
                    {
                        line.Report(line.KeywordColumn, DiagnosticDescriptors.UnknownTestSetting, line.Keyword);
                    }
                    else
                    {
                        ParseExpected(line, directives, seen);
                    }

                    break;
            }
        }

        return directives;
    }

    private static void ParseToday(Line line, TestDirectives directives)
    {
        var text = line.Argument.TrimStart('@');
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            line.Report(line.ArgumentColumn, DiagnosticDescriptors.InvalidTestDate, line.Argument);
            return;
        }

        if (directives.Today is not null)
        {
            line.Report(line.KeywordColumn, DiagnosticDescriptors.TodaySetTwice);
            return;
        }

        directives.Today = date;
    }

    private static void ParseParam(Line line, TestDirectives directives)
    {
        var equals = line.Argument.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? line.Argument : line.Argument[..equals].Trim();
        var value = equals < 0 ? "" : line.Argument[(equals + 1)..].Trim();
        if (!IdentifierPattern().IsMatch(name) || value.Length == 0)
        {
            line.Report(line.ArgumentColumn, DiagnosticDescriptors.InvalidTestParameter, line.Argument);
            return;
        }

        directives.Parameters.RemoveAll(p => p.Key == name);
        directives.Parameters.Add(new(name, value));
    }

    /// <summary><c>severity ID=level</c>, as on the command line: the check reports the level and a mistake in the value.</summary>
    private static void ParseSeverity(Line line, TestDirectives directives)
    {
        var equals = line.Argument.IndexOf('=', StringComparison.Ordinal);
        var id = equals < 0 ? line.Argument : line.Argument[..equals].Trim();
        var level = equals < 0 ? "" : line.Argument[(equals + 1)..].Trim();
        if (!RuleIds.IsWellFormed(id) || level.Length == 0)
        {
            line.Report(line.ArgumentColumn, DiagnosticDescriptors.InvalidTestSeverity, line.Argument);
            return;
        }

        directives.Severities.RemoveAll(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));
        directives.Severities.Add(new SeveritySetting(id, level, line.At(line.ArgumentColumn, line.Argument.Length)));
    }

    private static void ParseOnly(Line line, TestDirectives directives)
    {
        if (directives.Only is not null)
        {
            line.Report(line.KeywordColumn, DiagnosticDescriptors.OnlyGivenTwice);
            return;
        }

        var rules = new List<ScopedRule>();
        foreach (var (token, column) in line.ArgumentTokens())
        {
            if (!RuleIds.IsWellFormed(token))
            {
                line.Report(column, DiagnosticDescriptors.NotARuleId, token);
                continue;
            }

            rules.Add(new ScopedRule(token, line.At(column, token.Length)));
        }

        if (line.Argument.Length == 0)
        {
            line.Report(line.KeywordColumn, DiagnosticDescriptors.EmptyOnly);
        }

        directives.Only = rules;
    }

    private static void ParseExpected(Line line, TestDirectives directives, HashSet<string> seen)
    {
        if (!RuleIds.IsWellFormed(line.Keyword))
        {
            line.Report(line.KeywordColumn, DiagnosticDescriptors.UnknownExpectationLine, line.Keyword);
            return;
        }

        var entities = new List<string>();
        if (line.Argument.Length > 0)
        {
            foreach (var part in line.Argument.Split(','))
            {
                var entity = part.Trim();
                if (entity.Length == 0)
                {
                    line.Report(line.ArgumentColumn, DiagnosticDescriptors.EmptyEntityId, line.Argument);
                    return;
                }

                entities.Add(entity);
            }
        }

        var expected = new ExpectedDiagnostic(line.Keyword, entities, line.At(line.KeywordColumn, line.Content.Trim().Length));
        if (!seen.Add(expected.Key))
        {
            line.Report(line.KeywordColumn, DiagnosticDescriptors.ExpectedTwice, expected.Key);
            return;
        }

        directives.Expected.Add(expected);
    }

    /// <summary>Drops a <c>#</c> comment: at the start of a line or after white space, outside double quotes.</summary>
    private static string StripComment(string line)
    {
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && (i == 0 || line[i - 1] != '\\'))
            {
                quoted = !quoted;
            }
            else if (c == '#' && !quoted && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();

    /// <summary>One line split into its first word and the rest, with 1-based columns for diagnostics.</summary>
    private sealed class Line
    {
        private readonly string file;
        private readonly int number;
        private readonly ICollection<Diagnostic> diagnostics;

        public Line(string file, int number, string content, ICollection<Diagnostic> diagnostics)
        {
            this.file = file;
            this.number = number;
            this.diagnostics = diagnostics;
            Content = content;
            var start = content.Length - content.TrimStart().Length;
            var end = start;
            while (end < content.Length && !char.IsWhiteSpace(content[end]))
            {
                end++;
            }

            Keyword = content[start..end];
            KeywordColumn = start + 1;
            var rest = content[end..];
            Argument = rest.Trim();
            ArgumentColumn = end + (rest.Length - rest.TrimStart().Length) + 1;
        }

        public string Content { get; }

        public bool IsBlank => Keyword.Length == 0;

        public string Keyword { get; }

        public int KeywordColumn { get; }

        public string Argument { get; }

        public int ArgumentColumn { get; }

        /// <summary>The argument's words, separated by white space or commas, with their columns.</summary>
        public IEnumerable<(string Token, int Column)> ArgumentTokens()
        {
            var offset = ArgumentColumn - 1;
            var i = 0;
            while (i < Argument.Length)
            {
                if (char.IsWhiteSpace(Argument[i]) || Argument[i] == ',')
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < Argument.Length && !char.IsWhiteSpace(Argument[i]) && Argument[i] != ',')
                {
                    i++;
                }

                yield return (Argument[start..i], offset + start + 1);
            }
        }

        public void ExpectNoArgument()
        {
            if (Argument.Length > 0)
            {
                Report(ArgumentColumn, DiagnosticDescriptors.InvalidTestExpectation, Keyword, Argument);
            }
        }

        public SourceLocation At(int column, int length) => new(file, number, column, number, column + length);

        public void Report(int column, DiagnosticDescriptor descriptor, params ReadOnlySpan<object?> arguments) =>
            diagnostics.Add(Diagnostic.Create(descriptor, SourceLocation.At(file, number, column), arguments));
    }
}
