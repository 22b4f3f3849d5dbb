import * as vscode from 'vscode';

export const DEFAULT_API_URL = 'https://api.myintervals.com/';

/** Typed read access to the `intervals.*` settings; the defaults mirror package.json. */
export class Settings {
  private get config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration('intervals');
  }

  get apiUrl(): string {
    return this.config.get<string>('apiUrl', DEFAULT_API_URL).trim() || DEFAULT_API_URL;
  }

  get requestTimeoutMs(): number {
    const seconds = this.config.get<number>('requestTimeoutSeconds', 30);
    return Math.min(300, Math.max(5, Number.isFinite(seconds) ? seconds : 30)) * 1000;
  }

  /** VS Code's own proxy settings, which the HTTP client honours before the environment's. */
  get proxy(): { url?: string; strictSSL: boolean } {
    const http = vscode.workspace.getConfiguration('http');
    const url = http.get<string>('proxy')?.trim();
    return { url: url || undefined, strictSSL: http.get<boolean>('proxyStrictSSL', true) };
  }

  onDidChange(listener: (affects: (section: string) => boolean) => void): vscode.Disposable {
    return vscode.workspace.onDidChangeConfiguration((event) => {
      listener((section) => event.affectsConfiguration(section));
    });
  }
}
