/** The progress card's view of a job in each state, from its progress and its messages in the outbox. */
import { jobView, aboutDuration, NO_RATES } from '../../../src/app/jobs/job-views';
import { jobScope } from '../../../src/app/jobs/job-scope';
import { readProgress, type JobOutcome, type JobProgress } from '../../../src/app/jobs/job-kinds';
import type { JobRecord } from '../../../src/db/repositories/job-repository';
import { monthPeriod } from '../../../src/domain/periods';

const job = (over: Partial<JobRecord> = {}): JobRecord => ({
  id: 'job-1', requestKey: 'a:chat|1', kind: 'open', period: '2026-12', requestedBy: 'Priya Shah', requestedById: 'p-1', trigger: 'chat',
  status: 'RUNNING', progress: {}, outcome: null, error: null, attempts: 1, leaseOwner: 'here', leaseUntil: null,
  card: { serviceUrl: 'https://smba.example/', conversationId: 'a:chat', tenantId: 't', activityId: '1001' },
  createdAt: new Date('2027-01-06T09:02:00Z'), startedAt: null, finishedAt: null, ...over,
});
const progress = (over: Partial<JobProgress>): JobProgress => ({ phase: 'recording', recorded: 0, toRecord: null, ...over });
const counts = (sent: number, failed: number, waiting: number) => ({ sent, failed, waiting });
const fact = (view: ReturnType<typeof jobView>, title: string) => view.facts.find((f) => f.title === title)?.value;

const opened: JobOutcome = {
  kind: 'step',
  step: { step: 'open', month: '2026-12', periods: ['2026-12', '2026/27 Q3'], queued: 1998, alreadyQueued: 2, unreachable: ['Amir Khan'] },
};

