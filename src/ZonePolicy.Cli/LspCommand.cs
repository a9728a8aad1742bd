using System.CommandLine;
using ZonePolicy.Cli.LanguageServer;

namespace ZonePolicy.Cli;

/// <summary><c>zpol lsp</c>: the language server, speaking the Language Server Protocol over standard input and output.</summary>
internal static class LspCommand
{
    public static Command Create()
    {
        var command = new Command("lsp", "Runs the language server for editors, over standard input and output.");
        command.Add(new Option<bool>("--stdio") { Description = "Communicate over standard input and output (the default and only transport)." });
        command.SetAction(_ => LanguageServer.LanguageServer.RunAsync(
            Console.OpenStandardInput(),
            Console.OpenStandardOutput(),
            [Path.Combine(AppContext.BaseDirectory, "packs")]).GetAwaiter().GetResult());
        return command;
    }
}
