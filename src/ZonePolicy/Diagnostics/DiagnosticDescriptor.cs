using System.Globalization;
using System.Text;

namespace ZonePolicy.Diagnostics;

/// <summary>
/// What one engine diagnostic says: its id, title, message format, category, default severity and help
/// link. Diagnostics are made from a descriptor and the arguments of its message, never from an id and a
/// message written at the call site.
/// </summary>
internal sealed class DiagnosticDescriptor
{
    private readonly CompositeFormat format;

    private DiagnosticDescriptor(string id, string title, string messageFormat, DiagnosticCategory category, Severity defaultSeverity, string helpLinkUri)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        HelpLinkUri = helpLinkUri;
        format = CompositeFormat.Parse(messageFormat);
    }

    public const string HelpBase = "https://zonepolicy.dev/docs/diagnostics/";

    public string Id { get; }

    public string Title { get; }

    /// <summary>A composite format (<c>{0}</c>, <c>{1}</c>, ...) whose arguments are the specifics of one occurrence.</summary>
    public string MessageFormat { get; }

    public DiagnosticCategory Category { get; }

    public Severity DefaultSeverity { get; }

    public string HelpLinkUri { get; }

    /// <summary>The number of arguments <see cref="MessageFormat"/> takes.</summary>
    public int ArgumentCount => format.MinimumArgumentCount;

    /// <summary>Creates the one descriptor of an id: the category follows from the id's hundred, the help link from the id.</summary>
    public static DiagnosticDescriptor Create(string id, string title, string messageFormat, Severity defaultSeverity = Severity.Error) =>
        new(id, title, messageFormat, CategoryOf(id), defaultSeverity, HelpUri(id));

    /// <summary>The same id with another message, for an id reported in several situations that each say what happened.</summary>
    public DiagnosticDescriptor WithMessage(string messageFormat) =>
        new(Id, Title, messageFormat, Category, DefaultSeverity, HelpLinkUri);

    public static string HelpUri(string id) => HelpBase + id;

    /// <summary>The message for these arguments; a descriptor's format and its call sites agree on their number.</summary>
    public string Format(ReadOnlySpan<object?> arguments)
    {
        if (arguments.Length != ArgumentCount)
        {
            throw new ArgumentException($"{Id} `{MessageFormat}` takes {ArgumentCount} arguments, given {arguments.Length}", nameof(arguments));
        }

        // A CompositeFormat without holes gives its text back with the braces still doubled.
        return arguments.Length == 0
            ? string.Format(CultureInfo.InvariantCulture, MessageFormat)
            : string.Format(CultureInfo.InvariantCulture, format, arguments);
    }

    private static DiagnosticCategory CategoryOf(string id) => id.AsSpan(2, 2) switch
    {
        "00" => DiagnosticCategory.Syntax,
        "01" => DiagnosticCategory.Binding,
        "02" => DiagnosticCategory.Topology,
        "03" => DiagnosticCategory.Configuration,
        "04" => DiagnosticCategory.Evaluation,
        _ => DiagnosticCategory.Internal,
    };
}
