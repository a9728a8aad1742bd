using ZonePolicy.Diagnostics;

namespace ZonePolicy.Cli;

/// <summary>What <c>zpol fmt</c> reports about the files it is given, each at the file it is about.</summary>
internal static class FormatDiagnostics
{
    public static Diagnostic NotFormatted(string file, int line) =>
        Diagnostic.Create(DiagnosticDescriptors.NotFormatted, SourceLocation.At(file, line, 1), file);

    public static Diagnostic NotFound(string file) =>
        Diagnostic.Create(DiagnosticDescriptors.RuleSourceNotFound, SourceLocation.InFile(file), file);

    public static Diagnostic BrokenLink(string file) =>
        Diagnostic.Create(DiagnosticDescriptors.BrokenLink, SourceLocation.InFile(file), file);

    public static Diagnostic NotReadable(string file, string reason) =>
        Diagnostic.Create(DiagnosticDescriptors.FileNotReadable, SourceLocation.InFile(file), "rule file", file, OneLine(reason));

    public static Diagnostic LinkOutsideRoot(string file, string target, string root) =>
        Diagnostic.Create(DiagnosticDescriptors.LinkOutsideRoot, SourceLocation.InFile(file), file, target, root);

    public static Diagnostic ReadOnly(string file) =>
        Diagnostic.Create(DiagnosticDescriptors.ReadOnlyRuleFile, SourceLocation.InFile(file), file);

    public static Diagnostic NotWritable(string file, string reason) =>
        Diagnostic.Create(DiagnosticDescriptors.CannotWriteRuleFile, SourceLocation.InFile(file), file, OneLine(reason));

    public static Diagnostic TooLarge(string file, long bytes) =>
        Diagnostic.Create(DiagnosticDescriptors.RuleFileTooLarge, SourceLocation.InFile(file), file, bytes, RuleFileIO.MaxBytes);

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
}
