using System.Text.Json.Nodes;
using StreamJsonRpc;
using Xunit;
using ZonePolicy.Types;

namespace ZonePolicy.Cli.Tests.LanguageServer;

/// <summary><c>zpol lsp</c> through a real JSON-RPC client: every request it serves, with exact results.</summary>
public sealed class LanguageServerTests : IAsyncLifetime
{
    private const string Common = """
        param min_sl = 2
        let is_firewall(a) = a.type == "firewall"
        """;

    private const string Zones = """
        rule ZN-1 "zones have a level" {
          severity error
          refs "IEC 62443-3-2 ZCR 3"
          for zone z
          require z.securityLevel >= min_sl
          message "{z} has level {z.securityLevel}, below {min_sl}"
        }

        rule ZN-2 "assets behind a firewall" {
          for asset a where not is_firewall(a)
          require a.zone.securityLevel >= min_sl
        }
        """;

    private const string Site = """
        {
          "schemaVersion": "1",
          "zones": [ { "id": "za", "kind": "control", "securityLevel": 1 } ],
          "assets": [ { "id": "fw", "zone": "za", "type": "firewall" }, { "id": "plc", "zone": "za", "type": "plc" } ],
          "waivers": [ { "rule": "ZN-1", "targets": ["za"], "reason": "r", "approvedBy": "x", "expires": "2030-01-01" } ]
        }
        """;

    private const string SiteDiagnostic = "3:64-3:65 2 ZN-2 assets behind a firewall";

    private readonly TempFolder temp = new();
    private LspClient client = null!;

    public async Task InitializeAsync()
    {
        temp.Write("policy/common.zpol", Common);
        temp.Write("policy/zones.zpol", Zones);
        temp.Write("site.topology.json", Site);
        temp.Write("zonepolicy.json", """{ "topologies": ["site.topology.json"], "rules": ["policy"], "today": "2026-11-25" }""");
        client = await LspClient.InitializedAsync(temp.Path);
    }

