using ZonePolicy.Diagnostics;

namespace ZonePolicy.Cli;

/// <summary>What <c>zpol fmt</c> reports about the files it is given, each at the file it is about.</summary>
internal static class FormatDiagnostics
{
    public static Diagnostic NotFormatted(string file, int line) =>
        DiagnosticCatalog.Create(DiagnosticIds.NotFormatted, SourceLocation.At(file, line, 1),
            $"the file is not formatted: this is the first line that differs from the layout `zpol fmt` writes; run `zpol fmt {file}`");

    public static Diagnostic NotFound(string file) =>
        DiagnosticCatalog.Create(DiagnosticIds.FileNotFound, SourceLocation.None(file), $"rule file or folder `{file}` does not exist");

    public static Diagnostic BrokenLink(string file) =>
        DiagnosticCatalog.Create(DiagnosticIds.FileNotFound, SourceLocation.None(file), $"`{file}` is a symbolic link to a file that does not exist");

    public static Diagnostic NotReadable(string file, string reason) =>
        DiagnosticCatalog.Create(DiagnosticIds.FileNotFound, SourceLocation.None(file), $"cannot read rule file `{file}`: {OneLine(reason)}");

    public static Diagnostic LinkOutsideRoot(string file, string target, string root) =>
        DiagnosticCatalog.Create(DiagnosticIds.LinkOutsideRoot, SourceLocation.None(file),
            $"`{file}` is a symbolic link to `{target}`, outside `{root}`; `zpol fmt` does not follow links out of the folder it formats: format the file itself");

    public static Diagnostic ReadOnly(string file) =>
        DiagnosticCatalog.Create(DiagnosticIds.CannotWriteRuleFile, SourceLocation.None(file),
            $"`{file}` is read-only and is not formatted; make it writable to format it");

    public static Diagnostic NotWritable(string file, string reason) =>
        DiagnosticCatalog.Create(DiagnosticIds.CannotWriteRuleFile, SourceLocation.None(file), $"cannot write `{file}`: {OneLine(reason)}; the file is unchanged");

    public static Diagnostic TooLarge(string file, long bytes) =>
        DiagnosticCatalog.Create(DiagnosticIds.RuleFileTooLarge, SourceLocation.None(file),
            $"`{file}` is {bytes} bytes, more than the {RuleFileIO.MaxBytes} bytes a rule file may have; split it into files that import each other");

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
}
