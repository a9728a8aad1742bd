using ZonePolicy.Diagnostics;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Scripting;

/// <summary>C# functions of a trusted pack: called from rules like built-ins, checked like built-ins, and bounded.</summary>
public sealed class ScriptFunctionTests
{
    private const string VersionScript = """
        // Compares dotted version numbers part by part: 2.10 is newer than 2.9.
        static bool version_at_least(string version, string minimum)
        {
            var a = Parts(version);
            var b = Parts(minimum);
            for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
            {
                var x = i < a.Length ? a[i] : 0;
                var y = i < b.Length ? b[i] : 0;
                if (x != y)
                {
                    return x > y;
                }
            }

            return true;
        }

        static long[] Parts(string version) => version.Split('.').Select(p => long.TryParse(p, out var n) ? n : 0).ToArray();

        static string? label(string? kind) => kind is null ? "none" : kind.ToUpperInvariant();

        static long total(IReadOnlyList<long> values) => values.Sum();

        """;

    private static readonly string VersionFunctions = string.Join(",\n",
        ScriptPack.Function("version_at_least", "bool", "version: string", "minimum: string"),
        ScriptPack.Function("label", "string?", "kind: string?"),
        ScriptPack.Function("total", "int", "values: list<int>"));

    [Fact]
    public void A_function_is_called_with_typed_arguments_and_null_passes_only_where_declared()
    {
        using var pack = new ScriptPack(VersionFunctions, VersionScript, """
            rule FW-01 "firmware is at least 2.4" {
              severity error
              for asset a where has(a.firmware)
              require version_at_least(a.firmware.version, "2.4")
              message "{a} runs firmware {a.firmware.version}"
            }

            rule FW-02 "labels" {
              severity info
              for asset a
              require false
              message "{a}: {label(a.firmware.version)} {version_at_least(a.firmware.version, \"1\")} {total([1, 2, len(a.id)])}"
            }

            """);

        var result = pack.Check();

        Assert.Equal(
            [
                "FW-01 3: plc-1 runs firmware 2.3.9",
                "FW-02 3: plc-1: 2.3.9 true 8",
                "FW-02 4: plc-2: 2.10 true 8",
                "FW-02 5: hmi-1: none null 8",
            ],
            result.Lines());
    }

    [Fact]
    public void In_a_session_the_program_compiled_once_runs_the_script_as_it_is_at_each_check()
    {
        using var pack = new ScriptPack(VersionFunctions, VersionScript, """
            rule FW-01 "firmware is at least 2.4" {
              severity error
              for asset a where has(a.firmware)
              require version_at_least(a.firmware.version, "2.4")
              message "{a} runs firmware {a.firmware.version}"
            }

            """);
        var session = new CheckSession();

        var first = pack.Check(session);
        File.WriteAllText(pack.Script, VersionScript.Replace("static bool version_at_least(string version, string minimum)", "static bool version_at_least(string version, string minimum) => false;\nstatic bool unused(string version, string minimum)", StringComparison.Ordinal));
        var second = pack.Check(session);

        Assert.Equal(["FW-01 3: plc-1 runs firmware 2.3.9"], first.Lines());
        Assert.Equal(["FW-01 3: plc-1 runs firmware 2.3.9", "FW-01 4: plc-2 runs firmware 2.10"], second.Lines());
    }