    public async Task DisposeAsync()
    {
        await client.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task Initialize_announces_the_features_served()
    {
        await using var fresh = LspClient.Start(temp.Path);

        var result = await fresh.RequestAsync("initialize", new { processId = 1, rootUri = fresh.Uri(""), capabilities = new { } });

        Assert.Equal(
            """{"textDocumentSync":{"openClose":true,"change":1,"save":true},"completionProvider":{"triggerCharacters":["."]},"hoverProvider":true,"definitionProvider":true,"referencesProvider":true,"documentSymbolProvider":true,"codeActionProvider":{"codeActionKinds":["quickfix"]},"documentFormattingProvider":true}""",
            result!["capabilities"]!.ToJsonString());
        Assert.Equal("zpol", result["serverInfo"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_request_before_initialize_is_refused_with_server_not_initialized()
    {
        await using var fresh = LspClient.Start(temp.Path);

        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() => fresh.AtAsync("textDocument/hover", "policy/zones.zpol", 0, 0));

        Assert.Equal(-32002, error.ErrorCode);
    }

    [Fact]
    public async Task Diagnostics_as_you_type_follow_each_change_with_the_ids_and_messages_of_check_and_closing_returns_to_the_saved_file()
    {
        var typo = Zones.Replace("require z.securityLevel >= min_sl", "require z.securityLevl >= min_sl");
        await client.OpenAsync("policy/zones.zpol", typo);

        await client.WaitForDiagnosticsAsync("policy/zones.zpol", "4:12-4:24 1 ZP0101 zone has no attribute `securityLevl`; did you mean `securityLevel`?");

        await client.ChangeAsync("policy/zones.zpol", Zones, 2);
        await client.WaitForDiagnosticsAsync("policy/zones.zpol");
        await client.WaitForDiagnosticsAsync("site.topology.json", SiteDiagnostic);

        await client.ChangeAsync("policy/zones.zpol", typo, 3);
        await client.WaitForDiagnosticsAsync("policy/zones.zpol", "4:12-4:24 1 ZP0101 zone has no attribute `securityLevl`; did you mean `securityLevel`?");
        await client.CloseAsync("policy/zones.zpol");
        await client.WaitForDiagnosticsAsync("policy/zones.zpol");
        await client.WaitForDiagnosticsAsync("site.topology.json", SiteDiagnostic);
    }

    [Fact]
    public async Task An_open_topology_is_checked_with_its_unsaved_text()
    {
        await client.OpenAsync("site.topology.json", Site.Replace("\"securityLevel\": 1", "\"securityLevel\": 3"));

        await client.WaitForDiagnosticsAsync("site.topology.json", "4:15-4:16 2 ZP0302 waiver for `ZN-1` on `za` matches no violation; remove it, or check its rule id and targets");
    }

    [Fact]
    public async Task Completion_after_a_dot_lists_the_attributes_of_the_variable_kind_with_types_and_meaning()
    {
        var text = Zones.Replace("require z.securityLevel >= min_sl", "require z.");
        await client.OpenAsync("policy/zones.zpol", text);

        var items = (await client.AtAsync("textDocument/completion", "policy/zones.zpol", 4, 12))!["items"]!.AsArray();

        Assert.Equal(TopologySchema.For(EntityKind.Zone).Attributes.Select(a => $"{a.Name}: {a.Type}"), items.Select(i => $"{i!["label"]}: {i["detail"]}"));
        var level = items.Single(i => i!["label"]!.GetValue<string>() == "securityLevel")!;
        Assert.Equal("```zpol\n(zone) securityLevel: int\n```\n\nTarget security level (IEC 62443 SL-T).", level["documentation"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Completion_in_an_expression_offers_variables_parameters_helpers_and_functions()
    {
        var text = Zones.Replace("for asset a where not is_firewall(a)", "for asset a where ");
        await client.OpenAsync("policy/zones.zpol", text);

        var labels = (await client.AtAsync("textDocument/completion", "policy/zones.zpol", 9, 20))!["items"]!.AsArray().Select(i => i!["label"]!.GetValue<string>()).ToList();

        Assert.Equal(["a", "is_firewall", "min_sl", "len", "lower"], labels.Take(5));
        Assert.Contains("any", labels);
        Assert.Contains("assets", labels);
        Assert.Contains("require", labels);
        Assert.DoesNotContain("rule", labels);
    }

    [Fact]
    public async Task Completion_after_for_lists_the_entity_kinds_and_in_a_waiver_the_rule_ids()
    {
        await client.WaitForDiagnosticsAsync("site.topology.json", SiteDiagnostic);
        await client.OpenAsync("site.topology.json", Site.Replace("\"rule\": \"ZN-1\"", "\"rule\": \""));
        var ids = (await client.AtAsync("textDocument/completion", "site.topology.json", 4, 27))!["items"]!.AsArray().Select(i => $"{i!["label"]} {i["detail"]}");
        Assert.Equal(["ZN-1 zones have a level", "ZN-2 assets behind a firewall"], ids);

        await client.OpenAsync("policy/zones.zpol", Zones.Replace("  for zone z\n", "  for \n"));
        var kinds = (await client.AtAsync("textDocument/completion", "policy/zones.zpol", 3, 6))!["items"]!.AsArray().Select(i => i!["label"]!.GetValue<string>());
        Assert.Equal(["zone", "asset", "conduit", "flow", "data", "operation", "party"], kinds);
    }

    [Fact]
    public async Task Hover_shows_attributes_parameters_variables_functions_and_rules()
    {
        await client.OpenAsync("policy/zones.zpol", Zones);

        Assert.Equal("```zpol\n(zone) securityLevel: int\n```\n\nTarget security level (IEC 62443 SL-T).", await HoverText(4, 14));
        Assert.Equal("```zpol\nparam min_sl: int = 2\n```", await HoverText(4, 30));
        Assert.Equal("```zpol\n(variable) z: zone\n```", await HoverText(4, 10));
        Assert.Equal("```zpol\nlet is_firewall(a)\n```", await HoverText(9, 26));
        Assert.Equal("**ZN-1**: zones have a level\n\nseverity `error`\n\nrefs: IEC 62443-3-2 ZCR 3", await HoverText(0, 6));
        Assert.Null(await client.AtAsync("textDocument/hover", "policy/zones.zpol", 7, 0));
    }

    [Fact]
    public async Task Definition_and_references_follow_helpers_and_parameters_across_files()
    {
        await client.OpenAsync("policy/zones.zpol", Zones);

        var definition = (await client.AtAsync("textDocument/definition", "policy/zones.zpol", 9, 26))!.AsArray();
        Assert.Equal($"{client.Uri("policy/common.zpol")} 1:4-1:15", Describe(Assert.Single(definition)!));

        var references = (await client.RequestAsync("textDocument/references", new
        {
            textDocument = new { uri = client.Uri("policy/zones.zpol") },
            position = new { line = 4, character = 30 },
            context = new { includeDeclaration = true },
        }))!.AsArray().Select(r => Describe(r!));
        Assert.Equal(
            [$"{client.Uri("policy/common.zpol")} 0:6-0:12", $"{client.Uri("policy/zones.zpol")} 4:29-4:35", $"{client.Uri("policy/zones.zpol")} 5:51-5:57", $"{client.Uri("policy/zones.zpol")} 10:34-10:40"],
            references.ToList());
    }

    [Fact]
    public async Task Document_symbols_list_the_declarations_in_order()
    {
        await client.OpenAsync("policy/common.zpol", Common);

        var symbols = (await client.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri = client.Uri("policy/common.zpol") } }))!.AsArray();

        Assert.Equal(["min_sl param 14", "is_firewall (a) 12"], symbols.Select(s => $"{s!["name"]} {s["detail"]} {s["kind"]}"));
    }

    [Fact]
    public async Task A_did_you_mean_diagnostic_has_a_quick_fix_that_writes_the_suggestion()
    {
        var typo = Zones.Replace("require z.securityLevel >= min_sl", "require z.securityLevl >= min_sl");
        await client.OpenAsync("policy/zones.zpol", typo);
        var diagnostic = new
        {
            range = new { start = new { line = 4, character = 12 }, end = new { line = 4, character = 24 } },
            severity = 1,
            code = "ZP0101",
            source = "zpol",
            message = "zone has no attribute `securityLevl`; did you mean `securityLevel`?",
        };

        var actions = (await client.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri = client.Uri("policy/zones.zpol") },
            range = diagnostic.range,
            context = new { diagnostics = new[] { diagnostic } },
        }))!.AsArray();

        var action = Assert.Single(actions)!;
        Assert.Equal("Change to `securityLevel`", action["title"]!.GetValue<string>());
        var edit = action["edit"]!["changes"]![client.Uri("policy/zones.zpol")]![0]!;
        Assert.Equal("""{"range":{"start":{"line":4,"character":12},"end":{"line":4,"character":24}},"newText":"securityLevel"}""", edit.ToJsonString());
    }

