/**
 * Use cases of the entry card: show a person their cards for the periods open now, take a
 * submission of values, take a red or amber value's narrative.
 *
 * A submission is all or nothing: if any value is refused (not theirs to submit, not a number,
 * out of range, the period closed) or unusual for its indicator and not yet confirmed
 * (unusual-figures.ts), nothing is stored and the card comes back with each refusal or question in
 * place and what they typed kept. A resubmission of the same figures changes nothing, so Teams
 * retrying an invoke, or a person pressing Submit twice, never creates a version.
 */
import type { Store, Repositories } from '../../db/store';
import type { Clock } from '../../clock';
import type { EntryCardView } from '../../cards/view-models';
import { LIKELY_TO_RECOVER, type LikelyToRecover, type Tolerance } from '../../domain/types';
import { endDate, frequencyOfPeriod, financialYearOf, parsePeriod, periodKey, periodLabel, comparePeriods, type Period } from '../../domain/periods';
import { validateValue } from '../../domain/validation';
import { clip, MAX_VALUE_TEXT } from '../../domain/typed-text';
import { loadEntrySnapshot, loadEntrySnapshots, withNewVersions, type EntrySnapshot } from './entry-snapshot';
import type { ChangedValues } from '../../db/repositories/value-repository';
import { buildEntryView, type EntryViewOptions, type RowFeedback } from './entry-view';
import { checkUnusualFigures } from './unusual-figures';
import type { VerifierPrompt, VerifierPrompts } from '../verification/verifier-prompts';
import type { ValueVersion } from '../../db/repositories/value-repository';

export interface Submitter {
  readonly personId: string;
  readonly name: string;
  /** Teams user id, for the card's user-specific refresh. */
  readonly teamsUserId: string | null;
  /** The performance team may still correct figures after a period closes. */
  readonly isAdmin?: boolean;
}

/** One value as typed on the card: the raw text (checked here with the import's rules) and its note. */
export interface TypedValue {
  readonly indicatorId: string;
  readonly raw: string;
  readonly note: string;
  /** The owner marked it an estimate, to be replaced by the actual figure later. */
  readonly estimated: boolean;
  /** The figure the owner confirmed as right when the card asked about it ("" for none). */
  readonly confirmed: string;
}

/** A red or amber value's narrative as typed on the card. */
export interface TypedNarrative {
  readonly remedialAction: string;
  readonly likelyToRecover: string;
  readonly recoveryPeriod: string;
}

export interface SubmitValuesCommand {
  readonly submitter: Submitter;
  readonly period: string;
  /** For the performance team's correction card: the one indicator the card is for. */
  readonly correctionOf?: string | null;
  /** Every value input on the card; an empty one is "not given this time". */
  readonly values: readonly TypedValue[];
  /** Narratives typed alongside values, by indicator id, for rows where any part was typed. */
  readonly narratives: ReadonlyMap<string, TypedNarrative>;
}

export interface SubmitNarrativeCommand {
  readonly submitter: Submitter;
  readonly period: string;
  readonly correctionOf?: string | null;
  readonly indicatorId: string;
  readonly narrative: TypedNarrative;
}

export interface EntrySettings {
  readonly defaultTolerance: Tolerance;
}

const MAX_NOTE = 500;
const MAX_REMEDIAL_ACTION = 2000;

