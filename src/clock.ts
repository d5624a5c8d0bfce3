/** Time, injected, so tests can stand anywhere in the monthly cycle. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
