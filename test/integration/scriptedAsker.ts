import * as assert from 'node:assert/strict';
import type { ShownStep } from '../../src/prompts/quickInputAsker';
import { BACK, type Asker, type Back, type Choice, type InputRequest, type PickManyRequest, type PickRequest } from '../../src/prompts/asker';

export type AskedRequest =
  | { kind: 'pick'; request: PickRequest<unknown> }
  | { kind: 'pickMany'; request: PickManyRequest<unknown> }
  | { kind: 'input'; request: InputRequest };

/** The item a pick opens on: the default it names, else the first, as the quick pick does. */
export function opening<T>(request: PickRequest<T>): Choice<T> | undefined {
  return request.items.find((item) => item.value === request.active) ?? request.items[0];
}

/** One scripted answer: what to do with the step that opens next. */
export type Answer = (asked: AskedRequest) => unknown;

/** Accepts what the step offers: the default pick, the selected items, the prefilled text. */
export const accept: Answer = (asked) => {
  switch (asked.kind) {
    case 'pick':
      return opening(asked.request)?.value;
    case 'pickMany':
      return [...asked.request.selected];
    case 'input':
      assert.equal(asked.request.validate?.(asked.request.value), undefined, `the default of "${asked.request.prompt}" is accepted`);
      return asked.request.value;
  }
};

/** Chooses the item with this label (several for a multi-select). */
export function choose(...labels: string[]): Answer {
  return (asked) => {
    assert.notEqual(asked.kind, 'input', `expected a pick, got the input "${asked.kind === 'input' ? asked.request.prompt : ''}"`);
    const items = asked.kind === 'input' ? [] : asked.request.items;
    const values = labels.map((label) => {
      const item = items.find((candidate) => candidate.label === label);
      assert.ok(item, `"${label}" is offered among ${items.map((i) => i.label).join(', ')}`);
      return item.value;
    });
    return asked.kind === 'pickMany' ? values : values[0];
  };
}

/** Types this text; it must pass the step's validation, as Enter would require. */
export function type(text: string): Answer {
  return (asked) => {
    assert.equal(asked.kind, 'input', 'expected an input box');
    const message = asked.kind === 'input' ? asked.request.validate?.(text) : 'not an input';
    assert.equal(message, undefined, `"${text}" is accepted`);
    return text;
  };
}

export const back: Answer = () => BACK;
export const dismiss: Answer = () => undefined;

/** Answers the commands' steps from a script and records what each step offered. */
export class ScriptedAsker implements Asker {
  readonly asked: AskedRequest[] = [];

  constructor(private readonly answers: Answer[]) {}

  get remaining(): number {
    return this.answers.length;
  }

  pick<T>(request: PickRequest<T>): Promise<T | Back | undefined> {
    return this.answer({ kind: 'pick', request: request as PickRequest<unknown> }) as Promise<T | Back | undefined>;
  }

  pickMany<T>(request: PickManyRequest<T>): Promise<T[] | Back | undefined> {
    return this.answer({ kind: 'pickMany', request: request as PickManyRequest<unknown> }) as Promise<T[] | Back | undefined>;
  }

  input(request: InputRequest): Promise<string | Back | undefined> {
    return this.answer({ kind: 'input', request }) as Promise<string | Back | undefined>;
  }

  private answer(asked: AskedRequest): Promise<unknown> {
    this.asked.push(asked);
    const next = this.answers.shift();
    assert.ok(next, `no scripted answer for step ${asked.request.step} (${asked.kind === 'input' ? asked.request.prompt : asked.request.placeholder})`);
    return Promise.resolve(next(asked));
  }
}

/**
 * Follows the real quick input's steps: `shown` lists each step as it opens, and `next()` (called
 * before the action that opens a step) resolves once that step is on screen.
 */
export function watchSteps(source: { onDidShow: (listener: (step: ShownStep) => void) => { dispose(): void } }): {
  readonly shown: ShownStep[];
  next(): Promise<ShownStep>;
  dispose(): void;
} {
  const shown: ShownStep[] = [];
  let waiting: ((step: ShownStep) => void) | undefined;
  const subscription = source.onDidShow((step) => {
    shown.push(step);
    const resolve = waiting;
    waiting = undefined;
    resolve?.(step);
  });
  return {
    shown,
    next: () => new Promise<ShownStep>((resolve) => (waiting = resolve)),
    dispose: () => subscription.dispose(),
  };
}