export class EntryService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: EntrySettings,
    /** Tells verifiers of new and corrected figures (#16); absent, nobody is told. */
    private readonly prompts: VerifierPrompts | null = null,
  ) {}

  /** The person's cards for every period open now in which they have indicators. */
  async openCards(submitter: Submitter): Promise<EntryCardView[]> {
    const now = this.clock.now();
    const views: EntryCardView[] = [];
    for (const window of await this.store.repos.periods.openAt(now)) {
      const period = parsePeriod(window.period);
      if (!period.ok) continue;
      const snapshot = await this.snapshot(submitter, period.value);
      if (snapshot.rows.length > 0) views.push(this.view(snapshot, submitter));
    }
    return views;
  }

  /** The card as it stands, for Universal Actions' refresh. */
  async card(submitter: Submitter, periodText: string, correctionOf: string | null = null): Promise<EntryCardView> {
    const period = this.period(periodText);
    if (correctionOf) return this.correctionView(submitter, period, correctionOf);
    return this.view(await this.snapshot(submitter, period), submitter);
  }

  /**
   * Many people's cards for one period, read once for all of them (the open step's prompts): one
   * view per submitter, in order, each exactly what `card` would give that person.
   */
  async cardsFor(submitters: readonly Submitter[], periodText: string): Promise<EntryCardView[]> {
    const period = this.period(periodText);
    const snapshots = await loadEntrySnapshots(
      this.store, submitters.map((s) => ({ personId: s.personId })), period, this.clock.now(), this.settings.defaultTolerance,
    );
    return snapshots.map((snapshot, i) => this.view(snapshot, submitters[i]!));
  }

  /**
   * "correct SRV01 2026-10": the performance team's card to correct one indicator's figure for a
   * period, open or closed (the README's "admins can still correct"). Admins only; the bot's
   * refusal for anyone else comes from the same rule as every admin command.
   */
  async correctionCard(submitter: Submitter, code: string, periodText: string): Promise<EntryCardView> {
    const indicator = await this.store.repos.indicators.findByCode(code.toUpperCase());
    if (!indicator || !indicator.active) throw new EntryCommandError(`There is no indicator "${code}" in the register.`);
    const period = this.period(periodText);
    if (frequencyOfPeriod(period) !== indicator.frequency) {
      throw new EntryCommandError(`${indicator.code} is ${indicator.frequency.toLowerCase()}: name one of its periods, such as ${examplePeriod(indicator.frequency)}.`);
    }
    return this.correctionView(submitter, period, indicator.id);
  }

  async submitValues(command: SubmitValuesCommand): Promise<EntryCardView> {
    const { submitter } = command;
    const period = this.period(command.period);
    const scope = await this.scope(submitter, command.period, command.correctionOf ?? null);
    const snapshot = await this.snapshot(submitter, period, scope.indicatorIds);
    const label = periodLabel(period).split(' (')[0]!;
    if (!snapshot.isOpen && !submitter.isAdmin) {
      await this.refuse(submitter, command.period, 'period closed');
      return this.view(snapshot, submitter, {
        banner: { tone: 'attention', text: `${label} is closed for entry, so nothing was stored. If a figure must change, ask the performance team.` },
      });
    }

    const allowed = new Map(snapshot.rows.map((row) => [row.indicator.id, row]));
    const feedback = new Map<string, RowFeedback>();
    const accepted: { indicatorId: string; value: number; note: string; estimated: boolean; confirmed: string }[] = [];
    const refusedIds: string[] = [];

    for (const typed of command.values) {
      const { indicatorId } = typed;
      const raw = typed.raw.trim();
      const note = typed.note.trim();
      const row = allowed.get(indicatorId);
      if (!row) {
        refusedIds.push(indicatorId);
        continue;
      }
      if (raw === '') continue; // not given this time
      const indicator = row.indicator;
      let error: string | null = null;
      const checked = validateValue({ indicator, raw, periodOpen: true, periodLabel: label });
      if (!checked.ok) error = checked.error;
      else if (note.length > MAX_NOTE) error = `${indicator.code} ${indicator.title}: shorten the note to ${MAX_NOTE} characters or fewer.`;
      if (error || !checked.ok) feedback.set(indicatorId, { inputValue: clip(raw, MAX_VALUE_TEXT), note: clip(note, MAX_NOTE), estimated: typed.estimated, error });
      else accepted.push({ indicatorId, value: checked.value, note, estimated: typed.estimated, confirmed: typed.confirmed });
    }

    if (refusedIds.length > 0) {
      await this.refuse(submitter, command.period, 'not owner or delegate', refusedIds);
      return this.view(snapshot, submitter, {
        banner: {
          tone: 'attention',
          text: `Nothing was stored: you are not the owner or a named delegate of ${refusedIds.length === 1 ? 'an indicator' : `${refusedIds.length} indicators`} on this card. Only an indicator's owner or delegate may submit its figures.`,
        },
      });
    }
    if (feedback.size > 0) {
      return this.view(snapshot, submitter, {
        feedback: keepTyped(command.values, feedback, accepted),
        banner: { tone: 'attention', text: `Nothing was stored: ${feedback.size === 1 ? 'one value needs' : `${feedback.size} values need`} fixing (shown below).` },
      });
    }
    if (accepted.length === 0) {
      return this.view(snapshot, submitter, { banner: { tone: 'warning', text: 'Enter at least one value, then submit.' } });
    }

    // An unusual figure is asked about before anything is stored, with what was typed kept.
    const unusual = await checkUnusualFigures(this.store.repos, period, periodKey(period), allowed, accepted);
    if (unusual.questions.size > 0) {
      const fb = keepTyped(command.values, new Map(), accepted);
      for (const [id, questions] of unusual.questions) {
        const typed = accepted.find((a) => a.indicatorId === id)!;
        fb.set(id, { ...fb.get(id), unusual: { questions, value: String(typed.value) } });
      }
      const n = unusual.questions.size;
      return this.view(snapshot, submitter, {
        feedback: fb,
        banner: {
          tone: 'warning',
          text: `Nothing was stored: ${n === 1 ? 'one figure is' : `${n} figures are`} unusual for ${n === 1 ? 'its indicator' : 'their indicators'} (shown below). Correct ${n === 1 ? 'it' : 'each'}, or tick "This figure is right", then submit again.`,
        },
      });
    }

    const narratives = narrativesGivenWith(command.narratives, accepted.map((a) => a.indicatorId));
    const narrativeErrors = new Map<string, string>();
    for (const [id, given] of narratives) {
      const problem = checkNarrative(given, period);
      if (problem) narrativeErrors.set(id, problem);
    }
    if (narrativeErrors.size > 0) {
      const fb = keepTyped(command.values, new Map(), accepted);
      for (const [id, error] of narrativeErrors) {
        fb.set(id, { ...fb.get(id), narrative: { ...clippedNarrative(narratives.get(id)!), error } });
      }
      return this.view(snapshot, submitter, { feedback: fb, banner: { tone: 'attention', text: 'Nothing was stored: a narrative needs fixing (shown below).' } });
    }

    // Figures alone are one statement (atomic by itself); with narratives, or with verifiers to tell
    // (their prompts recorded with the figures, #16), one transaction for all.
    const figures: ChangedValues = {
      period: periodKey(period), financialYear: financialYearOf(period), source: 'CARD', enteredById: submitter.personId,
      actorLabel: submitter.name, enteredAt: this.clock.now(),
      values: accepted.map(({ indicatorId, value, note, estimated }) => ({
        indicatorId, value, note, estimated, unusualConfirmed: unusual.confirmed.get(indicatorId) ?? false,
      })),
    };
    const verified = this.prompts !== null && accepted.some((a) => allowed.get(a.indicatorId)!.indicator.verifierId !== null);
    let prompted: VerifierPrompt[] = [];
    const stored = narratives.size === 0 && !verified
      ? await this.store.repos.values.appendChanged(figures)
      : await this.store.transaction(async (repos) => {
        const versions = await repos.values.appendChanged(figures);
        for (const value of accepted) {
          const narrative = narratives.get(value.indicatorId);
          if (narrative) await this.addNarrative(repos, submitter, value.indicatorId, period, narrative);
        }
        if (verified) prompted = await this.prompts!.record(repos, await this.verifierPrompts(repos, versions, allowed, submitter, periodKey(period)));
        return versions;
      });
    await this.prompts?.fillIn(prompted);
    const changed = stored.length;

    // The card after a submit of figures alone is computed from what was read and written; with
    // narratives too, it is read again (they hang off the new versions' ids).
    const after = narratives.size === 0
      ? withNewVersions(snapshot, stored, { id: submitter.personId, name: submitter.name })
      : await this.snapshot(submitter, period, scope.indicatorIds);
    const owed = after.rows.filter((r) => r.current.value !== null && ['RED', 'AMBER'].includes(r.current.status) && r.narrative === null);
    const saved = changed === 0 ? 'No changes: these values were already stored.' : `Saved ${changed} ${changed === 1 ? 'value' : 'values'}.`;
    return this.view(after, submitter, {
      banner: owed.length > 0
        ? { tone: 'warning', text: `${saved} ${owed.map((r) => r.indicator.code).join(', ')} ${owed.length === 1 ? 'is' : 'are'} off target: please tell us the remedial action below.` }
        : { tone: 'good', text: saved },
    });
  }

  async submitNarrative(command: SubmitNarrativeCommand): Promise<EntryCardView> {
    const { submitter, indicatorId } = command;
    const period = this.period(command.period);
    const scope = await this.scope(submitter, command.period, command.correctionOf ?? null);
    const snapshot = await this.snapshot(submitter, period, scope.indicatorIds);
    const row = snapshot.rows.find((r) => r.indicator.id === indicatorId);
    if (!row) {
      await this.refuse(submitter, command.period, 'not owner or delegate', [indicatorId]);
      return this.view(snapshot, submitter, { banner: { tone: 'attention', text: 'Nothing was stored: only the indicator\'s owner or a named delegate may give its narrative.' } });
    }
    if (!snapshot.isOpen && !submitter.isAdmin) {
      await this.refuse(submitter, command.period, 'period closed', [indicatorId]);
      return this.view(snapshot, submitter, { banner: { tone: 'attention', text: `${periodLabel(period).split(' (')[0]} is closed for entry, so nothing was stored.` } });
    }
    if (row.current.value === null) {
      return this.view(snapshot, submitter, { banner: { tone: 'warning', text: `Submit ${row.indicator.code}'s value first, then its narrative.` } });
    }
    const given = normalised(command.narrative);
    const problem = checkNarrative(given, period);
    if (problem) {
      return this.view(snapshot, submitter, {
        feedback: new Map([[indicatorId, { narrative: { ...clippedNarrative(given), error: problem } }]]),
        banner: { tone: 'attention', text: `Nothing was stored: ${row.indicator.code}'s narrative needs fixing (shown below).` },
      });
    }
    const stored = await this.store.transaction((repos) => this.addNarrative(repos, submitter, indicatorId, period, given));
    const unchanged = !stored;
    return this.view(await this.snapshot(submitter, period, scope.indicatorIds), submitter, {
      banner: { tone: 'good', text: unchanged ? `No changes: ${row.indicator.code}'s narrative was already stored.` : `Saved the narrative for ${row.indicator.code}.` },
    });
  }

  /**
   * Stores a narrative against the period's current value version, unless it says exactly what the
   * current narrative says: every card action sends all of the card's inputs, so a narrative shown
   * on the card comes back with every submission. Returns whether anything was stored.
   */
  private async addNarrative(repos: Repositories, submitter: Submitter, indicatorId: string, period: Period, given: NarrativeInput): Promise<boolean> {
    const versions = await repos.values.versionsForPeriod([indicatorId], periodKey(period));
    const latest = versions[versions.length - 1];
    if (!latest) return false;
    const current = [...(await repos.narratives.latestFor(versions.map((v) => v.id))).values()]
      .sort((a, b) => b.enteredAt.getTime() - a.enteredAt.getTime())[0];
    if (
      current &&
      current.remedialAction === given.remedialAction &&
      current.likelyToRecover === given.likelyToRecover &&
      current.recoveryPeriod === given.recoveryPeriod
    ) {
      return false;
    }
    const narrative = await repos.narratives.add({
      valueId: latest.id, remedialAction: given.remedialAction, likelyToRecover: given.likelyToRecover as LikelyToRecover,
      recoveryPeriod: given.recoveryPeriod, enteredById: submitter.personId, enteredAt: this.clock.now(),
    });
    await repos.audit.record({
      actorId: submitter.personId, actorLabel: submitter.name, action: 'narrative.given', entityType: 'ValueNarrative',
      entityId: narrative.id, after: { indicatorId, period: periodKey(period), valueVersion: latest.version, ...given },
    });
    return true;
  }

  /**
   * Whom to tell of these stored versions: each verifier once per period for its first figures,
   * and again for a figure corrected after anything was decided on an earlier version of it.
   */
  private async verifierPrompts(
    repos: Repositories, stored: readonly ValueVersion[], rows: ReadonlyMap<string, { indicator: { code: string; verifierId: string | null } }>, submitter: Submitter, period: string,
  ): Promise<VerifierPrompt[]> {
    const toVerify = stored.filter((v) => rows.get(v.indicatorId)?.indicator.verifierId);
    if (toVerify.length === 0) return [];
    const corrected = toVerify.filter((v) => v.version > 1);
    const decided = corrected.length > 0 ? await repos.verifications.decidedIndicators(corrected.map((v) => v.indicatorId), period) : new Set<string>();
    return toVerify.map((v): VerifierPrompt => {
      const { code, verifierId } = rows.get(v.indicatorId)!.indicator;
      return decided.has(v.indicatorId)
        ? { verifierId: verifierId!, period, dedupeKey: `verify-correction|${v.id}`, what: `${submitter.name} corrected ${code}'s figure` }
        : { verifierId: verifierId!, period, dedupeKey: `verify|${verifierId}|${period}`, what: `${submitter.name} submitted figures you verify` };
    });
  }

  private async refuse(submitter: Submitter, period: string, reason: string, indicatorIds: string[] = []): Promise<void> {
    await this.store.repos.audit.record({
      actorId: submitter.personId, actorLabel: submitter.name, action: 'submission.refused', entityType: 'Period',
      entityId: period, after: { reason, indicatorIds },
    });
  }

  /**
   * Which indicators the card is about: the submitter's own (owned or covered), or, on the
   * performance team's correction card, the one indicator named, for admins only.
   */
  private async scope(submitter: Submitter, periodText: string, correctionOf: string | null): Promise<{ indicatorIds?: readonly string[] }> {
    if (!correctionOf) return {};
    if (!submitter.isAdmin) {
      await this.refuse(submitter, periodText, 'correction by someone not in the performance team', [correctionOf]);
      throw new EntryCommandError('Only the performance team can correct figures from this card. Nothing was stored.');
    }
    return { indicatorIds: [correctionOf] };
  }

  private async correctionView(submitter: Submitter, period: Period, indicatorId: string): Promise<EntryCardView> {
    const scope = await this.scope(submitter, periodKey(period), indicatorId);
    const snapshot = await this.snapshot(submitter, period, scope.indicatorIds);
    return this.view(snapshot, submitter, {
      banner: { tone: 'default', text: `Correction by the performance team: a changed value is stored as a new version, and the old one is kept.` },
    });
  }

  private snapshot(submitter: Submitter, period: Period, indicatorIds?: readonly string[]): Promise<EntrySnapshot> {
    return loadEntrySnapshot(this.store, { personId: submitter.personId, indicatorIds }, period, this.clock.now(), this.settings.defaultTolerance);
  }

  private view(snapshot: EntrySnapshot, submitter: Submitter, extra: Partial<EntryViewOptions> = {}): EntryCardView {
    // Admins keep the inputs of a closed period (or of history loaded without a reporting window,
    // once the period has ended), to correct figures after the deadline.
    const now = this.clock.now();
    const correctable = Boolean(snapshot.window?.openedAt) || new Date(`${endDate(snapshot.period)}T23:59:59Z`).getTime() < now.getTime();
    const effective = submitter.isAdmin && !snapshot.isOpen && correctable ? { ...snapshot, isOpen: true } : snapshot;
    return buildEntryView(effective, {
      personName: submitter.name,
      refreshUserIds: submitter.teamsUserId ? [submitter.teamsUserId] : [],
      correctionOf: snapshot.scope === 'correction' ? (snapshot.rows[0]?.indicator.id ?? null) : null,
      ...extra,
    });
  }

  private period(text: string): Period {
    const parsed = parsePeriod(text);
    if (!parsed.ok) throw new EntryCommandError(`The card names an unknown period "${text}".`);
    return parsed.value;
  }
}

