import * as vscode from 'vscode';
import { Emitter, type Event } from '../common/events';
import { asPromptText } from '../common/untrustedText';
import { BACK, choiceText, type Asker, type Back, type Choice, type InputRequest, type PickManyRequest, type PickRequest, type StepPosition } from './asker';

interface ChoiceItem<T> extends vscode.QuickPickItem {
  readonly choice: Choice<T>;
}

function toItem<T>(choice: Choice<T>): ChoiceItem<T> {
  return { ...choiceText(choice), ...(choice.alwaysShow ? { alwaysShow: true } : {}), choice };
}

/** Adds the items loaded while a pick is open, before its trailing always-shown ones, keeping the selection. */
function loadMore<T>(picker: vscode.QuickPick<ChoiceItem<T>>, items: ChoiceItem<T>[], more: () => Promise<readonly Choice<T>[]>, closed: () => boolean): void {
  picker.busy = true;
  let split = items.length;
  while (split > 0 && items[split - 1].alwaysShow) {
    split--;
  }
  more().then(
    (loaded) => {
      // A step answered (or dismissed) before the list arrives is left alone: its widget is gone.
      if (closed()) {
        return;
      }
      const known = new Set(items.map((item) => item.choice.value));
      const added = loaded.filter((choice) => !known.has(choice.value)).map(toItem);
      const active = picker.activeItems[0];
      picker.items = [...items.slice(0, split), ...added, ...items.slice(split)];
      if (active) {
        picker.activeItems = [active];
      }
      picker.busy = false;
    },
    () => {
      if (!closed()) {
        picker.busy = false;
      }
    },
  );
}

function position(input: vscode.QuickInput, request: StepPosition): void {
  input.title = request.title;
  // A single question is no sequence: "1/1" would only take room from the title.
  input.step = request.totalSteps > 1 ? request.step : undefined;
  input.totalSteps = request.totalSteps > 1 ? request.totalSteps : undefined;
  input.ignoreFocusOut = true;
}

function buttons(request: StepPosition): vscode.QuickInputButton[] {
  return (request.canGoBack ?? request.step > 1) ? [vscode.QuickInputButtons.Back] : [];
}

/** A step on screen, with the widget VS Code draws (tests read what it was given). */
export type ShownStep = StepPosition & { readonly widget: vscode.QuickInput };

export interface RefusedInput {
  readonly position: StepPosition;
  readonly value: string;
  readonly message: string;
}

/**
 * Asks with VS Code's quick input: one widget per step with the command's title, a step
 * counter and a back button. Hiding the widget (Escape) cancels.
 */
export class QuickInputAsker implements Asker {
  private readonly shown = new Emitter<ShownStep>();
  /** A step is on screen (tests wait for it before answering the real widget). */
  readonly onDidShow: Event<ShownStep> = this.shown.event;
  private readonly refused = new Emitter<RefusedInput>();
  /** Enter was pressed on text the step does not accept; the step stays open with the message. */
  readonly onDidRefuse: Event<RefusedInput> = this.refused.event;

  dispose(): void {
    this.shown.dispose();
    this.refused.dispose();
  }

  pick<T>(request: PickRequest<T>): Promise<T | Back | undefined> {
    const picker = vscode.window.createQuickPick<ChoiceItem<T>>();
    position(picker, request);
    picker.placeholder = request.placeholder;
    picker.buttons = buttons(request);
    picker.matchOnDescription = true;
    const items = request.items.map(toItem);
    picker.items = items;
    const active = items.find((item) => item.choice.value === request.active);
    if (active) {
      picker.activeItems = [active];
    }
    let closed = false;
    if (request.more) {
      picker.matchOnDetail = true;
      loadMore(picker, items, request.more, () => closed);
    }
    const answered = this.settle<T | Back>(picker, request, (done) => [
      picker.onDidAccept(() => {
        const chosen = picker.selectedItems[0] ?? picker.activeItems[0];
        if (chosen) {
          done(chosen.choice.value);
        }
      }),
    ]);
    return answered.finally(() => {
      closed = true;
    });
  }

  pickMany<T>(request: PickManyRequest<T>): Promise<T[] | Back | undefined> {
    const picker = vscode.window.createQuickPick<ChoiceItem<T>>();
    position(picker, request);
    picker.placeholder = request.placeholder;
    picker.buttons = buttons(request);
    picker.canSelectMany = true;
    picker.matchOnDescription = true;
    const items = request.items.map(toItem);
    picker.items = items;
    picker.selectedItems = items.filter((item) => request.selected.includes(item.choice.value));
    return this.settle<T[] | Back>(picker, request, (done) => [
      picker.onDidAccept(() => done(picker.selectedItems.map((item) => item.choice.value))),
    ]);
  }

  input(request: InputRequest): Promise<string | Back | undefined> {
    const box = vscode.window.createInputBox();
    position(box, request);
    box.prompt = asPromptText(request.prompt);
    box.placeholder = request.placeholder;
    box.value = request.value;
    box.buttons = buttons(request);
    // Checked as the user types; the prefilled text shows only what it means, never an error
    // before the user has done anything.
    const show = (value: string, errors: boolean): boolean => {
      const error = request.validate?.(value);
      if (error !== undefined) {
        box.validationMessage = errors ? { message: asPromptText(error), severity: vscode.InputBoxValidationSeverity.Error } : undefined;
        return false;
      }
      const warning = request.warning?.(value);
      const meaning = request.explain?.(value);
      box.validationMessage = warning
        ? { message: asPromptText(warning), severity: vscode.InputBoxValidationSeverity.Warning }
        : meaning
          ? { message: asPromptText(meaning), severity: vscode.InputBoxValidationSeverity.Info }
          : undefined;
      return true;
    };
    show(request.value, false);
    return this.settle<string | Back>(box, request, (done) => [
      box.onDidChangeValue((value) => show(value, true)),
      box.onDidAccept(() => {
        if (show(box.value, true)) {
          done(box.value);
        } else {
          this.refused.fire({ position: request, value: box.value, message: request.validate?.(box.value) ?? '' });
        }
      }),
    ]);
  }

  private settle<R>(
    input: vscode.QuickInput & { onDidTriggerButton: vscode.Event<vscode.QuickInputButton> },
    request: StepPosition,
    listen: (done: (value: R) => void) => vscode.Disposable[],
  ): Promise<R | undefined> {
    return new Promise<R | undefined>((resolve) => {
      let settled = false;
      const finish = (value: R | undefined): void => {
        if (settled) {
          return;
        }
        settled = true;
        disposables.forEach((d) => d.dispose());
        input.dispose();
        resolve(value);
      };
      const disposables: vscode.Disposable[] = [
        ...listen((value) => finish(value)),
        input.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) {
            finish(BACK as R);
          }
        }),
        input.onDidHide(() => finish(undefined)),
      ];
      input.show();
      this.shown.fire({ title: request.title, step: request.step, totalSteps: request.totalSteps, widget: input });
    });
  }
}
