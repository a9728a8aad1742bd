using ZonePolicy.Diagnostics;

namespace ZonePolicy.Syntax;

/// <summary>
/// The state of parsing one declaration on this thread. Superpower's spans know lines and columns but
/// not files, and the grammar is a set of static parsers, so the file is ambient here and every node's
/// location can name it; so are the few outcomes a failed parse result cannot carry.
/// </summary>
internal sealed class ParseScope : IDisposable
{
    [ThreadStatic]
    private static ParseScope? current;

    private readonly ParseScope? outer;

    private ParseScope(string file, ParseScope? outer)
    {
        File = file;
        this.outer = outer;
    }

    public string File { get; }

    /// <summary>
    /// An error found inside one token by a nested parse (a message template and its holes): it has its
    /// own id and location.
    /// </summary>
    public Diagnostic? NestedError { get; private set; }

    public static string CurrentFile => current?.File ?? string.Empty;

    public static ParseScope Enter(string file)
    {
        var scope = new ParseScope(file, current);
        current = scope;
        return scope;
    }

    /// <summary>Records a nested error and returns its message for the failing parse result.</summary>
    public static string ReportNested(Diagnostic error)
    {
        if (current is not null)
            current.NestedError = error;
        return error.Message;
    }

    public void Dispose() => current = outer;
}