/** A card action that cannot be understood at all (a forged or corrupted payload). */
export class EntryCommandError extends Error {}

interface NarrativeInput {
  remedialAction: string;
  likelyToRecover: string;
  recoveryPeriod: string;
}

/** A narrative shown back on the card: each part no longer than it may be. */
function clippedNarrative(given: NarrativeInput): NarrativeInput {
  return { remedialAction: clip(given.remedialAction, MAX_REMEDIAL_ACTION), likelyToRecover: clip(given.likelyToRecover, 10), recoveryPeriod: clip(given.recoveryPeriod, 20) };
}

function normalised(given: TypedNarrative): NarrativeInput {
  return { remedialAction: given.remedialAction.trim(), likelyToRecover: given.likelyToRecover.trim().toUpperCase(), recoveryPeriod: given.recoveryPeriod.trim() };
}

/** Narratives typed on the entry card alongside the values accepted, for those rows where any was typed. */
function narrativesGivenWith(typed: ReadonlyMap<string, TypedNarrative>, indicatorIds: string[]): Map<string, NarrativeInput> {
  const given = new Map<string, NarrativeInput>();
  for (const id of indicatorIds) {
    const narrative = typed.get(id);
    if (!narrative) continue;
    const clean = normalised(narrative);
    if (clean.remedialAction || clean.likelyToRecover || clean.recoveryPeriod) given.set(id, clean);
  }
  return given;
}

