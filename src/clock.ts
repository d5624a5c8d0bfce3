/** Time, injected, so tests can stand anywhere in the monthly cycle. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that reads `start` at the moment it is made and runs on in real time from there, so a
 * server started at a fixed instant (CLOCK_START, development and tests only) still sees time pass:
 * timestamps stay in order, leases run out and deadlines come round as they would.
 */
export function startingClock(start: Date, realNow: () => Date = () => new Date()): Clock {
  const offsetMs = start.getTime() - realNow().getTime();
  return { now: () => new Date(realNow().getTime() + offsetMs) };
}

/**
 * The clock a process runs on: the system's, or one started at CLOCK_START, in which case `warn`
 * is told so (a fixed start must never pass unnoticed in a log).
 */
export function clockFor(clockStart: Date | null, warn: (message: string) => void): Clock {
  if (!clockStart) return systemClock;
  warn(`CLOCK_START is set: the clock started at ${clockStart.toISOString()} and runs on from there, not the system's time (development and tests only).`);
  return startingClock(clockStart);
}
