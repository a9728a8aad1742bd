using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nerdbank.Streams;
using StreamJsonRpc;
using Xunit;

namespace ZonePolicy.Cli.Tests.LanguageServer;

/// <summary>
/// A language client on StreamJsonRpc, talking to an in-process <c>zpol lsp</c> over a pair of pipes with the
/// framing StreamJsonRpc ships (not the server's own), collecting the diagnostics it publishes.
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly JsonRpc rpc;
    private readonly ConcurrentDictionary<string, BlockingCollection<JsonNode>> diagnostics = new();
    private readonly ConcurrentQueue<string> logs = new();

    private LspClient(Stream stream, string root, Task<int> server)
    {
        Root = root;
        Server = server;
        rpc = new JsonRpc(new HeaderDelimitedMessageHandler(stream, stream, new SystemTextJsonFormatter { JsonSerializerOptions = Json }));
        rpc.AddLocalRpcTarget(new Notifications(this), new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        rpc.StartListening();
    }

    public string Root { get; }

    /// <summary>The server's run; completes with its exit code.</summary>
    public Task<int> Server { get; }

    public static LspClient Start(string root)
    {
        var (client, server) = FullDuplexStream.CreatePair();
        var packs = Path.Combine(AppContext.BaseDirectory, "packs");
        var run = Task.Run(() => ZonePolicy.Cli.LanguageServer.LanguageServer.RunAsync(server, server, [packs]));
        return new LspClient(client, root, run);
    }

    public static async Task<LspClient> InitializedAsync(string root)
    {
        var client = Start(root);
        await client.RequestAsync("initialize", new { processId = (int?)null, rootUri = client.Uri(""), capabilities = new { } });
        await client.NotifyAsync("initialized", new { });
        return client;
    }

    public string Uri(string relative) => new System.Uri(Path.Combine(Root, relative)).AbsoluteUri.TrimEnd('/');

    public async Task<JsonNode?> RequestAsync(string method, object parameters, CancellationToken cancellation = default)
    {
        var result = await rpc.InvokeWithParameterObjectAsync<JsonElement?>(method, parameters, cancellation);
        return result is { } element ? JsonNode.Parse(element.GetRawText()) : null;
    }

    public Task NotifyAsync(string method, object parameters) => rpc.NotifyWithParameterObjectAsync(method, parameters);

    public Task OpenAsync(string relative, string text, int version = 1) =>
        NotifyAsync("textDocument/didOpen", new { textDocument = new { uri = Uri(relative), languageId = relative.EndsWith(".zpol", StringComparison.Ordinal) ? "zpol" : "json", version, text } });

    public Task ChangeAsync(string relative, string text, int version) =>
        NotifyAsync("textDocument/didChange", new { textDocument = new { uri = Uri(relative), version }, contentChanges = new[] { new { text } } });

    public Task CloseAsync(string relative) => NotifyAsync("textDocument/didClose", new { textDocument = new { uri = Uri(relative) } });

    public Task<JsonNode?> AtAsync(string method, string relative, int line, int character) =>
        RequestAsync(method, new { textDocument = new { uri = Uri(relative) }, position = new { line, character } });

    /// <summary>The next diagnostics published for a document, as `line:col-line:col severity code message` lines.</summary>
    public async Task<string[]> NextDiagnosticsAsync(string relative)
    {
        var queue = diagnostics.GetOrAdd(Uri(relative), _ => []);

        // Off the test's own thread: the client dispatches notifications through it.
        var (taken, published) = await Task.Run(() => (queue.TryTake(out var item, TimeSpan.FromSeconds(20)), item));
        if (!taken || published is null)
        {
            throw new TimeoutException($"no diagnostics were published for {relative}; the server logged: {string.Join(" | ", logs)}; published for: {string.Join(", ", diagnostics.Keys)}");
        }

        return published["diagnostics"]!.AsArray().Select(d =>
        {
            var range = d!["range"]!;
            return $"{range["start"]!["line"]}:{range["start"]!["character"]}-{range["end"]!["line"]}:{range["end"]!["character"]} {d["severity"]} {d["code"]} {d["message"]}";
        }).ToArray();
    }

    /// <summary>Waits for the diagnostics of a document to become <paramref name="expected"/> (checks coalesce edits, so some may be skipped).</summary>
    public async Task WaitForDiagnosticsAsync(string relative, params string[] expected)
    {
        var last = Array.Empty<string>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await NextDiagnosticsAsync(relative);
            }
            catch (TimeoutException)
            {
                break;
            }

            if (last.SequenceEqual(expected))
            {
                return;
            }
        }

        Assert.Equal(expected, last);
    }

    public async ValueTask DisposeAsync()
    {
        rpc.Dispose();
        await Task.WhenAny(Server, Task.Delay(TimeSpan.FromSeconds(10)));
    }

    private void OnDiagnostics(JsonElement parameters)
    {
        var node = JsonNode.Parse(parameters.GetRawText())!;
        diagnostics.GetOrAdd(node["uri"]!.GetValue<string>(), _ => []).Add(node);
    }

    /// <summary>The notifications the server sends the client.</summary>
    private sealed class Notifications(LspClient client)
    {
        [JsonRpcMethod("textDocument/publishDiagnostics")]
        public void PublishDiagnostics(JsonElement parameters) => client.OnDiagnostics(parameters);

        [JsonRpcMethod("window/logMessage")]
        public void LogMessage(JsonElement parameters) => client.logs.Enqueue(parameters.GetProperty("message").GetString() ?? "");
    }
}
