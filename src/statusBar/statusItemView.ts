/** What one of the extension's status bar items shows; worked out apart from VS Code. */
export interface StatusItemView {
  readonly visible: boolean;
  readonly text: string;
  /** Plain text: names in it come from the service. */
  readonly tooltip: string;
  readonly accessibilityLabel: string;
  readonly warning: boolean;
}
