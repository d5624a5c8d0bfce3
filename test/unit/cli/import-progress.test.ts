import { ImportProgressLine, type ProgressOutput } from '../../../src/cli/import-progress';
import type { ImportProgress } from '../../../src/app/import-register';

/** A stand-in for stderr that keeps what was written, and a clock the test moves by hand. */
function terminal(isTTY: boolean) {
  const written: string[] = [];
  const out: ProgressOutput = { isTTY, write: (text: string) => written.push(text) };
  let ms = 0;
  return { out, written, now: () => ms, advance: (by: number) => (ms += by) };
}

const values = (done: number, total = 60_000): ImportProgress => ({ step: 'writing', what: 'values', done, total });

describe('the import progress line', () => {
  it('rewrites one line in place on a terminal, and clears it at the end', () => {
    const t = terminal(true);
    const line = new ImportProgressLine(t.out, { now: t.now });

    line.reading('register.xlsx', 1_300_000);
    line.report({ step: 'checking', rows: 61_000 });
    t.advance(500);
    line.report({ step: 'writing', what: 'indicators', done: 0, total: 1_000 });
    t.advance(500);
    line.report(values(24_000));
    t.advance(10); // too soon after the last: not drawn
    line.report(values(26_000));
    t.advance(200);
    line.report(values(28_000));
    t.advance(10); // the last batch is always drawn
    line.report(values(60_000));
    line.finish();

    expect(t.written).toEqual([
      '\rReading register.xlsx (1.2 MB)…\x1b[K',
      '\rChecking 61,000 rows…\x1b[K',
      '\rWriting indicators 0 / 1,000\x1b[K',
      '\rWriting values 24,000 / 60,000\x1b[K',
      '\rWriting values 28,000 / 60,000\x1b[K',
      '\rWriting values 60,000 / 60,000\x1b[K',
      '\r\x1b[K',
    ]);
    expect(t.written.join('')).not.toContain('\n');
  });

  it('writes an occasional plain line when stderr is not a terminal', () => {
    const t = terminal(false);
    const line = new ImportProgressLine(t.out, { now: t.now });

    line.report({ step: 'checking', rows: 61_000 });
    line.report({ step: 'writing', what: 'targets', done: 5_000, total: 5_400 });
    line.report({ step: 'writing', what: 'targets', done: 5_400, total: 5_400 });
    for (let done = 5_000; done <= 60_000; done += 5_000) {
      line.report(values(done));
      t.advance(1_000);
    }
    line.finish();

    expect(t.written).toEqual([
      'Checking 61,000 rows…\n',
      'Writing targets 5,000 / 5,400\n',
      'Writing targets 5,400 / 5,400\n',
      'Writing values 5,000 / 60,000\n',
      'Writing values 30,000 / 60,000\n', // five seconds later
      'Writing values 55,000 / 60,000\n',
      'Writing values 60,000 / 60,000\n',
    ]);
    expect(t.written.join('')).not.toContain('\r');
  });

  it('says nothing for a small file, on a terminal or not', () => {
    for (const isTTY of [true, false]) {
      const t = terminal(isTTY);
      const line = new ImportProgressLine(t.out, { now: t.now });
      line.reading('people.csv', 2_000);
      line.report({ step: 'checking', rows: 1_999 });
      line.report({ step: 'writing', what: 'indicators', done: 0, total: 20 });
      line.report(values(1_900, 1_900));
      line.finish();
      expect(t.written).toEqual([]);
    }
  });

  it('says a dry run is a dry run', () => {
    const t = terminal(false);
    const line = new ImportProgressLine(t.out, { now: t.now, dryRun: true });
    line.report({ step: 'checking', rows: 2_000 });
    line.report(values(2_000, 2_000));
    expect(t.written).toEqual(['Checking 2,000 rows…\n', 'Trying (dry run) values 2,000 / 2,000\n']);
  });
});
