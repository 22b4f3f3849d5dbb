/**
 * The wall clock plus an offset. The timers and the time log read the time through one of these,
 * so the integration tests can move it (a jump, or time passing) without waiting; in use the
 * offset stays 0.
 */
export class AdjustableClock {
  offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}
