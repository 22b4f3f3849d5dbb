import * as vscode from 'vscode';

/** Returned by a step when the user pressed the back button. */
// A registered symbol, so a copy of this module loaded elsewhere (the tests) means the same value.
export const BACK: unique symbol = Symbol.for('intervals.quickInput.back') as never;
export type Back = typeof BACK;

export interface StepPosition {
  title: string;
  step: number;
  totalSteps: number;
}

/** What a typed value means, shown under the input: an error blocks Enter, info only explains. */
export interface InputCheck {
  ok: boolean;
  message?: string;
}

export interface InputStep extends StepPosition {
  prompt: string;
  value: string;
  placeholder?: string;
  validate?: (value: string) => InputCheck;
}

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
}

export interface PickStep<T> extends StepPosition {
  placeholder: string;
  items: readonly PickItem<T>[];
  /** Index of the item selected when the step opens. */
  activeIndex?: number;
}

/**
 * The questions a multi-step prompt asks. The extension answers them with VS Code's quick input;
 * tests pass their own answers through the same interface.
 */
export interface StepAsker {
  input(step: InputStep): Promise<string | undefined | Back>;
  pick<T>(step: PickStep<T>): Promise<T | undefined | Back>;
}

/** Quick input with a title, a step counter and a back button from the second step on. */
export class QuickInputAsker implements StepAsker {
  input(step: InputStep): Promise<string | undefined | Back> {
    const box = vscode.window.createInputBox();
    box.title = step.title;
    box.step = step.step;
    box.totalSteps = step.totalSteps;
    box.prompt = step.prompt;
    box.value = step.value;
    box.placeholder = step.placeholder;
    box.ignoreFocusOut = true;
    box.buttons = step.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    const check = (value: string): InputCheck => step.validate?.(value) ?? { ok: true };
    const show = (value: string): void => {
      const result = check(value);
      box.validationMessage = result.message
        ? { message: result.message, severity: result.ok ? vscode.InputBoxValidationSeverity.Info : vscode.InputBoxValidationSeverity.Error }
        : undefined;
    };
    show(step.value);
    return new Promise((resolve) => {
      let settled = false;
      const finish = (value: string | undefined | Back): void => {
        if (!settled) {
          settled = true;
          resolve(value);
          box.dispose();
        }
      };
      box.onDidChangeValue(show);
      box.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) {
          finish(BACK);
        }
      });
      box.onDidAccept(() => {
        if (check(box.value).ok) {
          finish(box.value);
        } else {
          show(box.value);
        }
      });
      box.onDidHide(() => finish(undefined));
      box.show();
    });
  }

  pick<T>(step: PickStep<T>): Promise<T | undefined | Back> {
    type Item = vscode.QuickPickItem & { value: T };
    const quickPick = vscode.window.createQuickPick<Item>();
    quickPick.title = step.title;
    quickPick.step = step.step;
    quickPick.totalSteps = step.totalSteps;
    quickPick.placeholder = step.placeholder;
    quickPick.ignoreFocusOut = true;
    quickPick.matchOnDescription = true;
    quickPick.buttons = step.step > 1 ? [vscode.QuickInputButtons.Back] : [];
    const items: Item[] = step.items.map((item) => ({ label: item.label, description: item.description, detail: item.detail, value: item.value }));
    quickPick.items = items;
    const active = items[step.activeIndex ?? 0];
    if (active) {
      quickPick.activeItems = [active];
    }
    return new Promise((resolve) => {
      let settled = false;
      const finish = (value: T | undefined | Back): void => {
        if (!settled) {
          settled = true;
          resolve(value);
          quickPick.dispose();
        }
      };
      quickPick.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) {
          finish(BACK);
        }
      });
      quickPick.onDidAccept(() => {
        const chosen = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
        if (chosen) {
          finish(chosen.value);
        }
      });
      quickPick.onDidHide(() => finish(undefined));
      quickPick.show();
    });
  }
}
