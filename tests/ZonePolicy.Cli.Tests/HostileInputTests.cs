using System.Diagnostics;
using Xunit;

namespace ZonePolicy.Cli.Tests;

/// <summary>
/// Inputs an attacker or an accident provides: devices, pipes, folders, huge files, links in and out of the rules
/// root, outputs aimed at inputs. Each is a located diagnostic and exit code 2, never a hang, a crash or a
/// changed input. (These use POSIX devices, pipes and links.)
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Rules = "rule R-1 \"zones declare a level\" { severity error for zone z require has(z.securityLevel) }\n";
    private const string Site = "{ \"schemaVersion\": \"1\", \"zones\": [ { \"id\": \"a\", \"kind\": \"control\" } ] }\n";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TempFolder temp = new();

    public HostileInputTests()
    {
        temp.Write("rules/r.zpol", Rules);
        temp.Write("site.json", Site);
    }

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void A_device_as_a_topology_is_refused_without_being_read(string device)
    {
        var outcome = Check(device, "--rules", "rules");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal([("ZP0315", 0, 0, $"topology file `{device}` is a character device, not a file")], outcome.JsonDiagnostics().Select(d => (d.Id, d.Line, d.Column, d.Message)));
    }

    [Fact]
    public void A_device_as_a_rule_file_or_a_baseline_is_refused()
    {
        var rules = Check("site.json", "--rules", "/dev/urandom");
        var baseline = Check("site.json", "--rules", "rules", "--baseline", "/dev/zero");

        Assert.Equal([("ZP0315", 0, 0, "rule file `/dev/urandom` is a character device, not a file")], rules.JsonDiagnostics().Select(d => (d.Id, d.Line, d.Column, d.Message)));
        Assert.Contains(("ZP0315", 0, 0, "baseline file `/dev/zero` is a character device, not a file"), baseline.JsonDiagnostics().Select(d => (d.Id, d.Line, d.Column, d.Message)));
        Assert.Equal((2, 2), (rules.ExitCode, baseline.ExitCode));
    }

    [Fact]
    public void Named_pipes_as_topology_rule_file_baseline_or_editorconfig_never_hang()
    {
        MakeFifo("pipe.json");
        MakeFifo("rules-pipe/p.zpol");
        MakeFifo("baseline.json");
        MakeFifo(".editorconfig");

        var outcome = Check("pipe.json", "site.json", "--rules", "rules", "--rules", "rules-pipe", "--baseline", "baseline.json");

        Assert.Equal(2, outcome.ExitCode);
        var refused = outcome.JsonDiagnostics().Where(d => d.Id == "ZP0315").Select(d => d.Message).Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "analyzer config file `.editorconfig` is a named pipe (FIFO), not a file",
                "baseline file `baseline.json` is a named pipe (FIFO), not a file",
                "rule file `rules-pipe/p.zpol` is a named pipe (FIFO), not a file",
            ],
            refused);
    }

    [Fact]
    public void A_folder_named_as_a_topology_is_a_folder_not_a_missing_file()
    {
        temp.Folder("plant");

        var outcome = Check("plant", "--rules", "rules");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal([("ZP0315", 0, 0, "topology file `plant` is a folder, not a file; name a file in it")], outcome.JsonDiagnostics().Select(d => (d.Id, d.Line, d.Column, d.Message)));
    }

    [Fact]
    public void Files_over_their_kinds_limit_are_refused_before_they_are_read()
    {
        Sparse("huge.json", 600L * 1024 * 1024);
        Sparse("big-rules/big.zpol", 9L * 1024 * 1024);

        var outcome = Check("huge.json", "--rules", "big-rules");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal(
            [
                ("ZP0316", "rule file `big-rules/big.zpol` is 9 MiB, over the 8 MiB limit for a rule file; split it into smaller files"),
            ],
            outcome.JsonDiagnostics().Select(d => (d.Id, d.Message)));

        var site = Check("huge.json", "--rules", "rules");
        Assert.Equal([("ZP0316", 0, "topology file `huge.json` is 600 MiB, over the 512 MiB limit for a topology file; split it into smaller files")], site.JsonDiagnostics().Select(d => (d.Id, d.Line, d.Message)));
    }

    [Fact]
    public void Lone_carriage_returns_end_lines_in_rule_files_and_topologies()
    {
        temp.Write("cr-rules/r.zpol", "rule R-1 \"r\" {\r  severity error\r  for zone z $\r}\r");
        temp.Write("cr.json", "{\r  \"schemaVersion\": \"1\",\r  \"zones\": [\r    { \"id\": \"a\", \"kind\": \"control\" }\r  ]\r}\r");

        var syntax = Check("cr.json", "--rules", "cr-rules");
        var violation = Check("cr.json", "--rules", "rules");

        Assert.Equal([("ZP0003", 3, 14)], syntax.JsonDiagnostics().Select(d => (d.Id, d.Line, d.Column)));
        Assert.Equal([("R-1", 4, 5)], violation.JsonDiagnostics().Select(d => (d.Id, d.Line, d.Column)));
    }

    [Fact]
    public void The_same_topology_named_twice_or_through_a_link_is_checked_once()
    {
        File.CreateSymbolicLink(Path.Combine(temp.Path, "alias.json"), Path.Combine(temp.Path, "site.json"));

        var outcome = Check("site.json", "./site.json", Path.Combine(temp.Path, "site.json"), "alias.json", "--rules", "rules");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal([("R-1", "site.json")], outcome.Json.GetProperty("diagnostics").EnumerateArray().Select(d => (d.GetProperty("id").GetString(), d.GetProperty("file").GetString())));
    }

    [Fact]
    public void A_report_is_never_written_over_an_input_whatever_path_leads_to_it()
    {
        temp.Write(".editorconfig", "root = true\n");
        File.CreateSymbolicLink(Path.Combine(temp.Path, "report-link.txt"), Path.Combine(temp.Path, "site.json"));
        Run("ln", Path.Combine(temp.Path, "rules", "r.zpol"), Path.Combine(temp.Path, "hard-link.txt"));

        foreach (var (output, input) in new[] { ("report-link.txt", "site.json"), ("hard-link.txt", "rules/r.zpol"), ("rules/r.zpol", "rules/r.zpol"), (".editorconfig", ".editorconfig") })
        {
            var outcome = Cli.Run(PolicyEngine.Check, temp.Path, "check", "site.json", "--rules", "rules", "--output", output);

            Assert.Equal(2, outcome.ExitCode);
            Assert.Equal($"{output}: error ZP0318: `{output}` is the input file `{input}` of this check; write to another file\n", outcome.Error);
        }

        Assert.Equal(Site, File.ReadAllText(Path.Combine(temp.Path, "site.json")));
        Assert.Equal(Rules, File.ReadAllText(Path.Combine(temp.Path, "rules", "r.zpol")));
        Assert.Equal("root = true\n", File.ReadAllText(Path.Combine(temp.Path, ".editorconfig")));
    }

    [Fact]
    public void A_baseline_is_never_written_over_an_input_but_may_refresh_the_baseline_it_read()
    {
        var onRules = Check("site.json", "--rules", "rules", "--write-baseline", "rules/r.zpol");
        Cli.Run(PolicyEngine.Check, temp.Path, "check", "site.json", "--rules", "rules", "--write-baseline", "baseline.json");
        var refreshed = Check("site.json", "--rules", "rules", "--baseline", "baseline.json", "--write-baseline", "baseline.json");

        Assert.Equal(2, onRules.ExitCode);
        Assert.Contains(("ZP0318", 0, 0, "`rules/r.zpol` is the input file `rules/r.zpol` of this check; write to another file"), onRules.JsonDiagnostics().Select(d => (d.Id, d.Line, d.Column, d.Message)));
        Assert.Equal(Rules, File.ReadAllText(Path.Combine(temp.Path, "rules", "r.zpol")));
        Assert.Equal(0, refreshed.ExitCode);
        Assert.Contains("\"rule\": \"R-1\"", File.ReadAllText(Path.Combine(temp.Path, "baseline.json")));
    }

    [Fact]
    public void Output_and_baseline_paths_resolve_against_the_working_directory_and_an_unwritable_one_is_ZP0319()
    {
        temp.Folder("out");

        var written = Cli.Run(PolicyEngine.Check, temp.Path, "check", "site.json", "--rules", "rules", "--output", "out/report.txt", "--write-baseline", "out/baseline.json");
        var unwritable = Check("site.json", "--rules", "rules", "--write-baseline", "missing-folder/baseline.json");

        Assert.Equal(1, written.ExitCode);
        Assert.StartsWith("site.json(1,36): error R-1: ", File.ReadAllText(Path.Combine(temp.Path, "out", "report.txt")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "out", "baseline.json")));
        Assert.Equal(2, unwritable.ExitCode);
        Assert.Contains(("ZP0319", 0, 0, "cannot write `missing-folder/baseline.json`: its folder does not exist"), unwritable.JsonDiagnostics().Select(d => (d.Id, d.Line, d.Column, d.Message)));
    }

    [Fact]
    public void A_link_in_a_rules_folder_that_leads_outside_it_is_refused_and_a_link_loop_is_walked_once()
    {
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "rules", "again"), Path.Combine(temp.Path, "rules"));
        var looped = Check("site.json", "--rules", "rules");

        var outside = temp.Write("outside/evil.zpol", "rule EVIL \"e\" { for zone z forbid true }\n");
        File.CreateSymbolicLink(Path.Combine(temp.Path, "rules", "evil.zpol"), outside);
        var escaped = Check("site.json", "--rules", "rules");

        // Walked twice, the loop would compile r.zpol again and report its rule as a duplicate (ZP0110).
        Assert.Equal(1, looped.ExitCode);
        Assert.Equal([("R-1", 1, 36)], looped.JsonDiagnostics().Select(d => (d.Id, d.Line, d.Column)));
        Assert.Equal(2, escaped.ExitCode);
        Assert.Equal(
            [("ZP0320", 0, 0, $"`rules/evil.zpol` is a symbolic link to `{outside}`, outside the rules root `rules`; rule files are read only from inside it")],
            escaped.JsonDiagnostics().Select(d => (d.Id, d.Line, d.Column, d.Message)));
    }

    [Fact]
    public void An_import_through_a_link_that_leads_outside_the_root_is_ZP0104_at_the_import()
    {
        temp.Write("secret/s.zpol", "rule S \"s\" { for zone z forbid true }\n");
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "rules", "lib"), Path.Combine(temp.Path, "secret"));
        temp.Write("rules/r.zpol", "import \"lib/s.zpol\"\n" + Rules);

        var outcome = Check("site.json", "--rules", "rules/r.zpol");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal([("ZP0104", 1, 8)], outcome.JsonDiagnostics().Select(d => (d.Id, d.Line, d.Column)));
    }

    [Theory]
    [InlineData("plc\\n1", "`plc\\n1` holds a control, line-break or bidirectional formatting character, which no id or reference may contain")]
    [InlineData("plc\\u202E1", "`plc\\u202E1` holds a control, line-break or bidirectional formatting character, which no id or reference may contain")]
    [InlineData("plc\\u00001", "`plc\\u00001` holds a control, line-break or bidirectional formatting character, which no id or reference may contain")]
    public void An_id_with_a_control_or_bidirectional_character_is_refused_by_the_schema(string jsonId, string message)
    {
        temp.Write("ids.json", "{ \"schemaVersion\": \"1\",\n  \"zones\": [ { \"id\": \"" + jsonId + "\", \"kind\": \"control\" } ] }\n");

        var outcome = Check("ids.json", "--rules", "rules");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal([("ZP0202", 2, 22)], outcome.JsonDiagnostics().Select(d => (d.Id, d.Line, d.Column)));
        Assert.EndsWith(message, ZonePolicy.Diagnostics.DisplayText.Escape(outcome.JsonDiagnostics().Single().Message), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_a_topology_or_a_file_name_cannot_forge_a_line_of_text_output()
    {
        temp.Write("names/r.zpol", "rule N-1 \"n\" { severity warning for zone z require false message \"{z.name}\" }\n");
        var forged = "x\nsite.json(1,1): error ZP0000: forged \u202E";
        var file = temp.Write("odd\nname.json", "{ \"schemaVersion\": \"1\", \"zones\": [ { \"id\": \"a\", \"kind\": \"control\", \"name\": " + System.Text.Json.JsonSerializer.Serialize(forged) + " } ] }\n");

        var outcome = Cli.Run(PolicyEngine.Check, temp.Path, "check", file, "--rules", "names");

        var lines = outcome.Out.Split('\n');
        Assert.Equal(3, lines.Length - 1);
        Assert.Equal($"{temp.Path}/odd\\nname.json(1,36): warning N-1: x\\nsite.json(1,1): error ZP0000: forged \\u202E", lines[0]);
        Assert.Equal(0, outcome.ExitCode);
    }

    [Theory]
    [InlineData("n=99999999999999999999", "parameter `n`: number `99999999999999999999` is too large")]
    [InlineData("d=@2026-02-30", "parameter `d`: invalid date `@2026-02-30`: 2026-02 has 28 days")]
    public void A_parameter_that_is_not_a_valid_number_or_date_says_so(string parameter, string message)
    {
        temp.Write("params/p.zpol", "param n = 5\nparam d = @2026-01-01\nrule P \"p\" { for zone z forbid n > 9 and d > @2030-01-01 }\n");

        var outcome = Check("site.json", "--rules", "params", "--param", parameter);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal([("ZP0305", 0, 0, message)], outcome.JsonDiagnostics().Select(d => (d.Id, d.Line, d.Column, d.Message)));
    }

    /// <summary>Runs <c>zpol check ... --format json</c> in the temp folder, failing the test if it does not finish.</summary>
    private CliOutcome Check(params string[] args)
    {
        var run = Task.Run(() => Cli.Run(PolicyEngine.Check, temp.Path, ["check", .. args, "--today", "2026-11-25", "--format", "json"]));
        Assert.True(run.Wait(Patience), "zpol check did not finish: it hangs on its input");
        return run.Result;
    }

    private void MakeFifo(string relativePath)
    {
        var path = Path.Combine(temp.Path, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Run("mkfifo", path);
    }

    private void Sparse(string relativePath, long length)
    {
        var path = Path.Combine(temp.Path, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        file.SetLength(length);
    }

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(program, args);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
