using System.Diagnostics;
using System.Text;
using Xunit;

namespace ZonePolicy.Cli.Tests;

/// <summary><c>zpol fmt</c>: rewrites files in place safely, <c>--check</c> writes nothing, bad files are reported and left alone.</summary>
public sealed class FmtCommandTests : IDisposable
{
    private const string Unformatted = "rule R-1 \"t\"{for asset a   require a.logging // why\n}\n";
    private const string Formatted = "rule R-1 \"t\" {\n  for asset a\n  require a.logging // why\n}\n";

    private readonly TempFolder temp = new();

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories))
            File.SetAttributes(file, FileAttributes.Normal);
        temp.Dispose();
    }

    [Fact]
    public void Fmt_rewrites_an_unformatted_file_and_names_it()
    {
        var file = temp.Write("rules/a.zpol", Unformatted);

        var outcome = Fmt("rules/a.zpol");

        Assert.Equal((0, "formatted rules/a.zpol\n", ""), (outcome.ExitCode, outcome.Out, outcome.Error));
        Assert.Equal(Formatted, File.ReadAllText(file));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Fmt_leaves_a_formatted_file_untouched()
    {
        var file = temp.Write("a.zpol", Formatted);
        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, written);

        var outcome = Fmt("a.zpol");

        Assert.Equal((0, ""), (outcome.ExitCode, outcome.Out));
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public void Fmt_keeps_the_permissions_of_the_file_it_rewrites()
    {
        if (OperatingSystem.IsWindows())
            return;
        var file = temp.Write("a.zpol", Unformatted);
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(file, mode);

        Assert.Equal(0, Fmt("a.zpol").ExitCode);

        Assert.Equal(mode, File.GetUnixFileMode(file));
    }

    [Fact]
    public void Fmt_check_lists_the_files_that_would_change_at_their_first_different_line_and_writes_nothing()
    {
        var unformatted = temp.Write("rules/b/late.zpol", "param a = 1\nparam  b = 2\n");
        temp.Write("rules/a.zpol", Formatted);
        temp.Write("rules/c.zpol", Unformatted);
        temp.Write("rules/notes.txt", Unformatted);

        var outcome = Fmt("--check", "rules");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(
            "rules/b/late.zpol(2,1): error ZP0370: the file is not formatted: this is the first line that differs from the layout `zpol fmt` writes; run `zpol fmt rules/b/late.zpol`\n"
            + "rules/c.zpol(1,1): error ZP0370: the file is not formatted: this is the first line that differs from the layout `zpol fmt` writes; run `zpol fmt rules/c.zpol`\n",
            outcome.Out);
        Assert.Equal("param a = 1\nparam  b = 2\n", File.ReadAllText(unformatted));
    }

    [Fact]
    public void Fmt_check_on_formatted_files_exits_0_quietly()
    {
        temp.Write("rules/a.zpol", Formatted);

        Assert.Equal((0, ""), (Fmt("--check", "rules").ExitCode, Fmt("--check", "rules").Out));
    }

    [Theory]
    [InlineData("lone-cr", "rule R-1 \"t\" {\n  for asset a\r  require a.logging // why\n}\n", 2)]
    [InlineData("crlf", "rule R-1 \"t\" {\r\n  for asset a\r\n  require a.logging // why\r\n}\r\n", 1)]
    [InlineData("bom", "\uFEFFrule R-1 \"t\" {\n  for asset a\n  require a.logging // why\n}\n", 1)]
    public void Line_ends_and_a_byte_order_mark_are_not_the_layout(string name, string text, int line)
    {
        var file = temp.Write($"{name}.zpol", text);

        var check = Fmt("--check", $"{name}.zpol");
        var format = Fmt($"{name}.zpol");

        Assert.Equal((1, $"{name}.zpol({line},1): error ZP0370: "), (check.ExitCode, check.Out[..(name.Length + 26)]));
        Assert.Equal((0, $"formatted {name}.zpol\n"), (format.ExitCode, format.Out));
        Assert.Equal(Encoding.UTF8.GetBytes(Formatted), File.ReadAllBytes(file));
    }

    [Fact]
    public void A_file_with_syntax_errors_gets_the_diagnostics_of_check_exit_2_and_is_left_alone()
    {
        const string broken = "rule R-1 \"t\" {\n  for asset a\n  require a.x ==\n}\nparam  ok = 1\n";
        var file = temp.Write("bad.zpol", broken);
        var site = temp.Write("site.json", "{ \"schemaVersion\": \"1\" }");
        var other = temp.Write("other.zpol", Unformatted);

        var outcome = Fmt(file, "other.zpol");
        var check = Cli.Run(PolicyEngine.Check, temp.Path, "check", site, "--rules", file);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(broken, File.ReadAllText(file));
        Assert.Equal(Formatted, File.ReadAllText(other));
        Assert.Equal(
            Lines(check.Out).Where(l => l.Contains(" ZP0", StringComparison.Ordinal)),
            Lines(outcome.Out).Where(l => l.Contains(" ZP0", StringComparison.Ordinal)));
        Assert.Contains($"{file.Replace('\\', '/')}(4,1): error ZP0001: ", outcome.Out);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_reported_as_ZP0010_and_left_alone()
    {
        var file = Path.Combine(temp.Path, "latin1.zpol");
        byte[] bytes = [.. Encoding.ASCII.GetBytes("param a = \"caf"), 0xE9, .. Encoding.ASCII.GetBytes("\"\n")];
        File.WriteAllBytes(file, bytes);

        var outcome = Fmt("latin1.zpol");

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("latin1.zpol(1,15): error ZP0010: ", outcome.Out);
        Assert.Equal(bytes, File.ReadAllBytes(file));
    }

    [Fact]
    public void A_file_larger_than_the_rule_file_limit_is_ZP0316_and_not_read()
    {
        var file = Path.Combine(temp.Path, "huge.zpol");
        using (var stream = File.Create(file))
            stream.SetLength(9 * 1024 * 1024);

        var outcome = Fmt("huge.zpol");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("huge.zpol: error ZP0316: rule file `huge.zpol` is 9 MiB, over the 8 MiB limit for a rule file; split it into smaller files\n", outcome.Out);
    }

    [Fact]
    public void A_read_only_file_is_reported_and_not_replaced()
    {
        var file = temp.Write("locked.zpol", Unformatted);
        File.SetAttributes(file, FileAttributes.ReadOnly);
        var other = temp.Write("other.zpol", Unformatted);

        var outcome = Fmt("locked.zpol", "other.zpol");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("locked.zpol: error ZP0319: `locked.zpol` is read-only and is not formatted; make it writable to format it\n", outcome.Out);
        Assert.Equal(Unformatted, File.ReadAllText(file));
        Assert.Equal(Formatted, File.ReadAllText(other));
    }

    [Fact]
    public void A_link_to_a_file_outside_the_folder_is_reported_and_its_target_left_alone()
    {
        var outside = temp.Write("outside/shared.zpol", Unformatted);
        temp.Folder("rules");
        File.CreateSymbolicLink(Path.Combine(temp.Path, "rules", "shared.zpol"), outside);

        var outcome = Fmt("rules");

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("rules/shared.zpol: error ZP0320: `rules/shared.zpol` is a symbolic link to ", outcome.Out);
        Assert.Equal(Unformatted, File.ReadAllText(outside));
    }

    [Fact]
    public void A_link_to_a_file_inside_the_folder_formats_the_file_and_stays_a_link()
    {
        var target = temp.Write("rules/real.zpol", Unformatted);
        var link = Path.Combine(temp.Path, "rules", "alias.zpol");
        File.CreateSymbolicLink(link, "real.zpol");

        var outcome = Fmt("rules");

        Assert.Equal((0, "formatted rules/alias.zpol\n"), (outcome.ExitCode, outcome.Out));
        Assert.Equal(Formatted, File.ReadAllText(target));
        Assert.Equal("real.zpol", new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void A_linked_folder_is_not_entered()
    {
        var outside = temp.Write("elsewhere/x.zpol", Unformatted);
        temp.Folder("rules");
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "rules", "linked"), Path.Combine(temp.Path, "elsewhere"));

        var outcome = Fmt("rules");

        Assert.Equal((0, ""), (outcome.ExitCode, outcome.Out));
        Assert.Equal(Unformatted, File.ReadAllText(outside));
    }

    [Fact]
    public void A_named_pipe_is_ZP0315_and_does_not_block()
    {
        if (OperatingSystem.IsWindows())
            return;
        temp.Folder("rules");
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(temp.Path, "rules", "pipe.zpol")))
            mkfifo.WaitForExit();

        var outcome = Fmt("--check", "rules");

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("rules/pipe.zpol: error ZP0315: rule file `rules/pipe.zpol` is ", outcome.Out);
    }

    [Fact]
    public void A_missing_path_is_ZP0310()
    {
        var outcome = Fmt("nowhere.zpol");

        Assert.Equal((2, "nowhere.zpol: error ZP0310: rule file or folder `nowhere.zpol` does not exist\n"), (outcome.ExitCode, outcome.Out));
    }

    [Fact]
    public void Fmt_without_a_path_is_an_argument_error()
    {
        var outcome = Fmt();

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("ZP0311", outcome.Error);
    }

    private CliOutcome Fmt(params string[] args) => Cli.Run(Engines.Unreachable, temp.Path, ["fmt", .. args]);

    private static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
