/**
 * Writes the register templates a performance team starts from:
 *
 *   templates/indicators.csv, templates/targets.csv, templates/values.csv, templates/people.csv   one sheet each
 *   templates/register-template.xlsx   Indicators, Targets, Values and People, plus a Guide sheet that lists
 *                                      every column, whether it is needed, the words accepted and an example
 *
 * The columns come from src/import/parse-register.ts and the accepted words from the parsers in
 * src/domain/vocabulary.ts, so the templates cannot drift from what the import reads; the example
 * rows are three of the demo indicators (a monthly cumulative one, a quarterly one and a data-only
 * one) and the demo's People sheet (its performance team and a councillor who only reads). test/unit/import/templates.test.ts checks that every template imports without a problem.
 *
 * Run with: npm run templates (or npx tsx scripts/make-templates.ts [directory], to write them elsewhere:
 * the round-trip test builds them in a temporary directory)
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DEMO_INDICATORS, type DemoIndicator } from '../src/demo/demo-indicators';
import { DEMO_PEOPLE_SHEET, type DemoPerson } from '../src/demo/demo-people';
import { financialYearLabel, periodKey, shiftPeriod } from '../src/domain/periods';
import { demoTimeline } from '../src/demo/demo-history';
import type { Result } from '../src/domain/result';
import { MIN_BASELINE_POINTS } from '../src/domain/variation-settings';
import {
  aggregationLabel,
  frequencyLabel,
  kindLabel,
  lensLabel,
  MAX_DECIMALS,
  parseAggregation,
  parseFrequency,
  parseKind,
  parseLens,
  parsePolarity,
  parseUnit,
  polarityLabel,
  roleWords,
  unitLabel,
} from '../src/domain/vocabulary';
import {
  INDICATOR_COLUMNS,
  OPTIONAL_INDICATOR_COLUMNS,
  OPTIONAL_PEOPLE_COLUMNS,
  PEOPLE_COLUMNS,
  TARGET_COLUMNS,
  VALUE_COLUMNS,
} from '../src/import/parse-register';
import { addSafeRow, setSafeColumns, toCsv, type SheetCell } from '../src/spreadsheet/write-spreadsheet';

const TEMPLATES_DIR = path.resolve(__dirname, '..', 'templates');
/** The financial year the example targets and values are for. */
const EXAMPLE_YEAR = 2026;
/** Fixed, so that running the script again changes nothing unless the templates' content does. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1));
const EXAMPLE_CODES = ['FIN01', 'SRV03', 'SRV06'] as const;

type Cell = SheetCell;
type TemplateRow = Record<string, Cell>;

// ---------------------------------------------------------------------------------------------
// Example rows
// ---------------------------------------------------------------------------------------------

const INDICATOR_HEADERS: readonly string[] = [...INDICATOR_COLUMNS, ...OPTIONAL_INDICATOR_COLUMNS];

function demoIndicator(code: string): DemoIndicator {
  const found = DEMO_INDICATORS.find((indicator) => indicator.code === code);
  if (!found) throw new Error(`The demo register has no indicator ${code}; pick other examples in make-templates.ts.`);
  return found;
}

/** The word a person would type: the bot's own label when the import reads it back, else the plain word. */
function spoken<T extends string>(value: T, label: string, parse: (text: string) => Result<T>): string {
  const plain = value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
  for (const word of [label, plain]) {
    const read = parse(word);
    if (read.ok && read.value === value) return word;
  }
  throw new Error(`Neither "${label}" nor "${plain}" reads back as ${value}`);
}

