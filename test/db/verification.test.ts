/**
 * Sign-off by the verifier on both databases (#16): decisions stored against the version they were
 * made for, the owner's confirmation of a queried figure, a refusal that changes nothing, and the
 * Board digest's view of the state after each step.
 */
import { importRegister } from '../../src/app/import-register';
import { EntryService, type Submitter } from '../../src/app/entry/entry-service';
import { VerificationDecisions } from '../../src/app/verification/verification-decisions';
import { QueriedFigures } from '../../src/app/verification/queried-figures';
import { VerifierPrompts } from '../../src/app/verification/verifier-prompts';
import { loadBoardSnapshot } from '../../src/app/board/board-snapshot';
import { buildDigestView } from '../../src/app/board/digest-view';
import type { RegisteredActor } from '../../src/app/actor';
import type { Logger } from '../../src/logging/logger';
import { inputIds } from '../../src/cards/card-contract';
import { parsePeriod, type MonthPeriod, type QuarterPeriod } from '../../src/domain/periods';
import { describeEachDatabase } from '../support/test-database';
import { DIRECTOR, OWNER, smallRegister } from '../support/register-fixtures';
import { fromCard } from '../support/card-commands';
import { auditTrailCsv } from '../../src/app/data-quality/audit-trail-csv';
import { IndicatorPageService } from '../../src/app/scorecard/indicator-page-service';
import { parse } from 'csv-parse/sync';
import { ScorecardService } from '../../src/app/scorecard/scorecard-service';
import { loadQuarterReport } from '../../src/app/report/load-quarter-report';
import { statusLabel } from '../../src/app/scorecard/labels';

const NOW = new Date('2026-06-10T10:00:00Z');
const clock = { now: () => NOW };
const settings = { defaultTolerance: { kind: 'PERCENT_OF_TARGET' as const, percent: 10 } };
const MAY = (parsePeriod('2026-05') as { ok: true; value: MonthPeriod }).value;
const Q1 = (parsePeriod('2026/27 Q1') as { ok: true; value: QuarterPeriod }).value;

