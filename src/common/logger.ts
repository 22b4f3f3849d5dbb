import type * as vscode from 'vscode';
import type { Redactor } from '../api/redaction';

/** The one log of the extension, written to the "Intervals" output channel with a component tag. */
export class Logger {
  constructor(
    private readonly channel: vscode.LogOutputChannel,
    /** Blanks the token from every line before it is written. */
    private readonly redactor: Redactor,
    private readonly component?: string,
  ) {}

  child(component: string): Logger {
    return new Logger(this.channel, this.redactor, component);
  }

  show(): void {
    this.channel.show(true);
  }

  trace(message: string): void {
    this.channel.trace(this.format(message));
  }

  debug(message: string): void {
    this.channel.debug(this.format(message));
  }

  info(message: string): void {
    this.channel.info(this.format(message));
  }

  warn(message: string): void {
    this.channel.warn(this.format(message));
  }

  error(message: string | Error): void {
    const text = message instanceof Error ? `${message.name}: ${message.message}` : message;
    this.channel.error(this.format(text));
  }

  private format(message: string): string {
    return this.redactor.redact(this.component ? `[${this.component}] ${message}` : message);
  }
}