function examplePeriod(frequency: string): string {
  return frequency === 'MONTHLY' ? '2026-10' : frequency === 'QUARTERLY' ? '2026/27 Q2' : '2025/26';
}

function checkNarrative(given: NarrativeInput, period: Period): string | null {
  const problems: string[] = [];
  if (!given.remedialAction) problems.push('say what remedial action is being taken');
  else if (given.remedialAction.length > MAX_REMEDIAL_ACTION) problems.push(`shorten the remedial action to ${MAX_REMEDIAL_ACTION} characters`);
  if (!(LIKELY_TO_RECOVER as readonly string[]).includes(given.likelyToRecover)) problems.push('choose whether it is likely to be enough (yes, no or unsure)');
  const recovery = parsePeriod(given.recoveryPeriod);
  if (!given.recoveryPeriod) problems.push('give the month you expect it to recover by, such as 2027-01');
  else if (!recovery.ok) problems.push(`"${given.recoveryPeriod}" is not a month: write it as 2027-01 (or a quarter such as 2026/27 Q4)`);
  else if (recovery.value.kind === period.kind && comparePeriods(recovery.value, period) < 0) problems.push('the recovery month cannot be before the period reported');
  return problems.length ? `To save the narrative, ${problems.join('; ')}.` : null;
}

/** Keeps what the person typed in every row, so a refusal never makes them type it again. */
function keepTyped(
  values: readonly TypedValue[], feedback: Map<string, RowFeedback>, accepted: { indicatorId: string }[],
): Map<string, RowFeedback> {
  const kept = new Map(feedback);
  const typed = new Map(values.map((v) => [v.indicatorId, v]));
  for (const { indicatorId } of accepted) {
    if (!kept.has(indicatorId)) {
      const given = typed.get(indicatorId);
      kept.set(indicatorId, {
        inputValue: clip(given?.raw.trim() ?? '', MAX_VALUE_TEXT), note: clip(given?.note.trim() ?? '', MAX_NOTE), estimated: given?.estimated ?? false, error: null,
      });
    }
  }
  return kept;
}
