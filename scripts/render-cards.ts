/**
 * Renders the cards built from the sample view models to PNG, for people to look at:
 *
 *   npm run cards:render                 -> cards-output/<name>.png
 *   CARDS_OUTPUT_DIR=/tmp/cards npm run cards:render
 *
 * Uses the adaptivecards package's own renderer (dist/adaptivecards.min.js) in headless Chromium
 * (Debian's /usr/bin/chromium, or CHROMIUM_PATH), with a host config close to Teams' light theme.
 * Not pixel-identical to Teams, but the same elements, spacing and colours. Two Teams-only things
 * show as iOS Teams shows them: Chart.* elements as their fallback (the renderer does not know
 * charts), and @mentions ("<at>Gareth Lewis</at>") as "@Gareth Lewis".
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import {
  buildEntryCard,
  buildHelpCard,
  buildMyIndicatorsCard,
  buildNotRegisteredCard,
  buildOutstandingCard,
  buildApprovalCard,
  buildDigestCard,
  buildOverdueReminderCard,
  buildRecoveryCheckCard,
  buildThreadClosingCard,
  buildThreadUpdateCard,
  buildPlanCard,
  buildThreadCard,
  buildJobProgressCard,
  cardSizeBytes,
  type AdaptiveCard,
} from '../src/cards';
import {
  SAMPLE_APPROVAL_APPROVED,
  SAMPLE_APPROVAL_COMMENT_ERROR,
  SAMPLE_APPROVAL_DIRECTOR,
  SAMPLE_APPROVAL_READ_ONLY,
  SAMPLE_APPROVAL_SENT_BACK,
  SAMPLE_APPROVAL_SUPERSEDED,
  SAMPLE_DIGEST,
  SAMPLE_DIGEST_QUARTER_END,
  SAMPLE_OVERDUE_DONE,
  SAMPLE_OVERDUE_REMINDER,
  SAMPLE_RECOVERY_CHECK,
  SAMPLE_RECOVERY_CHECK_DECIDED,
  SAMPLE_RECOVERY_CHECK_ERROR,
  SAMPLE_THREAD_CLOSING,
  SAMPLE_THREAD_UPDATE,
  SAMPLE_THREAD_UPDATE_OVERDUE,
  SAMPLE_PLAN_APPROVED,
  SAMPLE_PLAN_DRAFT,
  SAMPLE_PLAN_ERRORS,
  SAMPLE_PLAN_SENT_BACK,
  SAMPLE_PLAN_SUBMITTED,
  SAMPLE_THREAD_AMBER,
  SAMPLE_THREAD_RED,
  sampleDigestForRegister,
} from '../src/cards/board/board-samples';
import {
  SAMPLE_ENTRY_CLOSED, SAMPLE_ENTRY_UNUSUAL,
  SAMPLE_ENTRY_OPEN,
  SAMPLE_HELP,
  SAMPLE_MY_INDICATORS,
  SAMPLE_MY_INDICATORS_EMPTY,
  SAMPLE_NOT_REGISTERED,
  SAMPLE_OUTSTANDING,
  SAMPLE_OUTSTANDING_EMPTY,
  SAMPLE_OUTSTANDING_REMINDER,
} from '../src/cards/samples';
import {
  SAMPLE_JOB_CLOSE_DONE,
  SAMPLE_JOB_DONE,
  SAMPLE_JOB_FAILED,
  SAMPLE_JOB_QUEUED,
  SAMPLE_JOB_RECORDING,
  SAMPLE_JOB_SENDING,
} from '../src/cards/job-progress-samples';
import { buildReportReadyCard } from '../src/cards/report-ready-card';
import { SAMPLE_REPORT_READY_COMMITTEE, SAMPLE_REPORT_READY_NO_LINK, SAMPLE_REPORT_READY_PUBLIC } from '../src/cards/report-ready-samples';
import { buildQueryCard, buildVerifyCard } from '../src/cards/verification';
import { buildDataQualityCard } from '../src/cards/data-quality';
import { SAMPLE_DATA_QUALITY, SAMPLE_DATA_QUALITY_CLEAN } from '../src/cards/data-quality/data-quality-samples';
import {
  SAMPLE_QUERY_ANSWERED,
  SAMPLE_QUERY_CORRECTED,
  SAMPLE_QUERY_OPEN,
  SAMPLE_VERIFY_CARD,
  SAMPLE_VERIFY_DONE,
} from '../src/cards/verification/verification-samples';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
/** Width of the conversation column the cards are rendered into, in CSS pixels. */
export const CARD_HOST_WIDTH = 560;