function indicatorRow(indicator: DemoIndicator): TemplateRow {
  const person = (who: DemoPerson | undefined) => ({ email: who?.email ?? '', id: who?.aadObjectId ?? '', name: who?.name ?? '' });
  const owner = person(indicator.owner);
  const verifier = person(indicator.verifier);
  const director = person(indicator.director);
  return {
    code: indicator.code,
    title: indicator.title,
    definition: indicator.definition,
    kind: spoken(indicator.kind, kindLabel(indicator.kind), parseKind),
    unit: spoken(indicator.unit, unitLabel(indicator.unit), parseUnit),
    decimals: indicator.decimals,
    polarity: spoken(indicator.polarity, polarityLabel(indicator.polarity), parsePolarity),
    frequency: spoken(indicator.frequency, frequencyLabel(indicator.frequency), parseFrequency),
    aggregation: spoken(indicator.aggregation, aggregationLabel(indicator.aggregation), parseAggregation),
    lens: spoken(indicator.lens, lensLabel(indicator.lens), parseLens),
    directorate: indicator.directorate,
    owner_email: owner.email,
    owner_aad_object_id: owner.id,
    delegate_emails: (indicator.delegates ?? []).map((d) => d.email).join('; '),
    verifier_email: verifier.email,
    verifier_aad_object_id: verifier.id,
    director_email: director.email,
    director_aad_object_id: director.id,
    target: indicator.target ?? '',
    tolerance: indicator.tolerance,
    target_year: indicator.target === null ? '' : financialYearLabel(EXAMPLE_YEAR),
    service: indicator.service,
    priority: indicator.priority,
    allow_above_100: 'no',
    lag_months: indicator.lagMonths ?? 0,
    public: (indicator.public ?? indicator.kind === 'KPI') ? 'yes' : 'no',
    max_change_percent: indicator.maxChangePercent ?? '',
    variation: indicator.variation === false ? 'no' : 'yes',
    variation_baseline_from: indicator.variationBaselineMonthsAgo === undefined
      ? '' : periodKey(shiftPeriod(demoTimeline(FIXED_DATE).openMonth, -indicator.variationBaselineMonthsAgo)),
    variation_baseline_points: indicator.variationBaselinePoints ?? '',
    owner_name: owner.name,
    verifier_name: verifier.name,
    director_name: director.name,
  };
}

const INDICATOR_ROWS: readonly TemplateRow[] = EXAMPLE_CODES.map((code) => indicatorRow(demoIndicator(code)));

/** A monthly profile for the cumulative collection rate, and next year's target for the planning indicator. */
const TARGET_ROWS: readonly TemplateRow[] = [
  { code: 'FIN01', period: `${EXAMPLE_YEAR}-04`, target: 10.5 },
  { code: 'FIN01', period: `${EXAMPLE_YEAR}-05`, target: 19.8 },
  { code: 'SRV03', period: financialYearLabel(EXAMPLE_YEAR + 1), target: 62 },
];

const VALUE_ROWS: readonly TemplateRow[] = [
  { code: 'FIN01', period: `${EXAMPLE_YEAR}-04`, value: 10.7, note: '' },
  { code: 'FIN01', period: `${EXAMPLE_YEAR}-05`, value: 19.9, note: '' },
  { code: 'SRV03', period: `${financialYearLabel(EXAMPLE_YEAR)} Q1`, value: 75, note: '12 of 16 major applications decided in time' },
  { code: 'SRV06', period: `${EXAMPLE_YEAR}-04`, value: 52, note: 'Includes 6 households placed out of district' },
];

/** In the order a person reads a row: who, then what they may do. */
const PEOPLE_HEADERS: readonly string[] = ['email', 'aad_object_id', 'name', 'roles'];
if ([...PEOPLE_HEADERS].sort().join() !== [...PEOPLE_COLUMNS, ...OPTIONAL_PEOPLE_COLUMNS].sort().join()) {
  throw new Error('PEOPLE_HEADERS in make-templates.ts no longer matches the People columns the import reads.');
}

const PEOPLE_ROWS: readonly TemplateRow[] = DEMO_PEOPLE_SHEET.map(({ person, roles }) => ({
  email: person.email, aad_object_id: person.aadObjectId, name: person.name, roles,
}));

// ---------------------------------------------------------------------------------------------
// The Guide
// ---------------------------------------------------------------------------------------------

interface GuideRow {
  readonly sheet: 'Indicators' | 'Targets' | 'Values' | 'People';
  readonly column: string;
  readonly required: string;
  readonly accepted: string;
  readonly example: Cell;
}

const MUST = 'Yes';
const MAY_BE_BLANK = 'Column needed; cell may be blank';
const OPTIONAL = 'Optional column';

/** The accepted words, exactly as the parser lists them when it refuses a word. */
function acceptedWords(parse: (text: string) => Result<unknown>): string {
  const refusal = parse('\u0000 not a word \u0000');
  const list = refusal.ok ? null : /one of: (.+?) — /.exec(refusal.error);
  if (!list?.[1]) throw new Error('Could not read the accepted words from the vocabulary; update acceptedWords in make-templates.ts.');
  return `One of: ${list[1]}. Case, spaces, hyphens and underscores do not matter.`;
}

