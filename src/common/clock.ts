/**
 * What time it is, for everything that dates or measures: Log Time's "today", a timer's elapsed
 * time, when a waiting entry is looked up. The composition root hands the same clock to every
 * service, so they all agree on the time.
 */
export interface Clock {
  now(): Date;
}

/** The computer's clock. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
