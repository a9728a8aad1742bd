using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace ZonePolicy.Cli.Tests.LanguageServer;

/// <summary>The real <c>zpol lsp</c> process, spoken to in raw framed JSON over its standard input and output.</summary>
public sealed class LspProcessTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task The_process_answers_bad_messages_with_JSON_RPC_errors_serves_requests_and_exits_0_after_shutdown()
    {
        temp.Write("rules/r.zpol", "param min_sl = 2\nrule ZN-1 \"zones have a level\" { for zone z require z.securityLevel >= min_sl }\n");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = temp.Path,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "zpol.dll"));
        start.ArgumentList.Add("lsp");
        start.ArgumentList.Add("--stdio");
        using var process = Process.Start(start)!;
        var input = process.StandardInput.BaseStream;
        var output = process.StandardOutput.BaseStream;
        var uri = new Uri(Path.Combine(temp.Path, "rules", "r.zpol")).AbsoluteUri;

        await Send(input, """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":"ROOT_URI","capabilities":{}}}""".Replace("ROOT_URI", new Uri(temp.Path).AbsoluteUri).Replace("DOC_URI", uri));
        Assert.Equal(1, (await Receive(output, m => m["id"] is not null))["id"]!.GetValue<int>());

        await Send(input, "{ this is not json");
        Assert.Equal("""{"code":-32700}""", Code(await Receive(output, m => m["error"] is not null)));

        await Send(input, "[1, 2, 3]");
        Assert.Equal("""{"code":-32600}""", Code(await Receive(output, m => m["error"] is not null)));

        await SendRaw(input, "Content-Type: nothing-else\r\n\r\n");
        await Send(input, """{"jsonrpc":"2.0","id":7,"method":"zpol/unknown","params":{}}""");
        var unknown = await Receive(output, m => m["id"]?.GetValue<int>() == 7);
        Assert.Equal("""{"code":-32601}""", Code(unknown));

        await Send(input, """{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"DOC_URI","languageId":"zpol","version":1,"text":"param min_sl = 2\nrule ZN-1 \"t\" { for zone z require z.securityLevl >= min_sl }\n"}}}""".Replace("ROOT_URI", new Uri(temp.Path).AbsoluteUri).Replace("DOC_URI", uri));
        var published = await Receive(output, m => m["method"]?.GetValue<string>() == "textDocument/publishDiagnostics");
        Assert.Equal("ZP0101", published["params"]!["diagnostics"]![0]!["code"]!.GetValue<string>());

        await Send(input, """{"jsonrpc":"2.0","id":8,"method":"textDocument/hover","params":{"textDocument":{"uri":"DOC_URI"},"position":{"line":1,"character":57}}}""".Replace("ROOT_URI", new Uri(temp.Path).AbsoluteUri).Replace("DOC_URI", uri));
        var hover = await Receive(output, m => m["id"]?.GetValue<int>() == 8);
        Assert.Equal("```zpol\nparam min_sl: int = 2\n```", hover["result"]!["contents"]!["value"]!.GetValue<string>());

        await Send(input, """{"jsonrpc":"2.0","id":9,"method":"shutdown"}""");
        await Receive(output, m => m["id"]?.GetValue<int>() == 9);
        await Send(input, """{"jsonrpc":"2.0","method":"exit"}""");

        Assert.True(process.WaitForExit(30_000));
        Assert.Equal(0, process.ExitCode);
        Assert.DoesNotContain("   at ", await process.StandardError.ReadToEndAsync());
    }

    private static string Code(JsonNode message) => new JsonObject { ["code"] = message["error"]!["code"]!.GetValue<int>() }.ToJsonString();

    private static Task Send(Stream input, string body) =>
        SendRaw(input, $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");

    private static async Task SendRaw(Stream input, string text)
    {
        await input.WriteAsync(Encoding.UTF8.GetBytes(text));
        await input.FlushAsync();
    }

    /// <summary>The next message that matches, skipping others (diagnostics, logs); fails after 30 seconds.</summary>
    private static async Task<JsonNode> Receive(Stream output, Func<JsonNode, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var length = 0;
            while (await ReadLine(output, timeout.Token) is { Length: > 0 } header)
            {
                if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(header["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            var body = new byte[length];
            await output.ReadExactlyAsync(body, timeout.Token);
            var message = JsonNode.Parse(body)!;
            if (wanted(message))
            {
                return message;
            }
        }
    }

    private static async Task<string> ReadLine(Stream output, CancellationToken cancellation)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await output.ReadAsync(one, cancellation) == 1 && one[0] != '\n')
        {
            line.Append((char)one[0]);
        }

        return line.ToString().TrimEnd('\r');
    }
}