export interface NamedCard {
  readonly name: string;
  readonly card: AdaptiveCard;
}

export interface RenderedCard {
  readonly name: string;
  readonly pngPath: string;
  /** The rendered card's HTML, as the adaptivecards renderer produced it. */
  readonly html: string;
  /** Warnings and errors from the renderer's parser (unknown elements, bad values). */
  readonly parseMessages: readonly string[];
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/**
 * The one parser message a card may cause: a Chart.* element, which this renderer (like iOS Teams)
 * does not know, so it draws the chart's fallback element instead. Every chart our builders make
 * has one (the type requires it).
 */
const CHART_FALLBACK_MESSAGE = /^Unknown element type "Chart\.[A-Za-z.]+"\. Fallback will be used if present\.$/;

export function isExpectedParseMessage(message: string): boolean {
  return CHART_FALLBACK_MESSAGE.test(message);
}

/** Teams draws "<at>Name</at>" as a mention; the renderer would show the tags. */
function showMentionsAsTeamsDoes(card: AdaptiveCard): unknown {
  return JSON.parse(JSON.stringify(card).replace(/<at>(.*?)<\/at>/g, '@$1'));
}

/** Close to Teams' light theme. */
export const TEAMS_LIGHT_HOST_CONFIG = {
  fontFamily: 'Segoe UI, system-ui, sans-serif',
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        dark: { default: '#252424', subtle: '#484644' },
        light: { default: '#FFFFFF', subtle: '#FFFFFF' },
        accent: { default: '#5B5FC7', subtle: '#444791' },
        good: { default: '#237B4B', subtle: '#1B6B40' },
        warning: { default: '#835C00', subtle: '#6E4D00' },
        attention: { default: '#C4314B', subtle: '#A72037' },
      },
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7', subtle: '#444791' },
        good: { default: '#237B4B', subtle: '#1B6B40' },
        warning: { default: '#835C00', subtle: '#6E4D00' },
        attention: { default: '#C4314B', subtle: '#A72037' },
      },
    },
    good: {
      backgroundColor: '#E7F2DA',
      foregroundColors: {
        default: { default: '#242424', subtle: '#424242' },
        good: { default: '#1B6B40', subtle: '#1B6B40' },
        warning: { default: '#835C00', subtle: '#6E4D00' },
        attention: { default: '#A72037', subtle: '#A72037' },
      },
    },
    attention: {
      backgroundColor: '#FCF4F6',
      foregroundColors: {
        default: { default: '#242424', subtle: '#424242' },
        good: { default: '#1B6B40', subtle: '#1B6B40' },
        warning: { default: '#835C00', subtle: '#6E4D00' },
        attention: { default: '#A72037', subtle: '#A72037' },
      },
    },
    warning: {
      backgroundColor: '#FBF6D9',
      foregroundColors: {
        default: { default: '#242424', subtle: '#424242' },
        good: { default: '#1B6B40', subtle: '#1B6B40' },
        warning: { default: '#6E4D00', subtle: '#6E4D00' },
        attention: { default: '#A72037', subtle: '#A72037' },
      },
    },
    accent: {
      backgroundColor: '#E8EBFA',
      foregroundColors: { default: { default: '#242424', subtle: '#424242' } },
    },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  inputs: {
    label: {
      inputSpacing: 'small',
      requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' },
      optionalInputs: { weight: 'default', color: 'default' },
    },
    errorMessage: { size: 'small', spacing: 'small', weight: 'bolder' },
  },
  factSet: {
    title: { color: 'default', size: 'default', weight: 'bolder', wrap: true, maxWidth: 160 },
    value: { color: 'default', size: 'default', weight: 'default', wrap: true },
    spacing: 12,
  },
} as const;

