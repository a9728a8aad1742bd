using System.Reflection;
using System.Text.Json;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace ZonePolicy.Cli.LanguageServer;

/// <summary>
/// <c>zpol lsp</c>: a language server over a pair of streams (standard input and output). One method per LSP
/// request or notification served; each delegates to <see cref="Workspace"/> (documents and checks) or
/// <see cref="Features"/>. A request before <c>initialize</c> is refused with -32002, one after <c>shutdown</c>
/// with -32600, an unknown method with -32601; a failure inside a handler is a -32603 error with a one-line
/// message, never a stack trace, and the server goes on.
/// </summary>
internal sealed class LanguageServer
{
    private const int ServerNotInitialized = -32002;

    private readonly JsonRpc rpc;
    private readonly WorkspaceState workspace;
    private readonly Features features;
    private readonly TaskCompletionSource<int> exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool initialized;
    private bool shuttingDown;

    private LanguageServer(Stream input, Stream output, IReadOnlyList<string> packDirectories)
    {
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = ProtocolJson.Options };
        rpc = new JsonRpc(new LspMessageHandler(input, output, formatter));
        workspace = new WorkspaceState(Publish, Log, packDirectories);
        features = new Features(workspace);
        rpc.AddLocalRpcTarget(this, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        rpc.SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false);
    }

    /// <summary>Serves until <c>exit</c> or the end of the input; the exit code is 0 after a <c>shutdown</c>, 1 otherwise.</summary>
    public static async Task<int> RunAsync(Stream input, Stream output, IReadOnlyList<string> packDirectories)
    {
        var server = new LanguageServer(input, output, packDirectories);
        server.rpc.StartListening();
        var ended = await Task.WhenAny(server.exit.Task, server.rpc.Completion.ContinueWith(_ => 1, TaskScheduler.Default));
        var code = await ended;
        server.rpc.Dispose();
        return code;
    }

    [JsonRpcMethod("initialize")]
    public InitializeResult Initialize(InitializeParams parameters)
    {
        var folder = parameters.WorkspaceFolders?.FirstOrDefault()?.Uri ?? parameters.RootUri;
        workspace.RootFolder = folder is null ? parameters.RootPath : DocumentUris.ToPath(folder);
        initialized = true;
        var version = typeof(LanguageServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        return new InitializeResult(
            new ServerCapabilities
            {
                TextDocumentSync = new TextDocumentSyncOptions(OpenClose: true, Change: 1, Save: true),
                CompletionProvider = new CompletionOptions(["."]),
                CodeActionProvider = new CodeActionOptions(["quickfix"]),
                DocumentFormattingProvider = true,
            },
            new ServerInfo("zpol", version.Split('+')[0]));
    }

    [JsonRpcMethod("initialized")]
    public void Initialized(JsonElement? parameters = null) => workspace.ScheduleCheck();

    [JsonRpcMethod("shutdown")]
    public object? Shutdown(JsonElement? parameters = null)
    {
        shuttingDown = true;
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit(JsonElement? parameters = null) => exit.TrySetResult(shuttingDown ? 0 : 1);

    [JsonRpcMethod("textDocument/didOpen")]
    public void DidOpen(DidOpenTextDocumentParams parameters) => Notification(() =>
    {
        var item = parameters.TextDocument;
        workspace.Open(new TextDocument(item.Uri, DocumentUris.ToPath(item.Uri), item.Text, item.Version));
    });

    [JsonRpcMethod("textDocument/didChange")]
    public void DidChange(DidChangeTextDocumentParams parameters) => Notification(() =>
    {
        // Full synchronisation: the last change holds the whole text.
        if (parameters.ContentChanges.LastOrDefault() is { } change)
        {
            workspace.Change(parameters.TextDocument.Uri, change.Text, parameters.TextDocument.Version ?? 0);
        }
    });

    [JsonRpcMethod("textDocument/didClose")]
    public void DidClose(DidCloseTextDocumentParams parameters) => Notification(() => workspace.Close(parameters.TextDocument.Uri));

    [JsonRpcMethod("textDocument/didSave")]
    public void DidSave(DidSaveTextDocumentParams parameters) => Notification(workspace.ScheduleCheck);

    [JsonRpcMethod("workspace/didChangeWatchedFiles")]
    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams parameters) => Notification(workspace.ScheduleCheck);

    [JsonRpcMethod("textDocument/completion")]
    public CompletionList Completion(JsonElement parameters, CancellationToken cancellation) =>
        Request<TextDocumentPositionParams, CompletionList>(parameters, cancellation, p => p.TextDocument, (p, document) => features.Complete(document, p.Position), new CompletionList(false, []));

    [JsonRpcMethod("textDocument/hover")]
    public Hover? Hover(JsonElement parameters, CancellationToken cancellation) =>
        Request<TextDocumentPositionParams, Hover?>(parameters, cancellation, p => p.TextDocument, (p, document) => features.Hover(document, p.Position), null);

    [JsonRpcMethod("textDocument/definition")]
    public IReadOnlyList<Location> Definition(JsonElement parameters, CancellationToken cancellation) =>
        Request<TextDocumentPositionParams, IReadOnlyList<Location>>(parameters, cancellation, p => p.TextDocument, (p, document) => features.Definition(document, p.Position), []);

    [JsonRpcMethod("textDocument/references")]
    public IReadOnlyList<Location> References(JsonElement parameters, CancellationToken cancellation) =>
        Request<ReferenceParams, IReadOnlyList<Location>>(parameters, cancellation, p => p.TextDocument,
            (p, document) => features.References(document, p.Position, p.Context?.IncludeDeclaration ?? true), []);

    [JsonRpcMethod("textDocument/documentSymbol")]
    public IReadOnlyList<DocumentSymbol> DocumentSymbols(JsonElement parameters, CancellationToken cancellation) =>
        Request<DocumentSymbolParams, IReadOnlyList<DocumentSymbol>>(parameters, cancellation, p => p.TextDocument, (_, document) => features.Symbols(document), []);

    [JsonRpcMethod("textDocument/codeAction")]
    public IReadOnlyList<CodeAction> CodeAction(JsonElement parameters, CancellationToken cancellation) =>
        Request<CodeActionParams, IReadOnlyList<CodeAction>>(parameters, cancellation, p => p.TextDocument, (p, document) => features.CodeActions(document, p.Context), []);

    /// <summary>The edits that give a rule file the layout <c>zpol fmt</c> writes; none when it has syntax errors (they are published) or is formatted.</summary>
    [JsonRpcMethod("textDocument/formatting")]
    public IReadOnlyList<TextEdit> Formatting(JsonElement parameters, CancellationToken cancellation) =>
        Request<DocumentFormattingParams, IReadOnlyList<TextEdit>>(parameters, cancellation, p => p.TextDocument, (_, document) => Features.Format(document), []);

    private void Notification(Action handle)
    {
        if (!initialized || shuttingDown)
        {
            return;
        }

        try
        {
            handle();
        }
        catch (Exception e)
        {
            _ = Log($"zpol lsp: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// Serves a request about one document: refused before <c>initialize</c> (-32002) and after <c>shutdown</c>
    /// (-32600), parameters that are not the method's (-32602), an unknown document answered with
    /// <paramref name="empty"/>, a failure of the handler turned into a one-line -32603 error.
    /// </summary>
    private T Request<TParams, T>(JsonElement parameters, CancellationToken cancellation, Func<TParams, TextDocumentIdentifier> identify, Func<TParams, TextDocument, T> handle, T empty)
        where TParams : class
    {
        if (!initialized)
        {
            throw new LocalRpcException("the server is not initialized: send `initialize` first") { ErrorCode = ServerNotInitialized };
        }

        if (shuttingDown)
        {
            throw new LocalRpcException("the server is shutting down") { ErrorCode = (int)JsonRpcErrorCode.InvalidRequest };
        }

        cancellation.ThrowIfCancellationRequested();
        var read = ProtocolJson.Read<TParams>(parameters);
        if (workspace.Get(identify(read).Uri) is not { } document)
        {
            return empty;
        }

        try
        {
            var result = handle(read, document);
            cancellation.ThrowIfCancellationRequested();
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new LocalRpcException($"internal error `{e.GetType().Name}`: {e.Message}; please report it with the document") { ErrorCode = (int)JsonRpcErrorCode.InternalError };
        }
    }

    private Task Publish(PublishDiagnosticsParams parameters) =>
        rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", parameters);

    private Task Log(string message) =>
        rpc.NotifyWithParameterObjectAsync("window/logMessage", new LogMessageParams(1, message));
}