    [Theory]
    [InlineData("version_at_least(a.id)", "ZP0103", 4, 11, "`version_at_least` takes 2 arguments, found 1")]
    [InlineData("version_at_least(a.id, 2)", "ZP0106", 4, 11, "`version_at_least` takes `string`, `string`, found `string`, `int`")]
    [InlineData("total(a.id) > 1", "ZP0106", 4, 11, "`total` takes `list<int>`, found `string`")]
    [InlineData("version_at_least(a.id, \"1\") + 1 > 0", "ZP0106", 4, 11, "cannot apply `+` to `bool` and `int`")]
    public void A_call_that_does_not_fit_the_declaration_is_an_error_at_the_call(string condition, string id, int line, int column, string message)
    {
        using var pack = new ScriptPack(VersionFunctions, VersionScript, $$"""
            rule FW-01 "firmware" {
              severity error
              for asset a
              require {{condition}}
              message "{a}"
            }

            """);

        var diagnostic = Assert.Single(pack.Check().Diagnostics);

        Assert.Equal((id, Path.Combine(pack.Folder, "rules.zpol"), line, column, message), (diagnostic.Id, diagnostic.Location.File, diagnostic.Location.Line, diagnostic.Location.Column, diagnostic.Message));
    }

    [Fact]
    public void An_untrusted_pack_with_functions_is_an_error_that_says_how_to_trust_it()
    {
        using var pack = new ScriptPack(VersionFunctions, VersionScript, "rule FW-01 \"x\" { severity error for asset a require true message \"{a}\" }\n");

        var result = pack.Check(trusted: false);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticIds.UntrustedScripts, 9, 16), (diagnostic.Id, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Equal("pack `acme-fw` has C# functions (`functions/fw.csx`), which run only in a trusted pack: trust it with `--trust acme-fw`, or in a project with `<ZonePolicyTrustedPack Include=\"acme-fw\" />`", diagnostic.Message);
        Assert.Equal(2, result.ExitCode);
        Assert.False(Directory.Exists(pack.Cache), "an untrusted script must not even be compiled");
    }