const PAGE_CSS = `
  body { margin: 0; padding: 16px; background: #EBEBEB; font-family: "Segoe UI", system-ui, sans-serif; }
  .card-host { width: ${CARD_HOST_WIDTH}px; max-width: ${CARD_HOST_WIDTH}px; background: #FFFFFF; border-radius: 6px;
               box-shadow: 0 1px 2px rgba(0,0,0,0.14); overflow: hidden; margin-bottom: 16px; }
  .ac-input.ac-textInput, .ac-input.ac-numberInput { border: 1px solid #D1D1D1; border-bottom-color: #616161; border-radius: 4px;
               box-sizing: border-box; width: 100%; font-family: inherit; }
  .ac-pushButton { font-family: inherit; border-radius: 4px; border: 1px solid #D1D1D1; color: #242424; padding: 5px 12px; }
  .ac-pushButton.style-positive { background: #5B5FC7; color: #FFFFFF; border-color: #5B5FC7; }
  .ac-pushButton.style-destructive { background: #FFFFFF; color: #C4314B; border-color: #C4314B; }
  /* ShowCard buttons: the renderer's chevron is in an icon font Linux does not have. */
  .ac-pushButton.expandable:after { font-family: inherit; font-size: inherit; content: " \\25BE"; }
  .ac-pushButton.expandable.expanded:after { content: " \\25B4"; }
  .ac-input.ac-multichoiceInput, .ac-input.ac-choiceSetInput-compact, .ac-input.ac-dateInput,
  .ac-input.ac-choiceSetInput-filtered { border: 1px solid #D1D1D1; border-radius: 4px; box-sizing: border-box;
               width: 100%; font-family: inherit; min-height: 28px; }
`;

/**
 * Renders each card with the adaptivecards renderer in headless Chromium and writes
 * `<outDir>/<name>.png`, a screenshot of just the card.
 */
export async function renderCardsToPng(cards: readonly NamedCard[], outDir: string): Promise<RenderedCard[]> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install Debian's chromium (sudo apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  mkdirSync(outDir, { recursive: true });
  const rendererJs = require.resolve('adaptivecards/dist/adaptivecards.min.js');
  const rendererCss = require.resolve('adaptivecards/dist/adaptivecards.css');

  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = await browser.newPage({ viewport: { width: CARD_HOST_WIDTH + 64, height: 800 }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html lang="en-GB"><head><meta charset="utf-8"></head><body></body></html>`);
    await page.addStyleTag({ path: rendererCss });
    await page.addStyleTag({ content: PAGE_CSS });
    await page.addScriptTag({ path: rendererJs });

    const results: RenderedCard[] = [];
    for (const [index, { name, card }] of cards.entries()) {
      const hostId = `card-${index}`;
      const { html, parseMessages } = await page.evaluate(
        ({ json, hostConfig, hostId }) => {
          // The UMD bundle defines window.AdaptiveCards.
          const AC = (window as any).AdaptiveCards;
          const host = document.createElement('div');
          host.id = hostId;
          host.className = 'card-host';
          document.body.innerHTML = '';
          document.body.appendChild(host);
          const adaptiveCard = new AC.AdaptiveCard();
          adaptiveCard.hostConfig = new AC.HostConfig(hostConfig);
          const context = new AC.SerializationContext();
          adaptiveCard.parse(json, context);
          const messages: string[] = [];
          for (let i = 0; i < context.eventCount; i++) messages.push(String(context.getEventAt(i).message));
          const rendered = adaptiveCard.render();
          if (!rendered) throw new Error('The adaptivecards renderer returned nothing');
          host.appendChild(rendered);
          return { html: host.innerHTML, parseMessages: messages };
        },
        { json: showMentionsAsTeamsDoes(card), hostConfig: TEAMS_LIGHT_HOST_CONFIG as unknown, hostId },
      );
      const pngPath = path.join(outDir, `${name}.png`);
      await page.locator(`#${hostId}`).screenshot({ path: pngPath });
      results.push({ name, pngPath, html, parseMessages });
    }
    return results;
  } finally {
    await browser?.close();
  }
}

