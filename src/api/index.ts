// The API layer's public surface, for code that would rather not know the file layout.
export * from './baseUrl';
export * from './client';
export * from './errors';
export * from './logger';
export * from './pagination';
export * from './rateLimiter';
export * from './retry';
export * from './types';
export type { Now, Random, Schedule, Sleep } from './clock';
export { MAX_SERVER_WAIT_MS, MAX_TIMER_DELAY_MS, clampDelay, systemSchedule } from './clock';
