import * as assert from 'node:assert/strict';
import { Emitter } from '../../src/common/events';

describe('Emitter', () => {
  it('delivers each fired value to every listener in subscription order', () => {
    const emitter = new Emitter<number>();
    const seen: string[] = [];
    emitter.event((value) => seen.push(`a${value}`));
    emitter.event((value) => seen.push(`b${value}`));
    emitter.fire(1);
    emitter.fire(2);
    assert.deepEqual(seen, ['a1', 'b1', 'a2', 'b2']);
  });

  it('stops delivering to a disposed subscription only', () => {
    const emitter = new Emitter<string>();
    const seen: string[] = [];
    const listener = (value: string): void => {
      seen.push(value);
    };
    const first = emitter.event(listener);
    emitter.event(listener);
    first.dispose();
    first.dispose();
    emitter.fire('x');
    assert.deepEqual(seen, ['x']);
    assert.equal(emitter.listenerCount, 1);
  });

  it('keeps calling the other listeners when one throws, and reports the error', () => {
    const errors: unknown[] = [];
    const emitter = new Emitter<void>((error) => errors.push(error));
    let calls = 0;
    emitter.event(() => {
      throw new Error('boom');
    });
    emitter.event(() => {
      calls++;
    });
    emitter.fire();
    assert.equal(calls, 1);
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /boom/);
  });

  it('lets a listener unsubscribe itself while the event is being fired', () => {
    const emitter = new Emitter<number>();
    const seen: number[] = [];
    const subscription = emitter.event((value) => {
      seen.push(value);
      subscription.dispose();
    });
    emitter.event((value) => seen.push(value * 10));
    emitter.fire(1);
    emitter.fire(2);
    assert.deepEqual(seen, [1, 10, 20]);
  });

  it('drops all listeners on dispose and ignores later subscriptions', () => {
    const emitter = new Emitter<number>();
    const seen: number[] = [];
    emitter.event((value) => seen.push(value));
    emitter.dispose();
    emitter.event((value) => seen.push(value));
    emitter.fire(1);
    assert.deepEqual(seen, []);
    assert.equal(emitter.listenerCount, 0);
  });
});
