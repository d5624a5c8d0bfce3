import { Writable } from 'node:stream';
import { createLogger } from '../../../src/logging/logger';
import { correlationId, withCorrelationId } from '../../../src/logging/correlation';

function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { log: createLogger({ logLevel: 'info' }, 'test', destination), lines };
}

describe('the turn\'s correlation id in the logs', () => {
  it('is on every line written during the turn, by any logger or child, across awaits, and on none outside it', async () => {
    const { log, lines } = capturedLogger();
    const child = log.child({ part: 'entry' });
    await Promise.all(['turn-a', 'turn-b'].map((id) => withCorrelationId(id, async () => {
      log.info('received');
      await new Promise((resolve) => setTimeout(resolve, 5));
      child.info('stored');
      expect(correlationId()).toBe(id);
    })));
    log.info('outside');

    expect(lines.map((l) => [l.msg, l.correlationId])).toEqual([
      ['received', 'turn-a'], ['received', 'turn-b'], ['stored', 'turn-a'], ['stored', 'turn-b'], ['outside', undefined],
    ]);
    expect(lines.find((l) => l.msg === 'stored')).toMatchObject({ part: 'entry' });
  });
});