    [Fact]
    public void A_function_that_throws_or_runs_too_long_is_reported_for_its_binding_and_the_rules_go_on()
    {
        var functions = string.Join(",\n",
            ScriptPack.Function("boom", "int", "id: string"),
            """    { "name": "spin", "script": "functions/fw.csx", "parameters": [{ "name": "id", "type": "string" }], "returns": "int", "budgetMilliseconds": 50 }""",
            ScriptPack.Function("deep", "int", "n: int"));
        using var pack = new ScriptPack(functions, """
            static long boom(string id) => id == "plc-1" ? throw new InvalidOperationException("no firmware table for " + id) : 1;

            // Catching the budget's exception does not help: every later check throws again.
            static long spin(string id)
            {
                while (true)
                {
                    try
                    {
                        while (id.Length > 0) { }
                    }
                    catch
                    {
                    }
                }
            }

            static long deep(long n) => deep(n + 1);

            """, """
            rule FW-01 "boom" {
              severity warning
              for asset a
              require boom(a.id) == 1
              message "{a}"
            }

            rule FW-02 "spin" {
              severity warning
              for asset a where a.id == "hmi-1" or spin(a.id) == 1
              require false
              message "{a} passed"
            }

            rule FW-03 "deep" {
              severity warning
              for asset a where a.id == "plc-2"
              require deep(1) == 1
              message "{a}"
            }

            rule FW-04 "unaffected" {
              severity info
              for asset a where a.id == "plc-2"
              require false
              message "{a} checked"
            }

            """);

        var result = pack.Check();

        // Endless recursion is stopped by the budget or, on a small stack, by the stack check first: never a crash.
        var deep = Assert.Single(result.Lines(), l => l.Contains("`deep`", StringComparison.Ordinal));
        Assert.Matches("^ZP041[01] 4: rule `FW-03` could not be evaluated for `plc-2`: C# function `deep` of pack `acme-fw` (threw InsufficientExecutionStackException|ran past its time budget of 100 ms)", deep);
        Assert.Equal(
            [
                "ZP0410 3: rule `FW-01` could not be evaluated for `plc-1`: C# function `boom` of pack `acme-fw` threw InvalidOperationException: no firmware table for plc-1",
                "ZP0411 3: rule `FW-02` could not be evaluated for `plc-1`: C# function `spin` of pack `acme-fw` ran past its time budget of 50 ms",
                "FW-04 4: plc-2 checked",
                "ZP0411 4: rule `FW-02` could not be evaluated for `plc-2`: C# function `spin` of pack `acme-fw` ran past its time budget of 50 ms",
                "FW-02 5: hmi-1 passed",
            ],
            result.Lines().Where(l => l != deep));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["plc-1"], result.Diagnostics.First(d => d.Id == DiagnosticIds.ScriptFunctionThrew).Entities);
    }

    [Fact]
    public void Each_distinct_call_runs_once_per_check_and_a_function_over_budget_three_times_runs_no_more()
    {
        var functions = string.Join(",\n",
            """    { "name": "spin", "script": "functions/fw.csx", "parameters": [{ "name": "id", "type": "string" }], "returns": "int", "budgetMilliseconds": 100 }""",
            ScriptPack.Function("kind_length", "int", "kind: string"),
            ScriptPack.Function("runs", "string", "label: string"));
        using var pack = new ScriptPack(functions, """
            static readonly Dictionary<string, long> Calls = new();

            static long spin(string id)
            {
                Count("spin");
                while (id.Length > 0)
                {
                }

                return 0;
            }

            static long kind_length(string kind)
            {
                Count("kind_length");
                return kind.Length;
            }

            static string runs(string label) => string.Join(" ", Calls.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"));

            static void Count(string name) => Calls[name] = Calls.TryGetValue(name, out var n) ? n + 1 : 1;

            """, """
            rule FW-01 "spins" {
              severity warning
              for asset a
              require spin(a.id) == 0
              message "{a}"
            }

            rule FW-02 "kinds, and more spins" {
              severity info
              for asset a
              require kind_length(a.type) + kind_length(a.type) < 0 or spin(a.type + "!") == 0
              message "{a}"
            }

            rule FW-03 "counts" {
              severity info
              for zone z
              require false
              message "{runs(z.id)}"
            }

            """);

        var result = pack.Check();

        // FW-01 overruns three times, once per asset; FW-02's calls with new arguments then fail without running.
        // The two plc assets share a type, so kind_length ran twice, not six times.
        Assert.Equal(6, result.Diagnostics.Count(d => d.Id == "ZP0411"));
        Assert.Equal("kind_length=2 spin=3", Assert.Single(result.Diagnostics, d => d.Id == "FW-03").Message);
    }

    [Theory]
    [InlineData("static long spin(string id) { again: if (id.Length > 0) goto again; return 1; }")]
    [InlineData("static long spin(string id) { switch (id.Length) { case 0: return 1; default: goto case 0 + 5; case 5: goto default; } }")]
    [InlineData("static long spin(string id) => Enumerable.Repeat(1L, int.MaxValue).Select(x => x + id.Length).Count();")]
    [InlineData("static long spin(string id) { for (;;) { } }")]
    [InlineData("static long Forever => Forever;\nstatic long spin(string id) => Forever;")]
    [InlineData("static long spin(string id) { var next = (Func<long, long>)null!; next = n => next(n + 1); return next(1); }")]
    public void Every_kind_of_endless_script_is_stopped_and_reported(string script)
    {
        var function = """    { "name": "spin", "script": "functions/fw.csx", "parameters": [{ "name": "id", "type": "string" }], "returns": "int", "budgetMilliseconds": 50 }""";
        using var pack = new ScriptPack(function, script, """
            rule FW-01 "spins" {
              severity warning
              for asset a where a.id == "plc-1"
              require spin(a.id) == 1
              message "{a}"
            }

            """);

        var diagnostic = Assert.Single(pack.Check().Diagnostics);

        Assert.Contains(diagnostic.Id, new[] { "ZP0410", "ZP0411" });
        Assert.StartsWith("rule `FW-01` could not be evaluated for `plc-1`: C# function `spin`", diagnostic.Message, StringComparison.Ordinal);
    }
}
