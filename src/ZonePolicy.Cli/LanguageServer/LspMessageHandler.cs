using System.Buffers;
using System.Text;
using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace ZonePolicy.Cli.LanguageServer;

/// <summary>
/// The LSP base protocol over two streams: <c>Content-Length</c> framed JSON-RPC messages. Unlike the framing
/// StreamJsonRpc ships, it survives a bad message: a body that is not JSON is answered with a parse error
/// (-32700), one that is not a JSON-RPC request or notification with an invalid-request error (-32600), a
/// broken header is skipped to the next blank line, and reading goes on with the next message.
/// </summary>
internal sealed class LspMessageHandler(Stream input, Stream output, IJsonRpcMessageFormatter formatter) : IJsonRpcMessageHandler
{
    /// <summary>Far above any real message; a larger Content-Length is refused without reading it into memory.</summary>
    public const int MaxMessageBytes = 64 * 1024 * 1024;

    private readonly BufferedStream reader = new(input, 64 * 1024);
    private readonly SemaphoreSlim writing = new(1, 1);

    public bool CanRead => true;

    public bool CanWrite => true;

    public IJsonRpcMessageFormatter Formatter => formatter;

    public async ValueTask<JsonRpcMessage?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var length = await ReadHeadersAsync(cancellationToken);
            if (length is null)
            {
                return null;
            }

            if (length < 0 || length > MaxMessageBytes)
            {
                await SkipAsync(Math.Max(0, length.Value), cancellationToken);
                await WriteErrorAsync(null, JsonRpcErrorCode.InvalidRequest, $"a message of {length} bytes is not accepted (at most {MaxMessageBytes})", cancellationToken);
                continue;
            }

            var body = new byte[length.Value];
            await reader.ReadExactlyAsync(body, cancellationToken);
            if (await ParseAsync(body, cancellationToken) is { } message)
            {
                return message;
            }
        }
    }

    public async ValueTask WriteAsync(JsonRpcMessage jsonRpcMessage, CancellationToken cancellationToken)
    {
        var body = new ArrayBufferWriter<byte>();
        formatter.Serialize(body, jsonRpcMessage);
        await WriteFramedAsync(body.WrittenMemory, cancellationToken);
    }

    /// <summary>The message, or null after answering a body that is not a JSON-RPC request, notification or response.</summary>
    private async ValueTask<JsonRpcMessage?> ParseAsync(byte[] body, CancellationToken cancellationToken)
    {
        JsonElement? id = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                await WriteErrorAsync(null, JsonRpcErrorCode.InvalidRequest, "a JSON-RPC message is a JSON object", cancellationToken);
                return null;
            }

            id = root.TryGetProperty("id", out var given) && given.ValueKind is JsonValueKind.Number or JsonValueKind.String ? given.Clone() : null;
            var isRequest = root.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String;
            var isResponse = id is not null && (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _));
            if (!root.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0" || !(isRequest || isResponse))
            {
                await WriteErrorAsync(id, JsonRpcErrorCode.InvalidRequest, "not a JSON-RPC 2.0 request, notification or response", cancellationToken);
                return null;
            }
        }
        catch (JsonException e)
        {
            await WriteErrorAsync(null, JsonRpcErrorCode.ParseError, $"the message is not JSON: {e.Message}", cancellationToken);
            return null;
        }

        try
        {
            return formatter.Deserialize(new ReadOnlySequence<byte>(body));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await WriteErrorAsync(id, JsonRpcErrorCode.InvalidRequest, $"the message is not a valid JSON-RPC message: {e.Message}", cancellationToken);
            return null;
        }
    }

    /// <summary>The Content-Length of the next message; -1 when its headers are broken; null at the end of the input.</summary>
    private async ValueTask<int?> ReadHeadersAsync(CancellationToken cancellationToken)
    {
        int? length = null;
        var broken = false;
        var sawLine = false;
        while (await ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (!sawLine)
                {
                    continue;
                }

                return broken || length is null ? -1 : length;
            }

            sawLine = true;
            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                broken = true;
            }
            else if (line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                broken |= !int.TryParse(line[(colon + 1)..].Trim(), out var value) || value < 0;
                length = value;
            }
        }

        return null;
    }

    /// <summary>One header line without its line end; null at the end of the input. Overlong lines are cut.</summary>
    private async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await reader.ReadAsync(one, cancellationToken) == 0)
            {
                return line.Length > 0 ? line.ToString() : null;
            }

            if (one[0] == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            if (line.Length < 1024)
            {
                line.Append((char)one[0]);
            }
        }
    }

    private async ValueTask SkipAsync(int length, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        for (var left = length; left > 0;)
        {
            var read = await reader.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, left)), cancellationToken);
            if (read == 0)
            {
                return;
            }

            left -= read;
        }
    }

    private async ValueTask WriteErrorAsync(JsonElement? id, JsonRpcErrorCode code, string message, CancellationToken cancellationToken)
    {
        var body = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("jsonrpc", "2.0");
            json.WritePropertyName("id");
            if (id is { } known)
            {
                known.WriteTo(json);
            }
            else
            {
                json.WriteNullValue();
            }

            json.WriteStartObject("error");
            json.WriteNumber("code", (int)code);
            json.WriteString("message", message);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        await WriteFramedAsync(body.WrittenMemory, cancellationToken);
    }

    private async ValueTask WriteFramedAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await writing.WaitAsync(cancellationToken);
        try
        {
            await output.WriteAsync(header, cancellationToken);
            await output.WriteAsync(body, cancellationToken);
            await output.FlushAsync(cancellationToken);
        }
        finally
        {
            writing.Release();
        }
    }
}
