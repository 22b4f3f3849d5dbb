/** A stretch of time the user was away while a timer ran. */
export interface IdlePeriod {
  readonly idleStart: Date;
  readonly returnedAt: Date;
  readonly idleSeconds: number;
}

/**
 * Notices when the user comes back after `thresholdMs` without touching this window (focus
 * lost, no edits, selections or terminal input). Pure: the window feeds it events with their
 * times, so it is tested with a fake clock.
 *
 * Leaving the window counts as the last touch: while unfocused nothing the window sees is the
 * user's doing. `lastElsewhere` lets the caller add activity seen by other windows, so working
 * in a second window is not mistaken for being away.
 */
export class IdleTracker {
  private lastActivity: number;
  private focused: boolean;

  constructor(now: number, focused: boolean) {
    this.lastActivity = now;
    this.focused = focused;
  }

  get lastActivityAt(): number {
    return this.lastActivity;
  }

  get isFocused(): boolean {
    return this.focused;
  }

  /** The user did something in this window at `at`. Returns the idle period it ends, if long enough. */
  activity(at: number, thresholdMs: number, lastElsewhere = 0): IdlePeriod | undefined {
    if (!this.focused) {
      // Output in a terminal or a background edit is not the user; focus arrives first.
      return undefined;
    }
    return this.touch(at, thresholdMs, lastElsewhere);
  }

  focusChanged(focused: boolean, at: number, thresholdMs: number, lastElsewhere = 0): IdlePeriod | undefined {
    const was = this.focused;
    this.focused = focused;
    if (!focused) {
      if (was) {
        this.lastActivity = at;
      }
      return undefined;
    }
    return this.touch(at, thresholdMs, lastElsewhere);
  }

  private touch(at: number, thresholdMs: number, lastElsewhere: number): IdlePeriod | undefined {
    const since = Math.max(this.lastActivity, lastElsewhere);
    // The latest event is the latest touch, also after the clock was set back.
    this.lastActivity = at;
    if (thresholdMs <= 0 || at - since < thresholdMs) {
      return undefined;
    }
    return { idleStart: new Date(since), returnedAt: new Date(at), idleSeconds: Math.floor((at - since) / 1000) };
  }
}

/** `intervals.idleMinutes` in milliseconds; 0 (or anything invalid) turns idle detection off. */
export function idleThresholdMs(minutes: unknown): number {
  return typeof minutes === 'number' && Number.isFinite(minutes) && minutes > 0 ? Math.min(minutes, 480) * 60_000 : 0;
}
