// HAO Studio for VS Code: starts the HAO language server (`hao lsp`) for .hao files and adds the command
// "HAO: Run search", which runs `hao search` on the current file with a progress notification (Cancel sends Ctrl-C,
// which stops the search and keeps earlier results) and opens the HTML report.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** The `hao` command from the settings (hao.command), with ~ expanded. */
function haoCommand(): string {
  const configured = vscode.workspace.getConfiguration('hao').get<string>('command', 'hao').trim() || 'hao';
  return configured.startsWith('~/') ? path.join(os.homedir(), configured.slice(2)) : configured;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverOptions: ServerOptions = {
    run: { command: haoCommand(), args: ['lsp'], transport: TransportKind.stdio },
    debug: { command: haoCommand(), args: ['lsp'], transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'hao' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.hao') },
  };
  client = new LanguageClient('hao', 'HAO language server', serverOptions, clientOptions);
  context.subscriptions.push(vscode.commands.registerCommand('hao.runSearch', runSearch));
  try {
    await client.start();
  } catch (e) {
    vscode.window.showErrorMessage(`HAO: cannot start the language server with '${haoCommand()} lsp': ${e}. ` +
      'Set hao.command to releng/hao of a HAO Studio checkout.');
  }
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

/** Runs `hao search FILE --report R.html --json R.json` with progress; opens the report when it succeeds. */
async function runSearch(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'hao') {
    vscode.window.showWarningMessage('HAO: open a .hao file to run its search.');
    return;
  }
  if (editor.document.isDirty) {
    await editor.document.save();
  }
  const file = editor.document.uri.fsPath;
  const base = file.replace(/\.hao$/, '');
  const report = `${base}.hao-report.html`;
  const json = `${base}.hao-results.json`;
  const config = vscode.workspace.getConfiguration('hao');
  const args = ['search', file, '--report', report, '--json', json];
  const timeLimit = config.get<number>('search.timeLimit', 0);
  const threads = config.get<number>('search.threads', 0);
  if (timeLimit > 0) { args.push('--time-limit', String(timeLimit)); }
  if (threads > 0) { args.push('--threads', String(threads)); }
  const output = vscode.window.createOutputChannel('HAO search');
  output.clear();
  output.appendLine(`${haoCommand()} ${args.join(' ')}`);
  const code = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `HAO search: ${path.basename(file)}`, cancellable: true },
    (progress, token) => new Promise<number>((resolve) => {
      const child = spawn(haoCommand(), args, { cwd: path.dirname(file) });
      token.onCancellationRequested(() => child.kill('SIGINT'));
      const relay = (data: Buffer) => {
        const text = data.toString();
        output.append(text);
        const last = text.trim().split('\n').pop();
        if (last) { progress.report({ message: last.slice(0, 120) }); }
      };
      child.stdout.on('data', relay);
      child.stderr.on('data', relay);
      child.on('error', (e) => { output.appendLine(String(e)); resolve(-1); });
      child.on('close', (exit) => resolve(exit ?? -1));
    }));
  if (code === 0 && fs.existsSync(report)) {
    await vscode.env.openExternal(vscode.Uri.file(report));
  } else if (code === 130) {
    vscode.window.showInformationMessage('HAO: search cancelled; earlier results kept.');
  } else {
    output.show(true);
    vscode.window.showErrorMessage(`HAO: search failed (exit code ${code}); see the HAO search output.`);
  }
}
