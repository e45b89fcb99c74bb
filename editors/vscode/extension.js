// A minimal client for `argmap lsp`: the server does the work; this file starts it for YAML files
// and shows the preview page (argmap.preview) in a web view beside the map, redrawn on save.
"use strict";

const fs = require("fs");
const path = require("path");
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;
let panel;

function showPage(pagePath) {
  if (!panel) {
    panel = vscode.window.createWebviewPanel("argmapPreview", "argmap preview", vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.file(path.dirname(pagePath))],
    });
    panel.onDidDispose(() => { panel = undefined; });
  }
  panel.title = `argmap: ${path.basename(pagePath, ".html")}`;
  panel.webview.html = fs.readFileSync(pagePath, "utf8");
}

async function preview() {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    return;
  }
  try {
    const result = await client.sendRequest("workspace/executeCommand", {
      command: "argmap.preview",
      arguments: [editor.document.uri.toString()],
    });
    showPage(result.path);
  } catch (error) {
    vscode.window.showErrorMessage(`argmap preview: ${error.message}`);
  }
}

async function activate(context) {
  const settings = vscode.workspace.getConfiguration("argmap");
  const [command, ...args] = settings.get("command", ["argmap", "lsp"]);
  const server = { command, args, transport: TransportKind.stdio };
  client = new LanguageClient("argmap", "argmap", server, {
    documentSelector: [{ scheme: "file", language: "yaml" }, { scheme: "untitled", language: "yaml" }],
    synchronize: { configurationSection: "argmap" },
  });
  context.subscriptions.push(vscode.commands.registerCommand("argmap.showPreview", preview));
  await client.start();
  context.subscriptions.push(client.onNotification("argmap/previewUpdated", (params) => {
    if (panel) {
      showPage(params.path);
    }
  }));
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
