// The mzlint VS Code extension: starts `mzlint server` (LSP over stdio) for
// `sql` and `mzsql` documents.

import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
} from "vscode-languageclient/node";
import { describeNotFound, expandVariables, findBinary, FindBinaryResult } from "./findBinary";

const CLIENT_ID = "mzlint"; // also makes the client read `mzlint.trace.server`
const CLIENT_NAME = "mzlint";

let client: LanguageClient | undefined;
let clientDisposables: vscode.Disposable[] = [];
let outputChannel: vscode.OutputChannel | undefined;
let traceOutputChannel: vscode.OutputChannel | undefined;
let extensionContext: vscode.ExtensionContext | undefined;

// Start/stop/restart requests run one after the other, never interleaved.
let queue: Promise<void> = Promise.resolve();
function enqueue(job: () => Promise<void>): Promise<void> {
  queue = queue.then(job, job).catch((err) => log(`error: ${errorText(err)}`));
  return queue;
}

function log(message: string): void {
  outputChannel?.appendLine(`[${new Date().toISOString()}] ${message}`);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function firstWorkspaceFolder(): string | undefined {
  const folders = vscode.workspace.workspaceFolders;
  if (!folders) {
    return undefined;
  }
  const local = folders.find((f) => f.uri.scheme === "file");
  return local?.uri.fsPath;
}

/** The `mzlint.configPath` setting, expanded; undefined when empty. */
function configPathSetting(): string | undefined {
  const raw = vscode.workspace.getConfiguration("mzlint").get<string>("configPath", "");
  if (!raw || raw.trim() === "") {
    return undefined;
  }
  const folder = firstWorkspaceFolder();
  const expanded = expandVariables(raw, folder);
  if (expanded === undefined) {
    log(`mzlint.configPath "${raw}" uses \${workspaceFolder} but no folder is open; passing it unexpanded`);
    return raw;
  }
  if (folder && !isAbsolutePath(expanded)) {
    return vscode.Uri.joinPath(vscode.Uri.file(folder), expanded).fsPath;
  }
  return expanded;
}

function isAbsolutePath(p: string): boolean {
  return p.startsWith("/") || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith("\\\\");
}

function resolveBinary(context: vscode.ExtensionContext): FindBinaryResult {
  const setting = vscode.workspace.getConfiguration("mzlint").get<string>("path", "");
  return findBinary(setting, context.extensionPath, process.env.PATH, process.platform, firstWorkspaceFolder(), {
    pathExt: process.env.PATHEXT,
  });
}

async function showNotFound(result: FindBinaryResult): Promise<void> {
  const details = describeNotFound(result);
  log(details);
  const where = result.tried
    .map((c) => (c.source === "path" ? "PATH" : c.location))
    .join(", ");
  const lookedIn = result.tried.some((c) => c.source === "setting")
    ? where
    : `mzlint.path (not set), ${where}`;
  const message = result.found
    ? ""
    : result.settingError
      ? `mzlint: ${result.settingError}. Fix the \`mzlint.path\` setting, or clear it to use a bundled binary or mzlint on PATH.`
      : `mzlint: the mzlint binary was not found (looked in: ${lookedIn}). ` +
        "Install it with `cargo install --path crates/mzlint` from a mzlint checkout, or set `mzlint.path` to the binary.";
  const choice = await vscode.window.showErrorMessage(message, "Open Settings", "Show Output");
  if (choice === "Open Settings") {
    await vscode.commands.executeCommand("workbench.action.openSettings", "mzlint.path");
  } else if (choice === "Show Output") {
    outputChannel?.show();
  }
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const result = resolveBinary(context);
  if (!result.found) {
    void showNotFound(result);
    return;
  }
  log(`using ${result.path} (found via ${result.source === "path" ? "PATH" : result.source === "bundled" ? "the bundled binary" : "mzlint.path"})`);

  const folder = firstWorkspaceFolder();
  // No `transport` field: vscode-languageclient appends `--stdio` to the
  // arguments when `transport: TransportKind.stdio` is given explicitly, and
  // uses stdio anyway when it is left out. The command line is exactly
  // `mzlint server`.
  const serverOptions: ServerOptions = {
    command: result.path,
    args: ["server"],
    options: folder ? { cwd: folder } : undefined,
  };

  const watchers = [
    vscode.workspace.createFileSystemWatcher("**/*.sql"),
    vscode.workspace.createFileSystemWatcher("**/mzlint.toml"),
    vscode.workspace.createFileSystemWatcher("**/.mzlint.toml"),
  ];
  clientDisposables.push(...watchers);

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "sql" },
      { scheme: "file", language: "mzsql" },
      { scheme: "untitled", language: "sql" },
      { scheme: "untitled", language: "mzsql" },
    ],
    synchronize: { fileEvents: watchers },
    initializationOptions: { mzlint: { configPath: configPathSetting() } },
    outputChannel,
    traceOutputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    diagnosticCollectionName: "mzlint",
  };

  const newClient = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  client = newClient;
  try {
    await newClient.start();
    log("server started");
  } catch (err) {
    log(`failed to start ${result.path} server: ${errorText(err)}`);
    const choice = await vscode.window.showErrorMessage(
      `mzlint: could not start \`${result.path} server\`: ${errorText(err)}`,
      "Show Output",
      "Open Settings",
    );
    if (choice === "Show Output") {
      outputChannel?.show();
    } else if (choice === "Open Settings") {
      await vscode.commands.executeCommand("workbench.action.openSettings", "mzlint.path");
    }
  }
}

async function stopClient(): Promise<void> {
  const old = client;
  client = undefined;
  if (old) {
    try {
      await old.dispose(2000);
    } catch (err) {
      log(`error while stopping the server: ${errorText(err)}`);
    }
  }
  for (const d of clientDisposables) {
    d.dispose();
  }
  clientDisposables = [];
}

function restart(reason: string): Promise<void> {
  return enqueue(async () => {
    if (!extensionContext) {
      return;
    }
    log(`restarting the server (${reason})`);
    await stopClient();
    await startClient(extensionContext);
  });
}

function sendConfiguration(): void {
  const c = client;
  if (!c || !c.isRunning()) {
    return;
  }
  const configPath = configPathSetting();
  log(`mzlint.configPath changed to ${configPath ?? "(unset)"}`);
  c.sendNotification(DidChangeConfigurationNotification.type, {
    settings: { mzlint: { configPath } },
  }).catch((err: unknown) => log(`could not send workspace/didChangeConfiguration: ${errorText(err)}`));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionContext = context;
  outputChannel = vscode.window.createOutputChannel("mzlint");
  traceOutputChannel = vscode.window.createOutputChannel("mzlint Language Server Trace");
  context.subscriptions.push(outputChannel, traceOutputChannel);

  context.subscriptions.push(
    vscode.commands.registerCommand("mzlint.restartServer", () => restart("command")),
    vscode.commands.registerCommand("mzlint.showOutput", () => outputChannel?.show()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("mzlint.path")) {
        void restart("mzlint.path changed");
      } else if (e.affectsConfiguration("mzlint.configPath")) {
        sendConfiguration();
      }
    }),
    // A workspace value of `mzlint.path` is ignored until the workspace is
    // trusted (see `capabilities.untrustedWorkspaces` in package.json).
    vscode.workspace.onDidGrantWorkspaceTrust(() => restart("workspace trusted")),
  );

  await enqueue(() => startClient(context));
}

export async function deactivate(): Promise<void> {
  await queue.catch(() => undefined);
  await stopClient();
}