/** The cards `npm run cards:render` draws: the main cards from the sample view models. */
export function sampleCards(): NamedCard[] {
  return [
    { name: 'entry-open', card: buildEntryCard(SAMPLE_ENTRY_OPEN) },
    { name: 'entry-closed', card: buildEntryCard(SAMPLE_ENTRY_CLOSED) },
    { name: 'entry-unusual', card: buildEntryCard(SAMPLE_ENTRY_UNUSUAL) },
    { name: 'my-indicators', card: buildMyIndicatorsCard(SAMPLE_MY_INDICATORS) },
    { name: 'my-indicators-empty', card: buildMyIndicatorsCard(SAMPLE_MY_INDICATORS_EMPTY) },
    { name: 'outstanding', card: buildOutstandingCard(SAMPLE_OUTSTANDING) },
    { name: 'outstanding-empty', card: buildOutstandingCard(SAMPLE_OUTSTANDING_EMPTY) },
    { name: 'outstanding-reminder-lagged-and-narrative', card: buildOutstandingCard(SAMPLE_OUTSTANDING_REMINDER) },
    { name: 'help', card: buildHelpCard(SAMPLE_HELP) },
    { name: 'not-registered', card: buildNotRegisteredCard(SAMPLE_NOT_REGISTERED) },
    ...boardSampleCards(),
    ...jobSampleCards(),
    ...reportSampleCards(),
    ...verificationSampleCards(),
    ...dataQualitySampleCards(),
  ];
}

/** The "Quarterly report ready" card (#15): committee and public packs, and without a deep link. */
/** The monthly data-quality card (#16): a month with owners to follow up, and a clean month without a link. */
export function dataQualitySampleCards(): NamedCard[] {
  return [
    { name: 'data-quality', card: buildDataQualityCard(SAMPLE_DATA_QUALITY) },
    { name: 'data-quality-clean', card: buildDataQualityCard(SAMPLE_DATA_QUALITY_CLEAN) },
  ];
}

/** The verification cards (#16): the verifier's card and the owner's query card, every state. */
export function verificationSampleCards(): NamedCard[] {
  return [
    { name: 'verify-card', card: buildVerifyCard(SAMPLE_VERIFY_CARD) },
    { name: 'verify-done', card: buildVerifyCard(SAMPLE_VERIFY_DONE) },
    { name: 'query-open', card: buildQueryCard(SAMPLE_QUERY_OPEN) },
    { name: 'query-answered', card: buildQueryCard(SAMPLE_QUERY_ANSWERED) },
    { name: 'query-corrected', card: buildQueryCard(SAMPLE_QUERY_CORRECTED) },
  ];
}

export function reportSampleCards(): NamedCard[] {
  return [
    { name: 'report-ready-committee', card: buildReportReadyCard(SAMPLE_REPORT_READY_COMMITTEE) },
    { name: 'report-ready-public', card: buildReportReadyCard(SAMPLE_REPORT_READY_PUBLIC) },
    { name: 'report-ready-no-link', card: buildReportReadyCard(SAMPLE_REPORT_READY_NO_LINK) },
  ];
}

/** The progress card of a long step (open for 2,000 owners; close), in each state. */
export function jobSampleCards(): NamedCard[] {
  return [
    { name: 'job-queued', card: buildJobProgressCard(SAMPLE_JOB_QUEUED) },
    { name: 'job-recording', card: buildJobProgressCard(SAMPLE_JOB_RECORDING) },
    { name: 'job-sending', card: buildJobProgressCard(SAMPLE_JOB_SENDING) },
    { name: 'job-done', card: buildJobProgressCard(SAMPLE_JOB_DONE) },
    { name: 'job-close-done', card: buildJobProgressCard(SAMPLE_JOB_CLOSE_DONE) },
    { name: 'job-failed', card: buildJobProgressCard(SAMPLE_JOB_FAILED) },
  ];
}

