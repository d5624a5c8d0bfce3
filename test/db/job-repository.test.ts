/**
 * Background jobs in the database, on both backends: recorded once per command activity, claimed
 * by one runner only, held by a lease that only its owner renews, taken over once the lease has run
 * out, handed back at once by a runner that stops, and ended so that the card's activity id and the
 * end always meet (whichever of the two writes comes second sees the other).
 */
import { describeEachDatabase } from '../support/test-database';
import type { NewJob } from '../../src/db/repositories/job-repository';

const T0 = new Date('2026-11-17T10:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

const job = (requestKey = 'a:personal-29:priya|1668679200000', over: Partial<NewJob> = {}): NewJob => ({
  requestKey, kind: 'open', period: '2026-10', requestedBy: 'Priya Shah', requestedById: null, trigger: 'chat',
  card: { serviceUrl: 'https://smba.trafficmanager.net/uk/', conversationId: 'a:personal-29:priya', tenantId: 'tenant' },
  ...over,
});

describeEachDatabase('background jobs', (db) => {
  const jobs = () => db().store.repos.jobs;

  it('records a job once per request key: a retried activity finds the same job', async () => {
    const first = await jobs().record(job(), T0);
    expect(first.created).toBe(true);
    expect(first.job).toMatchObject({
      kind: 'open', period: '2026-10', status: 'QUEUED', attempts: 0, progress: {}, outcome: null, leaseOwner: null,
      card: { serviceUrl: 'https://smba.trafficmanager.net/uk/', conversationId: 'a:personal-29:priya', tenantId: 'tenant', activityId: null },
      createdAt: T0,
    });
    const retry = await jobs().record(job(), at(3));
    expect(retry).toEqual({ created: false, job: first.job });
    const other = await jobs().record(job('a:personal-29:priya|1668679260000'), at(4));
    expect(other.created).toBe(true);
    expect((await jobs().list()).map((j) => j.id)).toEqual([first.job.id, other.job.id]);
  });

  it('lets one runner claim a job, oldest first, and nobody else while its lease lasts', async () => {
    const older = (await jobs().record(job('k|1'), T0)).job;
    const newer = (await jobs().record(job('k|2', { kind: 'digest' }), at(1))).job;
    const [a, b, c] = await Promise.all([
      jobs().claimNext('runner-a', at(2), at(17)),
      jobs().claimNext('runner-b', at(2), at(17)),
      jobs().claimNext('runner-c', at(2), at(17)),
    ]);
    const claimed = [a, b, c].filter((j) => j !== null);
    expect(claimed.map((j) => j!.id).sort()).toEqual([older.id, newer.id].sort());
    expect(new Set(claimed.map((j) => j!.leaseOwner)).size).toBe(2);
    expect(claimed.every((j) => j!.status === 'RUNNING' && j!.attempts === 1 && j!.startedAt?.getTime() === at(2).getTime())).toBe(true);
    // Leases still running: nothing to claim.
    expect(await jobs().claimNext('runner-d', at(16), at(31))).toBeNull();
  });

  it('lets only the lease holder renew it, record progress and the outcome, and end the job', async () => {
    const { id } = (await jobs().record(job(), T0)).job;
    await jobs().claimNext('runner-a', at(1), at(16));
    const renewed = await jobs().heartbeat(id, 'runner-a', { phase: 'recording', recorded: 100, toRecord: 2000 }, at(3), at(18));
    expect(renewed).toMatchObject({ leaseOwner: 'runner-a', leaseUntil: at(18), progress: { phase: 'recording', recorded: 100, toRecord: 2000 } });
    expect(await jobs().heartbeat(id, 'runner-b', { phase: 'recording', recorded: 1, toRecord: 1 }, at(3), at(18))).toBeNull();
    expect(await jobs().saveOutcome(id, 'runner-b', { kind: 'step' }, {}, at(4))).toBe(false);
    expect(await jobs().finish(id, 'runner-b', { status: 'DONE', progress: {}, at: at(4) })).toBeNull();
    expect(await jobs().release(id, 'runner-b', at(4))).toBe(false);
    expect(await jobs().find(id)).toMatchObject({ status: 'RUNNING', leaseOwner: 'runner-a', progress: { recorded: 100 } });

    expect(await jobs().saveOutcome(id, 'runner-a', { kind: 'step', step: { queued: 2000 } }, { phase: 'delivering', recorded: 2000, toRecord: 2000 }, at(5))).toBe(true);
    const ended = await jobs().finish(id, 'runner-a', { status: 'DONE', progress: { phase: 'done', recorded: 2000, toRecord: 2000 }, at: at(9) });
    expect(ended).toMatchObject({
      status: 'DONE', leaseOwner: null, leaseUntil: null, finishedAt: at(9), error: null,
      outcome: { kind: 'step', step: { queued: 2000 } }, progress: { phase: 'done' },
    });
    // Done is done: no runner claims it again, and its former holder writes nothing more.
    expect(await jobs().claimNext('runner-b', at(100), at(115))).toBeNull();
    expect(await jobs().heartbeat(id, 'runner-a', {}, at(10), at(25))).toBeNull();
  });

  it('takes a job over once the lease of a runner that died has run out; the dead runner can write nothing', async () => {
    const { id } = (await jobs().record(job(), T0)).job;
    await jobs().claimNext('died', at(1), at(16));
    await jobs().heartbeat(id, 'died', { phase: 'recording', recorded: 300, toRecord: 2000 }, at(5), at(20));
    expect(await jobs().claimNext('survivor', at(19), at(34))).toBeNull();
    const taken = await jobs().claimNext('survivor', at(21), at(36));
    // Where it stood: its progress, its first start, and a second attempt.
    expect(taken).toMatchObject({ id, status: 'RUNNING', leaseOwner: 'survivor', attempts: 2, startedAt: at(1), progress: { recorded: 300 } });
    expect(await jobs().heartbeat(id, 'died', {}, at(22), at(37))).toBeNull();
    expect(await jobs().saveOutcome(id, 'died', { kind: 'step' }, {}, at(22))).toBe(false);
    expect(await jobs().finish(id, 'died', { status: 'FAILED', progress: {}, error: 'x', at: at(22) })).toBeNull();
    expect(await jobs().finish(id, 'survivor', { status: 'DONE', progress: { phase: 'done' }, at: at(30) })).toMatchObject({ status: 'DONE' });
  });

  it('takes a handed-back job up at once, not counting the hand-back as an attempt', async () => {
    const { id } = (await jobs().record(job(), T0)).job;
    await jobs().claimNext('stopping', at(1), at(16));
    expect(await jobs().release(id, 'stopping', at(2))).toBe(true);
    expect(await jobs().find(id)).toMatchObject({ status: 'QUEUED', leaseOwner: null, leaseUntil: null, attempts: 0 });
    expect(await jobs().claimNext('next', at(3), at(18))).toMatchObject({ id, attempts: 1, leaseOwner: 'next' });
  });

  it('lets the end and the card\'s activity id meet whichever is written first', async () => {
    // The card is posted first: the runner's end sees where it is.
    const first = (await jobs().record(job('k|card-first'), T0)).job;
    await jobs().claimNext('runner', at(1), at(16));
    expect(await jobs().cardPosted(first.id, 'card-1', at(1))).toMatchObject({ status: 'RUNNING', card: { activityId: 'card-1' } });
    expect(await jobs().finish(first.id, 'runner', { status: 'DONE', progress: {}, at: at(2) })).toMatchObject({ card: { activityId: 'card-1' } });

    // The job ends first: the turn sees it has ended (and shows the end on the card itself).
    const second = (await jobs().record(job('k|end-first'), at(3))).job;
    await jobs().claimNext('runner', at(3), at(18));
    expect(await jobs().finish(second.id, 'runner', { status: 'DONE', progress: {}, at: at(4) })).toMatchObject({ card: { activityId: null } });
    expect(await jobs().cardPosted(second.id, 'card-2', at(5))).toMatchObject({ status: 'DONE', card: { activityId: 'card-2' } });

    // At once: one of the two always sees the other.
    const third = (await jobs().record(job('k|race'), at(6))).job;
    await jobs().claimNext('runner', at(6), at(21));
    const [ended, posted] = await Promise.all([
      jobs().finish(third.id, 'runner', { status: 'DONE', progress: {}, at: at(7) }),
      jobs().cardPosted(third.id, 'card-3', at(7)),
    ]);
    expect(ended!.card.activityId === 'card-3' || posted!.status === 'DONE').toBe(true);
  });
});