function guideRows(): GuideRow[] {
  const example = INDICATOR_ROWS[0]!;
  const person = (role: string): GuideRow[] => [
    {
      sheet: 'Indicators', column: `${role}_email`, required: role === 'owner' ? MUST : MAY_BE_BLANK,
      accepted: `The ${role}'s work email.${role === 'owner' ? '' : ` Leave blank if the indicator has no ${role}.`}`,
      example: example[`${role}_email`] ?? '',
    },
    {
      sheet: 'Indicators', column: `${role}_aad_object_id`, required: MAY_BE_BLANK,
      accepted: `The ${role}'s Microsoft Entra object id (a GUID), so the bot can message them before they first use it. ` +
        'One person has one id: give the same id on every row.',
      example: example[`${role}_aad_object_id`] ?? '',
    },
  ];
  const indicators: GuideRow[] = [
    { sheet: 'Indicators', column: 'code', required: MUST, accepted: 'A short code, unique in the register: up to 32 letters, digits, dots, dashes or slashes. Targets and Values rows refer to it.', example: example.code ?? '' },
    { sheet: 'Indicators', column: 'title', required: MUST, accepted: 'The title shown on cards and reports.', example: example.title ?? '' },
    { sheet: 'Indicators', column: 'definition', required: MAY_BE_BLANK, accepted: 'What is counted and how.', example: example.definition ?? '' },
    { sheet: 'Indicators', column: 'kind', required: MUST, accepted: acceptedWords(parseKind), example: example.kind ?? '' },
    { sheet: 'Indicators', column: 'unit', required: MUST, accepted: `${acceptedWords(parseUnit)} Any "per N" (such as "per 1,000 population") is a rate.`, example: example.unit ?? '' },
    { sheet: 'Indicators', column: 'decimals', required: MUST, accepted: `The decimal places figures are kept to: a whole number from 0 to ${MAX_DECIMALS}.`, example: example.decimals ?? '' },
    { sheet: 'Indicators', column: 'polarity', required: MUST, accepted: acceptedWords(parsePolarity), example: example.polarity ?? '' },
    { sheet: 'Indicators', column: 'frequency', required: MUST, accepted: acceptedWords(parseFrequency), example: example.frequency ?? '' },
    { sheet: 'Indicators', column: 'aggregation', required: MUST, accepted: `${acceptedWords(parseAggregation)} Cumulative: each figure is already the year to date.`, example: example.aggregation ?? '' },
    { sheet: 'Indicators', column: 'lens', required: MUST, accepted: acceptedWords(parseLens), example: example.lens ?? '' },
    { sheet: 'Indicators', column: 'directorate', required: MUST, accepted: "The directorate's name.", example: example.directorate ?? '' },
    ...person('owner'),
    { sheet: 'Indicators', column: 'delegate_emails', required: MAY_BE_BLANK, accepted: 'Work emails of people who may submit figures for the owner, separated by ";".', example: 'liam.foster@fenmarsh.gov.uk; chloe.evans@fenmarsh.gov.uk' },
    ...person('verifier'),
    ...person('director'),
    { sheet: 'Indicators', column: 'target', required: MAY_BE_BLANK, accepted: 'The annual target as a number, for the year in target_year (or the current financial year). Leave blank for a data-only indicator. Profiled targets go on the Targets sheet.', example: example.target ?? '' },
    { sheet: 'Indicators', column: 'tolerance', required: MAY_BE_BLANK, accepted: 'How far from target is still Amber: a percentage of the target such as "5%", or an amount in the unit such as "2.5". Blank uses the organisation default.', example: example.tolerance ?? '' },
    { sheet: 'Indicators', column: 'target_year', required: OPTIONAL, accepted: 'The financial year the target is for, written 2026/27. Blank means the current financial year.', example: example.target_year ?? '' },
    { sheet: 'Indicators', column: 'service', required: OPTIONAL, accepted: 'The service within the directorate.', example: example.service ?? '' },
    { sheet: 'Indicators', column: 'priority', required: OPTIONAL, accepted: 'The council priority the indicator reports against.', example: example.priority ?? '' },
    { sheet: 'Indicators', column: 'allow_above_100', required: OPTIONAL, accepted: 'For percentages that can exceed 100: yes or no (also y/n, true/false, 1/0). Blank means no.', example: example.allow_above_100 ?? '' },
    { sheet: 'Indicators', column: 'lag_months', required: OPTIONAL, accepted: 'For figures that arrive late by design: the whole number of months after the period ends that its figure is collected, 0 to 12 (recycling rates: 3, a quarter late). The cycle then asks for that period in that later month, and the figure is Due, not Missing, until then. Blank means 0.', example: example.lag_months ?? '' },
    { sheet: 'Indicators', column: 'public', required: OPTIONAL, accepted: 'Whether the council publishes the indicator (the public edition of the quarterly report): yes or no (also y/n, true/false, 1/0). Blank means yes for a KPI and no for a PI or a data-only indicator.', example: example.public ?? '' },
    { sheet: 'Indicators', column: 'max_change_percent', required: OPTIONAL, accepted: 'The largest change from one period to the next that is believable, as a percentage above 0 (a count of households that never moves by more than a quarter in a month: 25). A figure that moves further is questioned when it is entered, and the owner confirms or corrects it. Blank means no limit.', example: example.max_change_percent ?? '' },
    { sheet: 'Indicators', column: 'variation', required: OPTIONAL, accepted: 'Whether the variation analysis (process limits and special-cause signals: a shift, a trend, a figure beyond the limits) applies to the indicator: yes or no (also y/n, true/false, 1/0). Blank means yes; say no for a figure with too few points or no steady process to chart.', example: example.variation || 'yes' },
    { sheet: 'Indicators', column: 'variation_baseline_from', required: OPTIONAL, accepted: "The period from which the indicator's process changed (a new system, a restructure): the analysis draws new limits from there. A period of the indicator's own frequency: a month as 2025-04, a quarter as 2025/26 Q1, a year as 2025/26. Blank means it has not changed.", example: example.variation_baseline_from || '2025-04' },
    { sheet: 'Indicators', column: 'variation_baseline_points', required: OPTIONAL, accepted: `The process limits are fixed from the first this many points after the baseline start, so later figures are judged against the process as it was: a whole number, ${MIN_BASELINE_POINTS} or more (such as 20). Blank means from all of them.`, example: example.variation_baseline_points || 20 },
    { sheet: 'Indicators', column: 'owner_name', required: OPTIONAL, accepted: "The owner's name as the bot should show it.", example: example.owner_name ?? '' },
    { sheet: 'Indicators', column: 'verifier_name', required: OPTIONAL, accepted: "The verifier's name as the bot should show it.", example: example.verifier_name ?? '' },
    { sheet: 'Indicators', column: 'director_name', required: OPTIONAL, accepted: "The director's name as the bot should show it.", example: example.director_name ?? '' },
  ];
  const periods = 'A month as 2026-10, a quarter as 2026/27 Q3, or a financial year as 2026/27 (April to March).';
  const targets: GuideRow[] = [
    { sheet: 'Targets', column: 'code', required: MUST, accepted: 'The code of an indicator on the Indicators sheet or already in the register.', example: TARGET_ROWS[0]!.code! },
    { sheet: 'Targets', column: 'period', required: MUST, accepted: `${periods} A profiled target must match the indicator's frequency; a financial year works for any indicator.`, example: TARGET_ROWS[0]!.period! },
    { sheet: 'Targets', column: 'target', required: MUST, accepted: 'The target as a number. Data-only indicators take no target.', example: TARGET_ROWS[0]!.target! },
  ];
  const values: GuideRow[] = [
    { sheet: 'Values', column: 'code', required: MUST, accepted: 'The code of an indicator on the Indicators sheet or already in the register.', example: VALUE_ROWS[2]!.code! },
    { sheet: 'Values', column: 'period', required: MUST, accepted: `${periods} It must match the indicator's frequency.`, example: VALUE_ROWS[2]!.period! },
    { sheet: 'Values', column: 'value', required: MUST, accepted: 'The figure for the period, with no more decimal places than the indicator keeps. Percentages run 0 to 100 unless allow_above_100 is yes.', example: VALUE_ROWS[2]!.value! },
    { sheet: 'Values', column: 'note', required: OPTIONAL, accepted: 'Anything the reader of the figure should know.', example: VALUE_ROWS[2]!.note! },
  ];
  const admin = PEOPLE_ROWS[0]!;
  const people: GuideRow[] = [
    { sheet: 'People', column: 'email', required: MUST, accepted: "The person's work email. List each person once. People named on the Indicators sheet need not be listed; list the performance team and anyone who only reads.", example: admin.email! },
    { sheet: 'People', column: 'aad_object_id', required: MAY_BE_BLANK, accepted: 'Their Microsoft Entra object id (a GUID). People are matched by this id first, then by email, so a changed email updates the person. It must agree with the Indicators sheet.', example: admin.aad_object_id! },
    { sheet: 'People', column: 'name', required: OPTIONAL, accepted: 'Their name as the bot should show it (it wins over the Indicators sheet\'s names). Blank makes one from the email.', example: admin.name! },
    {
      sheet: 'People', column: 'roles', required: MAY_BE_BLANK,
      accepted: `Roles separated by ";" or ",": ${roleWords()}. Case does not matter. ` +
        'The row states admin (the performance team) and viewer (reads the scorecard) exactly: leaving one out takes it away. ' +
        'Owner, delegate, verifier and director follow the indicators the person is named on; listing them here changes nothing. ' +
        'Blank: in the register with neither admin nor viewer.',
      example: PEOPLE_ROWS[1]!.roles!,
    },
  ];
  return [...indicators, ...targets, ...values, ...people];
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

// Every header and cell goes through src/import/write-spreadsheet.ts, which escapes text a spreadsheet
// would run as a formula (#11); none of the templates' own text starts that way, so their bytes do not change.

function addTable(workbook: ExcelJS.Workbook, name: string, headers: readonly string[], rows: readonly TemplateRow[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  setSafeColumns(sheet, headers.map((header) => ({
    header,
    key: header,
    width: Math.min(60, Math.max(header.length, ...rows.map((row) => String(row[header] ?? '').length)) + 2),
  })));
  for (const row of rows) addSafeRow(sheet, headers.map((header) => row[header] ?? ''));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

/** JSZip stamps each entry with the time of writing; set them all to FIXED_DATE so reruns give the same bytes. */
function fixZipTimestamps(zip: Buffer): Buffer {
  const dosTime = (FIXED_DATE.getUTCHours() << 11) | (FIXED_DATE.getUTCMinutes() << 5) | (FIXED_DATE.getUTCSeconds() >> 1);
  const dosDate = ((FIXED_DATE.getUTCFullYear() - 1980) << 9) | ((FIXED_DATE.getUTCMonth() + 1) << 5) | FIXED_DATE.getUTCDate();
  const endOfDirectory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfDirectory < 0) throw new Error('The workbook is not a zip file');
  const entries = zip.readUInt16LE(endOfDirectory + 10);
  let at = zip.readUInt32LE(endOfDirectory + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('Unexpected zip central directory layout');
    zip.writeUInt16LE(dosTime, at + 12);
    zip.writeUInt16LE(dosDate, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('Unexpected zip local header layout');
    zip.writeUInt16LE(dosTime, local + 10);
    zip.writeUInt16LE(dosDate, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

async function workbookBytes(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'council-performance-bot';
  workbook.lastModifiedBy = 'council-performance-bot';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;

  addTable(workbook, 'Indicators', INDICATOR_HEADERS, INDICATOR_ROWS);
  addTable(workbook, 'Targets', TARGET_COLUMNS, TARGET_ROWS);
  addTable(workbook, 'Values', VALUE_COLUMNS, VALUE_ROWS);
  addTable(workbook, 'People', PEOPLE_HEADERS, PEOPLE_ROWS);

  const guide = workbook.addWorksheet('Guide', { views: [{ state: 'frozen', ySplit: 1 }] });
  setSafeColumns(guide, [
    { header: 'Sheet', key: 'sheet', width: 12 },
    { header: 'Column', key: 'column', width: 24 },
    { header: 'Required', key: 'required', width: 20 },
    { header: 'What to enter (accepted words)', key: 'accepted', width: 90 },
    { header: 'Example', key: 'example', width: 44 },
  ]);
  for (const row of guideRows()) addSafeRow(guide, { ...row });
  guide.getRow(1).font = { bold: true };
  guide.eachRow((row, number) => {
    if (number > 1) row.alignment = { vertical: 'top', wrapText: true };
  });

  return fixZipTimestamps(Buffer.from(await workbook.xlsx.writeBuffer()));
}

async function main(): Promise<void> {
  const outDir = process.argv[2] ? path.resolve(process.argv[2]) : TEMPLATES_DIR;
  fs.mkdirSync(outDir, { recursive: true });
  const files: [string, string | Buffer][] = [
    ['indicators.csv', toCsv(INDICATOR_HEADERS, INDICATOR_ROWS)],
    ['targets.csv', toCsv(TARGET_COLUMNS, TARGET_ROWS)],
    ['values.csv', toCsv(VALUE_COLUMNS, VALUE_ROWS)],
    ['people.csv', toCsv(PEOPLE_HEADERS, PEOPLE_ROWS)],
    ['register-template.xlsx', await workbookBytes()],
  ];
  for (const [name, content] of files) {
    fs.writeFileSync(path.join(outDir, name), content);
    console.log(`wrote ${path.relative(process.cwd(), path.join(outDir, name))}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
