/** A clock and a timer in fake time: sleeping moves the clock on at once. */
import type { Clock } from '../../../src/clock';
import type { Timer } from '../../../src/delivery/timer';

export class FakeTime implements Clock, Timer {
  private ms: number;

  constructor(start: Date) {
    this.ms = start.getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  advance(ms: number): void {
    this.ms += ms;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (!signal?.aborted && ms > 0) this.ms += ms;
  }
}
