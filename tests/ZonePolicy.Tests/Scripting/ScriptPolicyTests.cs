using ZonePolicy.Diagnostics;
using ZonePolicy.Tests.Support;

namespace ZonePolicy.Tests.Scripting;

/// <summary>What a script may not do is found in its compilation, before it runs, and reported at its place in the <c>.csx</c>.</summary>
public sealed class ScriptPolicyTests
{
    private const string Rules = """
        rule FW-01 "uses f" {
          severity error
          for asset a
          require f(a.id) == 1
          message "{a}"
        }

        """;

    private static readonly string Functions = ScriptPack.Function("f", "int", "id: string");

    [Theory]
    [InlineData("static long f(string id) => System.IO.File.ReadAllText(id).Length;", 1, 29, "`System.IO.File` cannot be used in a C# function: scripts have no access to the file system")]
    [InlineData("static long f(string id) => new System.Net.Http.HttpClient().GetStringAsync(id).Result.Length;", 1, 29, "`System.Net.Http.HttpClient` cannot be used in a C# function: scripts have no access to the network")]
    [InlineData("static long f(string id) => System.Diagnostics.Process.Start(id)!.Id;", 1, 29, "`System.Diagnostics.Process` cannot be used in a C# function: scripts cannot start or inspect processes")]
    [InlineData("static long f(string id) => Environment.GetEnvironmentVariable(id)!.Length;", 1, 29, "`System.Environment` cannot be used in a C# function: scripts have no access to the environment")]
    [InlineData("static long f(string id) => typeof(string).GetMethods().Length;", 1, 29, "`System.Type` cannot be used in a C# function: scripts cannot use reflection")]
    [InlineData("static long f(string id) => new System.Reflection.Emit.DynamicMethod(id, null, null).Name.Length;", 1, 29, "`System.Reflection.Emit.DynamicMethod` cannot be used in a C# function: scripts cannot use reflection")]
    [InlineData("[System.Runtime.InteropServices.DllImport(\"libc\")] static extern long getpid();\nstatic long f(string id) => getpid();", 1, 33, "`System.Runtime.InteropServices.DllImportAttribute` cannot be used in a C# function: scripts cannot call native code")]
    [InlineData("static long f(string id) { new System.Threading.Thread(() => { }).Start(); return 1; }", 1, 28, "`System.Threading.Thread` cannot be used in a C# function: scripts cannot use threads or tasks")]
    [InlineData("static long f(string id) { lock (id) { return 1; } }", 1, 28, "`lock` cannot be used in a C# function: scripts cannot use threads or tasks")]
    [InlineData("static long f(string id) => id.AsParallel().Count();", 1, 32, "`System.Linq.ParallelEnumerable` cannot be used in a C# function: scripts cannot use threads or tasks")]
    [InlineData("static long f(string id) => DateTime.Now.Ticks;", 1, 38, "`System.DateTime.Now` cannot be used in a C# function: a function's result must depend only on its arguments")]
    [InlineData("static long f(string id) => new Random().Next();", 1, 29, "`System.Random` cannot be used in a C# function: a function's result must depend only on its arguments")]
    [InlineData("static long f(string id) { CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; return 1; }", 1, 28, "`System.Globalization.CultureInfo.CurrentCulture` cannot be used in a C# function: scripts cannot change the process's global state")]
    [InlineData("static unsafe long f(string id) { long x = 1; long* p = &x; return *p; }", 1, 8, "`unsafe` cannot be used in a C# function: scripts cannot use unsafe code")]
    [InlineData("#r \"System.IO.dll\"\nstatic long f(string id) => 1;", 1, 1, "`#r` cannot be used in a C# function: a script uses only the assemblies the engine gives it")]
    [InlineData("static long f(string id) => System.Text.RegularExpressions.Regex.IsMatch(id, \"(a+)+$\") ? 1 : 0;", 1, 66, "a regular expression in a C# function needs a match timeout: use an overload that takes one, such as `new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100))`")]
    [InlineData("static long f(string id) => new System.Text.RegularExpressions.Regex(\"a+\").IsMatch(id) ? 1 : 0;", 1, 29, "a regular expression in a C# function needs a match timeout: use an overload that takes one, such as `new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100))`")]
    [InlineData("static long f(string id) => 1;\nSystem.Console.WriteLine(\"hi\");", 2, 1, "a script's top-level statements never run: put code in static methods, and tables in static readonly fields")]
    public void A_forbidden_use_is_ZP0145_at_its_place_in_the_script(string script, int line, int column, string message)
    {
        using var pack = new ScriptPack(Functions, script, Rules);

        var result = pack.Check();

        Assert.True(result.Diagnostics.All(d => d.Id == DiagnosticIds.ForbiddenScriptApi), string.Join("\n", result.Diagnostics));
        Assert.Contains((pack.Folder + "/functions/fw.csx", line, column, message), result.Diagnostics.Select(d => (d.Location.File, d.Location.Line, d.Location.Column, d.Message)));
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void What_a_function_may_use_compiles_and_runs()
    {
        using var pack = new ScriptPack(Functions, """
            using System.Numerics;
            using System.Net;
            using System.Text.RegularExpressions;

            static readonly Dictionary<string, long> Weights = new() { ["plc"] = 2 };
            static readonly Regex Digits = new("[0-9]+", RegexOptions.None, TimeSpan.FromMilliseconds(100));

            static long f(string id)
            {
                var sum = new StringBuilder(id).ToString().Select(c => (long)c).Sum();
                var big = BigInteger.Pow(2, 70) % 7;
                var inRange = IPNetwork.Parse("10.0.0.0/8").Contains(IPAddress.Parse("10.1.2.3"));
                var number = Digits.Match(id).Value;
                return (sum > 0 && big >= 0 && inRange && number.Length > 0 && Weights.ContainsKey(id[..3])) ? 1 : 0;
            }

            """, Rules);

        var result = pack.Check();

        Assert.Equal(["FW-01 5: hmi-1"], result.Lines().Select(l => l[..(l.IndexOf(':') + 1)] + " " + l.Split(": ")[1]));
    }

    [Fact]
    public void A_compile_error_is_ZP0144_with_the_compiler_id_at_its_place()
    {
        using var pack = new ScriptPack(Functions, "static long f(string id) => id.Lenght;\n", Rules);

        var diagnostic = Assert.Single(pack.Check().Diagnostics);

        Assert.Equal((DiagnosticIds.ScriptCompileError, 1, 32), (diagnostic.Id, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Equal("CS1061: 'string' does not contain a definition for 'Lenght' and no accessible extension method 'Lenght' accepting a first argument of type 'string' could be found (are you missing a using directive or an assembly reference?)", diagnostic.Message);
    }

    [Theory]
    [InlineData("static int f(string id) => 1;", 1, 12, "`f` is declared as `f(id: string): int` in the pack manifest, so the script must define it as `static long f(string id)`")]
    [InlineData("static long f(string? id) => 1;", 1, 13, "`f` is declared as `f(id: string): int` in the pack manifest, so the script must define it as `static long f(string id)`")]
    [InlineData("long f(string id) => 1;", 1, 6, "`f` is declared as `f(id: string): int` in the pack manifest, so the script must define it as `static long f(string id)`")]
    [InlineData("static long f(string id) => 1;\nstatic long f(long id) => 2;", 1, 13, "`f` is defined more than once; a C# function has one signature")]
    public void A_method_that_does_not_match_its_declaration_is_ZP0146_at_the_method(string script, int line, int column, string message)
    {
        using var pack = new ScriptPack(Functions, script, Rules);

        var diagnostic = pack.Check().Diagnostics.First();

        Assert.Equal((DiagnosticIds.ScriptSignatureMismatch, line, column, message), (diagnostic.Id, diagnostic.Location.Line, diagnostic.Location.Column, diagnostic.Message));
    }

    [Fact]
    public void A_declared_function_the_script_lacks_is_ZP0146_at_the_declaration()
    {
        using var pack = new ScriptPack(Functions, "static long g(string id) => 1;\n", Rules);

        var diagnostic = Assert.Single(pack.Check().Diagnostics);

        Assert.Equal((DiagnosticIds.ScriptSignatureMismatch, pack.Folder + "/pack.json", 10), (diagnostic.Id, diagnostic.Location.File, diagnostic.Location.Line));
        Assert.Equal($"`{pack.Folder}/functions/fw.csx` has no static method `f`, which the pack manifest declares", diagnostic.Message);
    }

    [Fact]
    public void A_function_named_like_a_built_in_is_ZP0109_at_its_declaration()
    {
        using var pack = new ScriptPack(ScriptPack.Function("len", "int", "id: string"), "static long len(string id) => 1;\n", "rule FW-01 \"x\" { severity error for asset a require true message \"{a}\" }\n");

        var diagnostic = Assert.Single(pack.Check().Diagnostics);

        Assert.Equal((DiagnosticIds.DuplicateDeclaration, pack.Folder + "/pack.json", 10), (diagnostic.Id, diagnostic.Location.File, diagnostic.Location.Line));
        Assert.Equal("`len` is a built-in function; give the C# function another name", diagnostic.Message);
    }

    [Fact]
    public void A_script_that_leaves_the_pack_through_a_link_is_not_read()
    {
        using var pack = new ScriptPack(Functions, "static long f(string id) => 1;\n", Rules);
        var outside = Path.Combine(Path.GetDirectoryName(pack.Folder)!, "outside.csx");
        File.WriteAllText(outside, "static long f(string id) => 1;\n");
        File.Delete(pack.Script);
        File.CreateSymbolicLink(pack.Script, outside);

        var diagnostic = Assert.Single(pack.Check().Diagnostics);

        Assert.Equal(DiagnosticIds.ScriptCompileError, diagnostic.Id);
        Assert.Equal($"cannot read the C# script `{pack.Folder}/functions/fw.csx`: it leaves the pack's folder", diagnostic.Message);
    }
}
