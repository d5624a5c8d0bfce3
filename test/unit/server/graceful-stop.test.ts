import { Writable } from 'node:stream';
import { createLogger } from '../../../src/logging/logger';
import { stopGracefully, TELEMETRY_FLUSH_MS, type RunningParts } from '../../../src/graceful-stop';

function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({ write(chunk: Buffer, _e, done) { lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>); done(); } });
  return { log: createLogger({ logLevel: 'info' }, 'test', destination), lines };
}

/** Parts that record when each is asked to stop and finishes; `hang` names one that never finishes. */
function parts(events: string[], hang?: 'dispatcher' | 'telemetry'): RunningParts {
  const stoppable = (name: string) => ({
    stop: async () => {
      events.push(`${name} stopping`);
      if (hang === name) await new Promise(() => {});
      events.push(`${name} stopped`);
    },
  });
  return {
    server: { close: async () => { events.push('server closing'); await new Promise((r) => setTimeout(r, 20)); events.push('server closed'); return { drained: true, abandoned: 0 }; } },
    scheduler: stoppable('scheduler'),
    jobRunner: stoppable('jobRunner'),
    dispatcher: stoppable('dispatcher'),
    telemetry: { shutdown: () => stoppable('telemetry').stop() },
    database: { close: async () => void events.push('database closed') },
  };
}

describe('the graceful stop', () => {
  it('stops taking work everywhere at once, flushes telemetry, and closes the database last', async () => {
    const events: string[] = [];
    const { log } = capturedLog();
    await stopGracefully(parts(events), 1_000, log);
    // None waits for the server's drain to begin stopping.
    for (const part of ['scheduler', 'jobRunner', 'dispatcher']) expect(events.indexOf(`${part} stopping`)).toBeLessThan(events.indexOf('server closed'));
    expect(events.slice(-3)).toEqual(['telemetry stopping', 'telemetry stopped', 'database closed']);
  });

  it('gives a part that hangs no more than the grace, and says so, still closing the database', async () => {
    const events: string[] = [];
    const { log, lines } = capturedLog();
    const startedAt = Date.now();
    await stopGracefully(parts(events, 'dispatcher'), 200, log);
    expect(Date.now() - startedAt).toBeLessThan(200 + 1_000);
    expect(events).not.toContain('dispatcher stopped');
    expect(events.at(-1)).toBe('database closed');
    expect(lines).toContainEqual(expect.objectContaining({ part: 'dispatcher', msg: 'still stopping when the grace ran out; closing the database under it' }));
  });

  it('does not wait on telemetry that cannot send beyond its own short bound', async () => {
    const events: string[] = [];
    const { log, lines } = capturedLog();
    const startedAt = Date.now();
    await stopGracefully(parts(events, 'telemetry'), 5_000, log);
    expect(Date.now() - startedAt).toBeLessThan(TELEMETRY_FLUSH_MS + 1_000);
    expect(events.at(-1)).toBe('database closed');
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'telemetry had not sent its last figures in time; stopping without them' }));
  });
});
