/**
 * Loads the demo register into an empty database, through the same import path a council's own
 * register file takes, so the demo also proves the import. Runs on start-up when the database has
 * no indicators (and LOAD_DEMO_DATA is not false).
 */
import type { Store } from '../db/store';
import type { Database } from '../db/open-database';
import { importRegister, type ImportCounts } from '../app/import-register';
import { endDate, financialYearOf, periodKey, parsePeriod, previousPeriod, type Period } from '../domain/periods';
import { monthSchedule, type CalendarSettings } from '../domain/cycle-calendar';
import { buildDemoSheets, lastMonthOf } from './demo-history';

export type DemoOutcome = { readonly loaded: false } | { readonly loaded: true; readonly counts: ImportCounts };

const ACTOR = 'demo data';

/** Arbitrary, fixed: identifies "loading the demo register" among advisory locks (migrations use ...001). */
export const DEMO_LOAD_LOCK_KEY = 727_246_000_002;

/**
 * loadDemoData for a server starting up: of several instances starting together on one empty
 * PostgreSQL, the first loads and the others, once it has finished, find the register there.
 * (The load is several transactions, so it cannot rely on one transaction's isolation alone.)
 */
export function loadDemoDataOnce(database: Pick<Database, 'exclusively'>, store: Store, today: Date, calendar?: CalendarSettings): Promise<DemoOutcome> {
  return database.exclusively(DEMO_LOAD_LOCK_KEY, () => loadDemoData(store, today, calendar));
}

/**
 * `calendar` is the cycle's: the demo marks its open month's scheduled steps as handled, so the
 * scheduler leaves that month open for a newcomer to try `submit`; the next month runs normally.
 */
export async function loadDemoData(store: Store, today: Date, calendar?: CalendarSettings): Promise<DemoOutcome> {
  if ((await store.repos.indicators.count()) > 0) return { loaded: false };
  const demo = buildDemoSheets(today);
  const currentFinancialYear = financialYearOf(demo.timeline.openMonth);
  // Never after the demo is loaded: the open month's figures were given before "now".
  const enteredAt = ({ period }: { period: string }) => earlier(submittedAt(period), today);

  // The register goes in once, with the first, wrong figure; the correction is its second version.
  // (Once, not indicators first and the register again: every row imported is a few queries, and
  // this runs before a first `npm start` is ready.)
  const options = { dryRun: false, actorLabel: ACTOR, currentFinancialYear, valueSource: 'DEMO', enteredAt } as const;
  const register = await importRegister(store, demo.register, options);
  assertLoaded(register);
  const correction = await importRegister(store, demo.correction, options);
  assertLoaded(correction);

  // The performance team's admin roles (and the councillor's viewer role) came in on the People sheet.
  await store.transaction(async (repos) => {
    for (const period of demo.periods) {
      const isOpen = periodKey(period) === periodKey(demo.timeline.openMonth);
      const endsWithOpenMonth = periodKey(lastMonthOf(period)) === periodKey(demo.timeline.openMonth);
      // On the 1st and 2nd of a month (or before 09:00 on the 3rd) the calendar has not opened last
      // month yet; a newcomer must still find it open, so it opened when the demo was loaded.
      const opened = endsWithOpenMonth ? earlier(windowDate(period, 3, 9), today) : windowDate(period, 3, 9);
      await repos.periods.save({
        period: periodKey(period),
        openedAt: opened,
        deadline: windowDate(period, 20, 17),
        closedAt: isOpen ? null : windowDate(period, 28, 17),
      });
    }
    if (calendar) {
      const open = demo.timeline.openMonth;
      for (const month of [previousPeriod(open), open]) {
        for (const step of monthSchedule(month, calendar).steps) {
          await repos.cycleRuns.start({ runKey: step.runKey, step: step.kind, period: periodKey(month), trigger: 'demo', instance: 'demo', at: today });
        }
      }
    }
    await repos.audit.record({ actorLabel: ACTOR, action: 'demo.loaded', entityType: 'Register', entityId: 'demo' });
  });
  return { loaded: true, counts: addCounts(register.counts, correction.counts) };
}

function addCounts(...all: ImportCounts[]): ImportCounts {
  const total = { ...all[0]! };
  for (const counts of all.slice(1)) for (const key of Object.keys(total) as (keyof ImportCounts)[]) total[key] += counts[key];
  return total;
}

function assertLoaded<T extends { ok: boolean }>(outcome: T): asserts outcome is T & { ok: true } {
  if (!outcome.ok) {
    throw new Error(`The demo register failed its own import checks: ${JSON.stringify((outcome as unknown as { problems: unknown }).problems)}`);
  }
}

const earlier = (a: Date, b: Date): Date => (a.getTime() <= b.getTime() ? a : b);

/** A day in the month after the period ends, at an hour (UTC), for the demo's reporting windows. */
function windowDate(period: Period, day: number, hour: number): Date {
  const last = lastMonthOf(period);
  const year = last.month === 12 ? last.year + 1 : last.year;
  const month = last.month === 12 ? 1 : last.month + 1;
  return new Date(Date.UTC(year, month - 1, day, hour));
}

/** Owners submit a week or so after the period ends. */
function submittedAt(periodText: string): Date {
  const period = parsePeriod(periodText);
  if (!period.ok) throw new Error(`The demo wrote a period it cannot read: ${periodText}`);
  const end = new Date(`${endDate(period.value)}T10:00:00Z`);
  return new Date(end.getTime() + 8 * 24 * 3600 * 1000);
}