    [Fact]
    public async Task A_quick_fix_is_offered_for_our_diagnostics_only_and_others_with_numeric_codes_are_accepted()
    {
        var typo = Zones.Replace("require z.securityLevel >= min_sl", "require z.securityLevl >= min_sl");
        await client.OpenAsync("policy/zones.zpol", typo);
        var range = new { start = new { line = 4, character = 12 }, end = new { line = 4, character = 24 } };

        var actions = (await client.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri = client.Uri("policy/zones.zpol") },
            range,
            context = new { diagnostics = new object[] { new { range, code = 42, message = "unknown word; did you mean `level`?", source = "spelling" }, new { range, message = "no source" } } },
        }))!.AsArray();

        Assert.Empty(actions);
    }

    [Fact]
    public async Task Formatting_edits_a_rule_file_into_the_layout_of_fmt_and_leaves_a_formatted_or_broken_one_alone()
    {
        const string Messy = "param   min_sl=2\nlet is_firewall( a )=a.type==\"firewall\"   // firewalls\n\n\n\nrule ZN-9 \"t\" { for zone z require z.securityLevel>=min_sl }\n";
        await client.OpenAsync("policy/common.zpol", Messy);

        var edits = (await FormatRequest("policy/common.zpol"))!.AsArray();

        var formatted = ZonePolicy.Formatting.RuleFormatter.Format(Messy, "common.zpol").Text!;
        Assert.NotEqual(Messy, formatted);
        Assert.Equal(formatted, Apply(Messy, Assert.Single(edits)!));
        await client.ChangeAsync("policy/common.zpol", formatted, 2);
        Assert.Empty((await FormatRequest("policy/common.zpol"))!.AsArray());
        await client.ChangeAsync("policy/common.zpol", "rule {", 3);
        Assert.Empty((await FormatRequest("policy/common.zpol"))!.AsArray());
        await client.OpenAsync("site.topology.json", Site);
        Assert.Empty((await FormatRequest("site.topology.json"))!.AsArray());
    }

    [Fact]
    public async Task Shutdown_then_exit_ends_the_server_with_code_0_and_requests_after_shutdown_are_refused()
    {
        Assert.Null(await client.RequestAsync("shutdown", new { }));
        var error = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.AtAsync("textDocument/hover", "policy/zones.zpol", 0, 0));
        Assert.Equal(-32600, error.ErrorCode);

        await client.NotifyAsync("exit", new { });

        Assert.Equal(0, await client.Server.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_broken_file_an_unknown_method_and_bad_parameters_never_stop_the_server()
    {
        await client.OpenAsync("policy/zones.zpol", "rule {{{ \u0000 \"unterminated");
        Assert.Contains(await client.NextDiagnosticsAsync("policy/zones.zpol"), d => d.Contains(" ZP0010 ", StringComparison.Ordinal));

        var unknown = await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() => client.RequestAsync("zpol/frobnicate", new { }));
        Assert.Equal(-32601, (int)unknown.ErrorCode);
        var invalid = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => client.RequestAsync("textDocument/hover", new { textDocument = 5 }));
        Assert.Equal(-32602, (int?)invalid.ErrorCode);
        var missing = await Assert.ThrowsAnyAsync<RemoteRpcException>(() => client.RequestAsync("textDocument/hover", new { textDocument = new { uri = client.Uri("policy/zones.zpol") } }));
        Assert.Equal(-32602, (int?)missing.ErrorCode);
        Assert.Contains("position", missing.Message, StringComparison.Ordinal);
        Assert.Null(await client.AtAsync("textDocument/hover", "policy/zones.zpol", 999, 999));
        Assert.Empty((await client.AtAsync("textDocument/definition", "nowhere/else.zpol", 0, 0))!.AsArray());

        Assert.NotNull(await client.AtAsync("textDocument/completion", "policy/zones.zpol", 0, 3));
    }

    private Task<JsonNode?> FormatRequest(string relative) =>
        client.RequestAsync("textDocument/formatting", new { textDocument = new { uri = client.Uri(relative) }, options = new { tabSize = 4, insertSpaces = true } });

    /// <summary>The text after one LSP edit, its positions counted in UTF-16 code units per line.</summary>
    private static string Apply(string text, JsonNode edit)
    {
        int Offset(JsonNode position)
        {
            var offset = 0;
            for (var line = 0; line < position["line"]!.GetValue<int>(); line++)
            {
                offset = text.IndexOf('\n', offset) + 1;
            }

            return offset + position["character"]!.GetValue<int>();
        }

        var range = edit["range"]!;
        return string.Concat(text.AsSpan(0, Offset(range["start"]!)), edit["newText"]!.GetValue<string>(), text.AsSpan(Offset(range["end"]!)));
    }

    private async Task<string?> HoverText(int line, int character) =>
        (await client.AtAsync("textDocument/hover", "policy/zones.zpol", line, character))?["contents"]?["value"]?.GetValue<string>();

    private static string Describe(JsonNode location)
    {
        var range = location["range"]!;
        return $"{location["uri"]} {range["start"]!["line"]}:{range["start"]!["character"]}-{range["end"]!["line"]}:{range["end"]!["character"]}";
    }

}