describe('a job\'s progress card view', () => {
  it('says what step, which month and who asked, and that it is starting while queued', () => {
    const view = jobView({ job: job({ status: 'QUEUED' }), progress: readProgress({}), counts: null, rates: NO_RATES });
    expect(view).toMatchObject({
      title: 'Open December 2026',
      subtitle: 'open 2026-12 · asked for by Priya Shah at 6 Jan 2027, 09:02',
      state: 'QUEUED', stateText: 'Starting…', bar: null, facts: [], outcome: [],
    });
    expect(view.note).toMatch(/updates itself every few seconds/);
  });

  it('shows recording x of y, the counts, and the time left at the slower of the measured rates', () => {
    const view = jobView({
      job: job(), progress: progress({ recorded: 400, toRecord: 2000 }), counts: counts(330, 1, 69),
      rates: { recording: 40, sending: 48 },
    });
    expect(view.stateText).toBe('Recording prompts: 400 of 2,000');
    expect(view.facts).toEqual([
      { title: 'Prompts recorded', value: '400 of 2,000' },
      { title: 'Sent', value: '330' },
      { title: 'Failed or undeliverable', value: '1' },
      { title: 'Waiting to be sent', value: '69' },
      // 1,600 recipients at 40 a second: 40 s; 1,669 messages at 48 a second: 35 s.
      { title: 'Time left', value: 'about 40 s' },
    ]);
    expect(view.bar).toEqual({ sent: 16, failed: 1, rest: 83, label: '17% · 330 of 2,000 sent, 1 failed' });
  });

  it('says it is working the time out until a rate is measured', () => {
    const view = jobView({ job: job(), progress: progress({ recorded: 1, toRecord: 2000 }), counts: counts(0, 0, 1), rates: NO_RATES });
    expect(fact(view, 'Time left')).toBe('working it out…');
  });

  it('shows sending once everything is recorded, against what the outbox holds', () => {
    const view = jobView({
      job: job({ outcome: opened }), progress: progress({ phase: 'delivering', recorded: 2000, toRecord: 2000 }), counts: counts(1500, 0, 500),
      rates: { recording: null, sending: 50 },
    });
    expect(view.stateText).toBe('Sending prompts');
    expect(fact(view, 'Time left')).toBe('about 10 s');
    expect(view.bar?.label).toBe('75% · 1,500 of 2,000 sent');
  });

  it('shows the outcome when done, as the chat reply said it', () => {
    const view = jobView({
      job: job({ status: 'DONE', outcome: opened }), progress: progress({ phase: 'done', recorded: 2000, toRecord: 2000 }), counts: counts(1997, 3, 0),
      rates: NO_RATES,
    });
    expect(view.stateText).toBe('Done');
    expect(view.outcome).toEqual([
      '**open 2026-12** (2026-12, 2026/27 Q3): 1998 messages queued, 2 already sent or queued earlier.',
      'Not reachable (the app is not installed for them): Amir Khan.',
    ]);
    expect(view.facts.map((f) => f.title)).toEqual(['Prompts recorded', 'Sent', 'Failed or undeliverable']);
    expect(view.note).toBe('The performance team is told of each message Teams would not take.');
  });

  it('says how many still wait when it stopped following delivery before the end', () => {
    const view = jobView({
      job: job({ status: 'DONE', outcome: opened, attempts: 2 }), progress: progress({ phase: 'done', recorded: 2000, toRecord: 2000, waitingAtEnd: 4 }),
      counts: counts(1996, 0, 4), rates: NO_RATES,
    });
    expect(view.stateText).toBe('Done: 4 still waiting to be sent (they are retried)');
    expect(fact(view, 'Waiting to be sent')).toBe('4');
    expect(view.note).toBe('It was resumed after an interruption; nothing is sent twice.');
  });

  it('shows close with no counts, and its missing figures when done', () => {
    const closed: JobOutcome = { kind: 'step', step: { step: 'close', month: '2026-12', periods: ['2026-12'], queued: 0, alreadyQueued: 0, unreachable: [], closed: ['2026-12'], missing: ['FIN01 2026-12'] } };
    const running = jobView({ job: job({ kind: 'close' }), progress: progress({}), counts: null, rates: NO_RATES });
    expect(running).toMatchObject({ title: 'Close December 2026', stateText: 'Closing…', bar: null, facts: [] });
    const done = jobView({ job: job({ kind: 'close', status: 'DONE', outcome: closed }), progress: progress({ phase: 'done' }), counts: null, rates: NO_RATES });
    expect(done.outcome).toEqual(['**close 2026-12** (2026-12): 0 messages queued, 0 already sent or queued earlier.', 'Closed 2026-12; missing: FIN01 2026-12.']);
  });

  it('says a failed job stopped and how to finish it, without the internal error', () => {
    const view = jobView({ job: job({ status: 'FAILED', error: 'connection reset by peer' }), progress: progress({ phase: 'failed' }), counts: counts(0, 0, 0), rates: NO_RATES });
    expect(view.stateText).toBe('Stopped by an error');
    expect(view.outcome.join(' ')).toMatch(/run "open 2026-12" again to finish it/);
    expect(JSON.stringify(view)).not.toMatch(/connection reset/);
  });

  it('prepares the digest with no recording count, and counts its posts', () => {
    const view = jobView({ job: job({ kind: 'digest', period: '2026-10' }), progress: progress({}), counts: counts(0, 0, 0), rates: NO_RATES });
    expect(view).toMatchObject({ title: 'Board digest for October 2026', stateText: 'Preparing the digest…', bar: null });
    expect(view.facts.map((f) => f.title)).toEqual(['Sent', 'Failed or undeliverable', 'Waiting to be sent', 'Time left']);
  });
});

describe('a job\'s messages', () => {
  it('are those of its step\'s purposes for the month and the quarter or year ending with it', () => {
    expect(jobScope('open', monthPeriod(2026, 12))).toEqual({ purposes: ['prompt'], periods: ['2026-12', '2026/27 Q3'], noun: 'prompts' });
    expect(jobScope('remind', monthPeriod(2026, 10)).purposes).toEqual(['remind-on-demand']);
    expect(jobScope('escalate', monthPeriod(2027, 3)).periods).toEqual(['2027-03', '2026/27 Q4', '2026/27']);
    expect(jobScope('close', monthPeriod(2026, 10))).toMatchObject({ purposes: [], noun: null });
  });

  it('are, for the digest, its post, threads and plan requests, for the periods as at the month', () => {
    expect(jobScope('digest', monthPeriod(2026, 10))).toEqual({
      purposes: ['board-digest', 'board-thread', 'plan-request'], periods: ['2026-10', '2026/27 Q2', '2025/26'], noun: 'posts and plan requests',
    });
  });
});

describe('durations', () => {
  it('are rounded up, in seconds, minutes or hours', () => {
    expect([0, 12.2, 59, 61, 3599, 3900].map(aboutDuration)).toEqual(['moments', 'about 13 s', 'about 59 s', 'about 2 min', 'about 1 h', 'about 1 h 5 min']);
  });
});