/** The Performance Board's cards, from the board samples: every state of each card. */
export function boardSampleCards(): NamedCard[] {
  return [
    { name: 'board-digest', card: buildDigestCard(SAMPLE_DIGEST) },
    { name: 'board-digest-quarter-end', card: buildDigestCard(SAMPLE_DIGEST_QUARTER_END) },
    { name: 'board-digest-1000', card: buildDigestCard(sampleDigestForRegister(1000)) },
    { name: 'board-thread-red', card: buildThreadCard(SAMPLE_THREAD_RED) },
    { name: 'board-thread-amber', card: buildThreadCard(SAMPLE_THREAD_AMBER) },
    { name: 'board-plan-draft', card: buildPlanCard(SAMPLE_PLAN_DRAFT) },
    { name: 'board-plan-errors', card: buildPlanCard(SAMPLE_PLAN_ERRORS) },
    { name: 'board-plan-submitted', card: buildPlanCard(SAMPLE_PLAN_SUBMITTED) },
    { name: 'board-plan-sent-back', card: buildPlanCard(SAMPLE_PLAN_SENT_BACK) },
    { name: 'board-plan-approved', card: buildPlanCard(SAMPLE_PLAN_APPROVED) },
    { name: 'board-approval-director', card: buildApprovalCard(SAMPLE_APPROVAL_DIRECTOR) },
    { name: 'board-approval-read-only', card: buildApprovalCard(SAMPLE_APPROVAL_READ_ONLY) },
    { name: 'board-approval-comment-error', card: buildApprovalCard(SAMPLE_APPROVAL_COMMENT_ERROR) },
    { name: 'board-approval-approved', card: buildApprovalCard(SAMPLE_APPROVAL_APPROVED) },
    { name: 'board-approval-sent-back', card: buildApprovalCard(SAMPLE_APPROVAL_SENT_BACK) },
    { name: 'board-approval-superseded', card: buildApprovalCard(SAMPLE_APPROVAL_SUPERSEDED) },
    { name: 'board-overdue-reminder', card: buildOverdueReminderCard(SAMPLE_OVERDUE_REMINDER) },
    { name: 'board-overdue-done', card: buildOverdueReminderCard(SAMPLE_OVERDUE_DONE) },
    { name: 'board-thread-update', card: buildThreadUpdateCard(SAMPLE_THREAD_UPDATE) },
    { name: 'board-thread-update-recovery-overdue', card: buildThreadUpdateCard(SAMPLE_THREAD_UPDATE_OVERDUE) },
    { name: 'board-thread-closing', card: buildThreadClosingCard(SAMPLE_THREAD_CLOSING) },
    { name: 'board-recovery-check', card: buildRecoveryCheckCard(SAMPLE_RECOVERY_CHECK) },
    { name: 'board-recovery-check-error', card: buildRecoveryCheckCard(SAMPLE_RECOVERY_CHECK_ERROR) },
    { name: 'board-recovery-check-decided', card: buildRecoveryCheckCard(SAMPLE_RECOVERY_CHECK_DECIDED) },
  ];
}

async function main(): Promise<void> {
  const outDir = path.resolve(process.env.CARDS_OUTPUT_DIR || 'cards-output');
  const cards = sampleCards();
  const rendered = await renderCardsToPng(cards, outDir);
  let problems = 0;
  for (const [i, r] of rendered.entries()) {
    const bytes = cardSizeBytes(cards[i]!.card);
    console.log(`${r.name.padEnd(30)} ${String(bytes).padStart(6)} bytes  ${path.relative(process.cwd(), r.pngPath)}`);
    for (const m of r.parseMessages) {
      if (isExpectedParseMessage(m)) {
        console.log(`  renderer: ${m} (the chart's fallback is drawn, as on iOS)`);
        continue;
      }
      problems++;
      console.error(`  renderer: ${m}`);
    }
  }
  writeFileSync(path.join(outDir, 'cards.json'), JSON.stringify(Object.fromEntries(cards.map((c) => [c.name, c.card])), null, 2));
  if (problems > 0) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
