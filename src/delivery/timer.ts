/**
 * Waiting, injected beside the Clock so tests can run the dispatcher's pacing in fake time: a fake
 * timer moves its clock on instead of sleeping.
 */
export interface Timer {
  /** Resolves after `ms`, or at once when `signal` is aborted. Never rejects. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realTimer: Timer = {
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted || ms <= 0) return resolve();
      const done = () => {
        clearTimeout(timeout);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timeout = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    }),
};

/** A signal that can be raised many times: each raise ends the sleeps waiting on it then. */
export class WakeSignal {
  private controller = new AbortController();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  raise(): void {
    this.controller.abort();
    this.controller = new AbortController();
  }
}
