import * as vscode from 'vscode';
import type { StatusItemView } from './statusItemView';

/** Puts a view on a status bar item: hidden, or shown with its text, label and warning colour. */
export function renderStatusItem(item: vscode.StatusBarItem, view: StatusItemView): void {
  if (!view.visible) {
    item.hide();
    return;
  }
  item.text = view.text;
  item.tooltip = view.tooltip;
  item.accessibilityInformation = { label: view.accessibilityLabel, role: 'button' };
  item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  item.show();
}