describeEachDatabase('verification and sign-off', (db) => {
  let decisions: VerificationDecisions;
  let queries: QueriedFigures;
  let entry: EntryService;
  let marcus: RegisteredActor;
  let gareth: RegisteredActor;
  let srv01 = '';

  const actorOf = async (email: string): Promise<RegisteredActor> => {
    const person = (await db().store.repos.people.findByEmail(email))!;
    return { person, name: person.displayName, roles: [], isAdmin: false, aadObjectId: person.aadObjectId, teamsUserId: null, log: {} as Logger };
  };
  /** What the Board's digest for May says of SRV01 and of verification overall. */
  const digest = async () => {
    const view = buildDigestView(await loadBoardSnapshot(db().store, MAY, NOW, settings.defaultTolerance));
    return { verificationText: view.verificationText, srv01: view.attention.find((a) => a.code === 'SRV01') };
  };
  const versionsOn = async (actor: RegisteredActor) => Object.fromEntries((await decisions.card(actor, '2026-05')).rows.map((r) => [r.indicatorId, r.version]));

  beforeEach(async () => {
    const { store, database } = db();
    await importRegister(store, smallRegister(), { dryRun: false, actorLabel: 'test', currentFinancialYear: 2026 });
    await store.repos.periods.save({ period: '2026-05', openedAt: new Date('2026-06-03T08:00:00Z'), deadline: new Date('2026-06-20T16:00:00Z'), closedAt: null });
    // Marcus verifies SRV01 (the register names its verifier).
    await database.sql.query(`UPDATE indicator SET verifier_id = (SELECT id FROM person WHERE email = $1) WHERE code = 'SRV01'`, [DIRECTOR.email]);
    marcus = await actorOf(DIRECTOR.email);
    gareth = await actorOf(OWNER.email);
    srv01 = (await store.repos.indicators.findByCode('SRV01'))!.id;
    decisions = new VerificationDecisions(store, clock, settings);
    const prompts = new VerifierPrompts(store, clock, (id, teamsUserId, period) => decisions.cardFor(id, 'Marcus Webb', teamsUserId, period));
    entry = new EntryService(store, clock, settings, prompts);
    queries = new QueriedFigures(store, clock, entry, prompts);
  });

  it('shows the verifier the figures they verify, awaiting them, and the digest marks them not yet verified', async () => {
    const card = await decisions.card(marcus, '2026-05');
    expect(card.rows.map((r) => [r.code, r.state, r.version])).toEqual([['SRV01', 'AWAITING', 1]]);
    expect(card.progressText).toBe('Verified 0 of 1');
    expect(await digest()).toEqual({ verificationText: 'Verified 0 of 1 figures with a verifier', srv01: expect.objectContaining({ unverified: true }) });
    // The owner sees none: they verify nothing.
    expect((await decisions.card(gareth, '2026-05')).rows).toEqual([]);
  });

  it('refuses the owner\'s attempt to verify their own figure, changing nothing, and audits it', async () => {
    const view = await decisions.decide(gareth, { period: '2026-05', versions: { [srv01]: 1 }, decisions: [{ indicatorId: srv01, choice: 'VERIFY', comment: '' }] });
    expect(view.banner?.text).toMatch(/^Nothing was changed: you are not the named verifier/);
    expect(await db().database.sql.query(`SELECT count(*)::int AS n FROM value_verification`)).toEqual([{ n: 0 }]);
    expect(await db().store.repos.audit.count({ action: 'verification.refused' })).toBe(1);
  });

  it('verifies a figure against its version; the digest then counts it verified', async () => {
    const view = await decisions.decide(marcus, { period: '2026-05', versions: await versionsOn(marcus), decisions: [{ indicatorId: srv01, choice: 'VERIFY', comment: '' }] });
    expect(view.banner).toEqual({ tone: 'good', text: 'Verified 1 figure.' });
    expect(view.rows[0]).toMatchObject({ state: 'VERIFIED', stateText: expect.stringMatching(/^Verified by Marcus Webb, /) });
    expect(await digest()).toEqual({ verificationText: 'Verified 1 of 1 figures with a verifier', srv01: expect.objectContaining({ unverified: false }) });
    const stored = (await db().store.repos.values.latest(srv01, '2026-05'))!;
    expect(await db().store.repos.audit.forEntity('IndicatorValue', stored.id)).toEqual(expect.arrayContaining([
      expect.objectContaining({ action: 'value.verified', actorLabel: 'Marcus Webb', after: { indicatorId: srv01, period: '2026-05', version: 1, comment: '' } }),
    ]));
  });

  it('shows the tab\'s indicator page the figure as not yet verified, then each version\'s sign-off', async () => {
    const pages = new IndicatorPageService(db().store, clock, settings);
    const viewer = { personId: marcus.person.id, name: 'Marcus Webb', email: DIRECTOR.email, isAdmin: false };
    expect((await pages.page(viewer, 'SRV01', MAY))!.current.qualityText).toBe('not yet verified');
    await decisions.decide(marcus, { period: '2026-05', versions: await versionsOn(marcus), decisions: [{ indicatorId: srv01, choice: 'VERIFY', comment: '' }] });
    const page = (await pages.page(viewer, 'SRV01', MAY))!;
    expect(page.current.qualityText).toBeNull();
    expect(page.history.versions.map((v) => v.flagsText)).toEqual(['verified by Marcus Webb']);
  });

  it('under UNVERIFIED_FIGURES=awaiting-verification reports the unchecked figure as awaiting verification everywhere, until it is verified', async () => {
    const held = { ...settings, unverifiedFigures: 'AWAITING_VERIFICATION' as const };
    const viewer = { personId: marcus.person.id, name: 'Marcus Webb', email: DIRECTOR.email, isAdmin: true };
    const scorecard = new ScorecardService(db().store, clock, held);
    const pages = new IndicatorPageService(db().store, clock, held);
    const reported = async () => {
      const view = buildDigestView(await loadBoardSnapshot(db().store, MAY, NOW, held.defaultTolerance, held.unverifiedFigures));
      return {
        digest: { awaiting: view.totals.awaiting, srv01InAttention: view.attention.some((a) => a.code === 'SRV01') },
        tab: (await scorecard.scorecard(viewer, MAY)).indicators.find((r) => r.code === 'SRV01')!.status,
        page: (await pages.page(viewer, 'SRV01', MAY))!.current.statusLabel,
      };
    };
    // The tab offers and counts the new status only where the council holds figures back.
    const offered = async (s: ScorecardService) => (await s.scorecard(viewer, MAY)).filters.statuses.map((o) => o.label);
    expect(await offered(scorecard)).toContain('Awaiting verification');
    expect(await offered(new ScorecardService(db().store, clock, settings))).not.toContain('Awaiting verification');
    // Rated under the default: the same figure is off target (its colour is held, not changed).
    const rated = buildDigestView(await loadBoardSnapshot(db().store, MAY, NOW, settings.defaultTolerance));
    expect(rated.attention.map((a) => a.code)).toContain('SRV01');
    expect(rated.totals.awaiting).toBe(0);

    expect(await reported()).toEqual({
      digest: { awaiting: 1, srv01InAttention: false },
      tab: 'AWAITING_VERIFICATION',
      page: 'Awaiting verification',
    });
    await decisions.decide(marcus, { period: '2026-05', versions: await versionsOn(marcus), decisions: [{ indicatorId: srv01, choice: 'VERIFY', comment: '' }] });
    // The tab's cached scorecard follows the decision at once (it moves the register's revision on).
    const after = await reported();
    expect(after).toEqual({
      digest: { awaiting: 0, srv01InAttention: true },
      tab: rated.attention.find((a) => a.code === 'SRV01')!.status,
      page: statusLabel(rated.attention.find((a) => a.code === 'SRV01')!.status),
    });
  });

  it('under UNVERIFIED_FIGURES=awaiting-verification the quarterly report counts the unchecked figure apart, until it is verified', async () => {
    const held = { ...settings, unverifiedFigures: 'AWAITING_VERIFICATION' as const };
    const july = new Date('2026-07-10T10:00:00Z');
    // The quarter's report shows June, its last month: SRV01's June figure is in, its verifier has not seen it.
    await db().store.repos.periods.save({ period: '2026-06', openedAt: new Date('2026-07-03T08:00:00Z'), deadline: new Date('2026-07-20T16:00:00Z'), closedAt: null });
    const inJuly = { now: () => july };
    await new EntryService(db().store, inJuly, settings).submitValues(fromCard({ submitter: submitter(gareth), period: '2026-06', inputs: { [inputIds.value(srv01)]: '30' } }));
    const report = async (options: typeof held | typeof settings) => {
      const model = await loadQuarterReport(db().store, Q1, { now: july, ...options });
      return { status: model.indicators.find((x) => x.code === 'SRV01')!.status, awaiting: model.overall.quarter.AWAITING_VERIFICATION };
    };
    const rated = await report(settings);
    expect(rated).toEqual({ status: expect.stringMatching(/^(RED|AMBER|GREEN)$/), awaiting: 0 });
    expect(await report(held)).toEqual({ status: 'AWAITING_VERIFICATION', awaiting: 1 });
    const june = new VerificationDecisions(db().store, inJuly, settings);
    const versions = Object.fromEntries((await june.card(marcus, '2026-06')).rows.map((r) => [r.indicatorId, r.version]));
    await june.decide(marcus, { period: '2026-06', versions, decisions: [{ indicatorId: srv01, choice: 'VERIFY', comment: '' }] });
    expect(await report(held)).toEqual(rated);
  });

  it('refuses a decision on a figure corrected since the card showed it, storing nothing', async () => {
    const shown = await versionsOn(marcus);
    await entry.submitValues(fromCard({ submitter: submitter(gareth), period: '2026-05', inputs: { [inputIds.value(srv01)]: '21.5' } }));
    const view = await decisions.decide(marcus, { period: '2026-05', versions: shown, decisions: [{ indicatorId: srv01, choice: 'VERIFY', comment: '' }] });
    expect(view.rows[0]!.error).toMatch(/SRV01's figure has changed since this card showed it \(it is now version 2\)/);
    expect(await db().database.sql.query(`SELECT count(*)::int AS n FROM value_verification`)).toEqual([{ n: 0 }]);
  });

  it('sends a query back; the owner confirms the figure; it awaits the verifier again, then is verified', async () => {
    const queried = await decisions.decide(marcus, {
      period: '2026-05', versions: await versionsOn(marcus), decisions: [{ indicatorId: srv01, choice: 'QUERY', comment: 'Does this include the backlog?' }],
    });
    expect(queried.rows[0]).toMatchObject({ state: 'QUERIED', stateText: expect.stringMatching(/Queried by Marcus Webb, .*: Does this include the backlog\?$/) });
    expect(await digest()).toEqual({ verificationText: 'Verified 0 of 1 figures with a verifier', srv01: expect.objectContaining({ unverified: true }) });

    const valueId = (await db().store.repos.values.latest(srv01, '2026-05'))!.id;
    // Only its owner or a delegate may answer.
    await expect(queries.confirm(marcus, valueId, 'yes')).rejects.toThrow(/Only SRV01's owner or a named delegate/);
    const answered = await queries.confirm(gareth, valueId, 'Yes: 40 backlog cases are in it.');
    expect(answered).toMatchObject({ state: 'ANSWERED', stateText: expect.stringMatching(/^You confirmed the figure on .*: Yes: 40 backlog cases are in it\.$/) });
    // Pressing it again changes nothing.
    await queries.confirm(gareth, valueId, 'again');
    expect(await db().database.sql.query(`SELECT decision::text FROM value_verification ORDER BY decided_at, id`)).toEqual([{ decision: 'QUERIED' }, { decision: 'CONFIRMED_BY_OWNER' }]);

    const again = await decisions.card(marcus, '2026-05');
    expect(again.rows[0]).toMatchObject({ state: 'AWAITING', stateText: 'Queried earlier: Does this include the backlog? Gareth Lewis confirmed the figure: Yes: 40 backlog cases are in it.' });
    await decisions.decide(marcus, { period: '2026-05', versions: await versionsOn(marcus), decisions: [], all: true });
    expect(await digest()).toEqual({ verificationText: 'Verified 1 of 1 figures with a verifier', srv01: expect.objectContaining({ unverified: false }) });

    // The period's audit trail, for internal audit, holds each step in order, read back as a CSV.
    const rows = parse((await auditTrailCsv(db().store, MAY)).csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r.Action!.startsWith('value.')).map((r) => [r.Action, r.Who, r.Indicator, r.Version, r['Note or comment']])).toEqual(
      expect.arrayContaining([
        ['value.queried', 'Marcus Webb', 'SRV01', '1', 'Does this include the backlog?'],
        ['value.query-answered', 'Gareth Lewis', 'SRV01', '1', 'Yes: 40 backlog cases are in it.'],
        ['value.verified', 'Marcus Webb', 'SRV01', '1', ''],
      ]),
    );
    const actions = rows.map((r) => r.Action);
    expect(actions.indexOf('value.queried')).toBeLessThan(actions.indexOf('value.query-answered'));
    expect(actions.indexOf('value.query-answered')).toBeLessThan(actions.indexOf('value.verified'));
  });
});

function submitter(actor: RegisteredActor): Submitter {
  return { personId: actor.person.id, name: actor.person.displayName, teamsUserId: null };
}

describeEachDatabase('the verifier\'s prompt', (db) => {
  it('is recorded with the figures in the outbox, and goes as its text when its card cannot be built, the submit still answered', async () => {
    const { store, database } = db();
    await importRegister(store, smallRegister(), { dryRun: false, actorLabel: 'test', currentFinancialYear: 2026 });
    await store.repos.periods.save({ period: '2026-05', openedAt: new Date('2026-06-03T08:00:00Z'), deadline: new Date('2026-06-20T16:00:00Z'), closedAt: null });
    await database.sql.query(`UPDATE indicator SET verifier_id = (SELECT id FROM person WHERE email = $1) WHERE code = 'SRV01'`, [DIRECTOR.email]);
    const marcus = (await store.repos.people.findByEmail(DIRECTOR.email))!;
    await store.repos.conversations.save({
      kind: 'PERSONAL', conversationId: 'a:marcus', serviceUrl: 'https://smba.example/uk/', tenantId: 'tenant', botId: '28:bot',
      teamsUserId: '29:marcus', aadObjectId: null, personId: marcus.id, teamId: null, channelId: null,
    });
    const failures: unknown[] = [];
    const prompts = new VerifierPrompts(store, clock, async () => { throw new Error('card unavailable'); }, () => {}, (error) => failures.push(error));
    const entry = new EntryService(store, clock, settings, prompts);
    const gareth = (await store.repos.people.findByEmail(OWNER.email))!;
    const srv01 = (await store.repos.indicators.findByCode('SRV01'))!.id;
    const view = await entry.submitValues(fromCard({ submitter: { personId: gareth.id, name: gareth.displayName, teamsUserId: null }, period: '2026-05', inputs: { [inputIds.value(srv01)]: '21.5' } }));
    expect(view.banner?.text).toMatch(/^Saved 1 value/);
    expect(failures).toHaveLength(1);
    const [prompt] = await store.repos.outbox.list({ purpose: 'verify-prompt' });
    expect(prompt).toMatchObject({ recipient: marcus.id, dedupeKey: `verify|${marcus.id}|2026-05`, activity: { type: 'message', text: expect.stringMatching(/^Gareth Lewis submitted figures you verify for May 2026\. .*send "verify"/) } });
    // A second submit that period is not a second prompt.
    await entry.submitValues(fromCard({ submitter: { personId: gareth.id, name: gareth.displayName, teamsUserId: null }, period: '2026-05', inputs: { [inputIds.value(srv01)]: '21.6' } }));
    expect(await store.repos.outbox.list({ purpose: 'verify-prompt' })).toHaveLength(1);
  });
});
