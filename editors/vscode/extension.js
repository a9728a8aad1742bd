// The ZonePolicy extension: starts `zpol lsp` as the language server for rule files, topologies and the
// project file. The grammar, language configuration and JSON Schema associations are declared in package.json.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("zonepolicy.server");
  const command = settings.get("path", "zpol");
  const args = [...settings.get("args", []), "lsp"];
  const server = { command, args, transport: TransportKind.stdio };

  client = new LanguageClient(
    "zonepolicy",
    "ZonePolicy",
    { run: server, debug: server },
    {
      documentSelector: [
        { scheme: "file", language: "zpol" },
        { scheme: "file", pattern: "**/*.topology.json" },
        { scheme: "file", pattern: "**/zonepolicy.json" },
      ],
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.zpol,*.topology.json,zonepolicy.json}"),
      },
    });

  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(event => {
    if (event.affectsConfiguration("zonepolicy.server")) {
      vscode.commands.executeCommand("workbench.action.restartExtensionHost");
    }
  }));
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
