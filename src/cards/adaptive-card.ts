/**
 * A small typed model of the Adaptive Card 1.5 elements our cards use, tiny builders for them, and
 * the presentation helpers every card shares (status colours, trend words, tone colours).
 *
 * Only what Teams renders for bot-sent cards: schema 1.5, Action.Execute with an Action.Submit
 * fallback for clients without Universal Actions. Optional properties are left out of the JSON
 * when not set, so cards stay lean (Teams refuses messages over about 100 KB). Teams' own
 * additions are here too: Chart.* elements (always with a fallback) and @mentions.
 */
import type { Status, Travel } from '../domain/types';
import type { Tone } from './view-models';

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_VERSION = '1.5';
/** Teams accepts refresh.userIds for at most 60 users. */
export const MAX_REFRESH_USER_IDS = 60;

// ---------------------------------------------------------------------------------------------
// Vocabulary

export type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge' | 'Padding';
export type TextColor = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
export type TextSize = 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
export type TextWeight = 'Lighter' | 'Default' | 'Bolder';
export type HorizontalAlignment = 'Left' | 'Center' | 'Right';
export type VerticalAlignment = 'Top' | 'Center' | 'Bottom';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
export type ActionStyle = 'default' | 'positive' | 'destructive';

/** Properties every element may carry. */
export interface ElementBase {
  readonly id?: string;
  readonly spacing?: Spacing;
  readonly separator?: boolean;
  readonly isVisible?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Elements

export interface TextBlock extends ElementBase {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap?: boolean;
  readonly size?: TextSize;
  readonly weight?: TextWeight;
  readonly color?: TextColor;
  readonly isSubtle?: boolean;
  readonly maxLines?: number;
  readonly horizontalAlignment?: HorizontalAlignment;
  readonly style?: 'default' | 'heading';
}

export interface TextRun {
  readonly type: 'TextRun';
  readonly text: string;
  readonly weight?: TextWeight;
  readonly color?: TextColor;
  readonly isSubtle?: boolean;
  readonly size?: TextSize;
}

export interface RichTextBlock extends ElementBase {
  readonly type: 'RichTextBlock';
  readonly inlines: readonly TextRun[];
}

export interface Container extends ElementBase {
  readonly type: 'Container';
  readonly items: readonly CardElement[];
  readonly style?: ContainerStyle;
  readonly bleed?: boolean;
  readonly verticalContentAlignment?: VerticalAlignment;
}

export interface Column {
  readonly type: 'Column';
  readonly items: readonly CardElement[];
  /** 'auto', 'stretch', a weight (number) or pixels ("80px"). */
  readonly width?: 'auto' | 'stretch' | number | `${number}px`;
  readonly spacing?: Spacing;
  readonly separator?: boolean;
  readonly style?: ContainerStyle;
  readonly verticalContentAlignment?: VerticalAlignment;
  /** Drawn at least this tall even when empty (a progress bar's segments). */
  readonly minHeight?: `${number}px`;
}

export interface ColumnSet extends ElementBase {
  readonly type: 'ColumnSet';
  readonly columns: readonly Column[];
  readonly style?: ContainerStyle;
  readonly bleed?: boolean;
}

export interface Fact {
  readonly title: string;
  readonly value: string;
}

export interface FactSet extends ElementBase {
  readonly type: 'FactSet';
  readonly facts: readonly Fact[];
}

/** Validation (isRequired, errorMessage, min/max) runs only in the client: the server checks again. */
export interface InputBase extends ElementBase {
  readonly id: string;
  readonly label?: string;
  readonly isRequired?: boolean;
  readonly errorMessage?: string;
}

export interface NumberInput extends InputBase {
  readonly type: 'Input.Number';
  readonly value?: number;
  readonly min?: number;
  readonly max?: number;
  readonly placeholder?: string;
}

export interface TextInput extends InputBase {
  readonly type: 'Input.Text';
  readonly value?: string;
  readonly placeholder?: string;
  readonly isMultiline?: boolean;
  readonly maxLength?: number;
  readonly style?: 'text' | 'tel' | 'url' | 'email';
  readonly regex?: string;
}

export interface Choice {
  readonly title: string;
  readonly value: string;
}

export interface ChoiceSetInput extends InputBase {
  readonly type: 'Input.ChoiceSet';
  readonly choices: readonly Choice[];
  readonly value?: string;
  /** 'filtered' (1.5): a type-ahead list, for long lists such as people. */
  readonly style?: 'compact' | 'expanded' | 'filtered';
  readonly isMultiSelect?: boolean;
  readonly placeholder?: string;
  readonly wrap?: boolean;
}

export interface DateInput extends InputBase {
  readonly type: 'Input.Date';
  /** Dates are yyyy-mm-dd, in value, min and max alike. */
  readonly value?: string;
  readonly min?: string;
  readonly max?: string;
  readonly placeholder?: string;
}

/** A tick box: it sends valueOn when ticked, valueOff ("false" unless given) when not. */
export interface ToggleInput extends InputBase {
  readonly type: 'Input.Toggle';
  readonly title: string;
  readonly value?: string;
  readonly valueOn?: string;
  readonly valueOff?: string;
  readonly wrap?: boolean;
}

export type CardInput = NumberInput | TextInput | ChoiceSetInput | DateInput | ToggleInput;

export interface ActionSet extends ElementBase {
  readonly type: 'ActionSet';
  readonly actions: readonly CardAction[];
}

// ---------------------------------------------------------------------------------------------
// Charts (Teams only)
//
// Teams renders Chart.* on desktop, web and Android, but not on iOS, and the adaptivecards JS
// renderer does not know them at all: every chart carries a `fallback` element showing the same
// figures as text, which is what those clients render instead.

/** Teams' chart palette: named colours only, no hex. */
export type ChartColor =
  | 'good'
  | 'warning'
  | 'attention'
  | 'neutral'
  | 'categoricalRed'
  | 'categoricalPurple'
  | 'categoricalLavender'
  | 'categoricalBlue'
  | 'categoricalLightBlue'
  | 'categoricalTeal'
  | 'categoricalGreen'
  | 'categoricalLime'
  | 'categoricalMarigold'
  | `sequential${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8}`
  | 'divergingBlue'
  | 'divergingLightBlue'
  | 'divergingCyan'
  | 'divergingTeal'
  | 'divergingYellow'
  | 'divergingPeach'
  | 'divergingLightRed'
  | 'divergingRed'
  | 'divergingMaroon'
  | 'divergingGray';

/** What a chart falls back to: plain elements every client renders (never another chart). */
export type ChartFallback = TextBlock | RichTextBlock | Container | ColumnSet | FactSet;

interface ChartBase extends ElementBase {
  readonly title?: string;
  readonly colorSet?: 'categorical' | 'sequential' | 'diverging';
  readonly fallback: ChartFallback;
}

export interface DonutDatum {
  readonly legend: string;
  readonly value: number;
  readonly color?: ChartColor;
}

export interface DonutChart extends ChartBase {
  readonly type: 'Chart.Donut';
  readonly data: readonly DonutDatum[];
}

export interface BarDatum {
  readonly x: string | number;
  readonly y: number;
  readonly color?: ChartColor;
}

export interface VerticalBarChart extends ChartBase {
  readonly type: 'Chart.VerticalBar';
  readonly data: readonly BarDatum[];
  readonly xAxisTitle?: string;
  readonly yAxisTitle?: string;
  readonly color?: ChartColor;
  readonly showBarValues?: boolean;
}

export interface LinePoint {
  /** A number, or a date as yyyy-mm-dd: Teams does not take free labels on a line chart's x axis. */
  readonly x: number | string;
  readonly y: number;
}

export interface LineSeries {
  readonly legend?: string;
  readonly values: readonly LinePoint[];
  readonly color?: ChartColor;
}

export interface LineChart extends ChartBase {
  readonly type: 'Chart.Line';
  readonly data: readonly LineSeries[];
  readonly xAxisTitle?: string;
  readonly yAxisTitle?: string;
  readonly color?: ChartColor;
}

export type ChartElement = DonutChart | VerticalBarChart | LineChart;

export type CardElement = TextBlock | RichTextBlock | Container | ColumnSet | FactSet | CardInput | ActionSet | ChartElement;

// ---------------------------------------------------------------------------------------------
// Actions

/** Data an action sends back besides its inputs. Always carries the verb (see card-contract.ts). */
export type ActionData = { readonly verb: string } & Readonly<Record<string, unknown>>;

export interface SubmitAction {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: ActionData;
  readonly style?: ActionStyle;
  readonly associatedInputs?: 'auto' | 'none';
}

export interface ExecuteAction {
  readonly type: 'Action.Execute';
  readonly title?: string;
  readonly verb: string;
  readonly data: ActionData;
  readonly style?: ActionStyle;
  readonly associatedInputs?: 'auto' | 'none';
  /** For clients without Universal Actions: the same verb and data, arriving as a message `value`. */
  readonly fallback?: SubmitAction | 'drop';
}

export interface ShowCardAction {
  readonly type: 'Action.ShowCard';
  readonly title: string;
  readonly card: AdaptiveCard;
}

/** Opens a link: in Teams, a deep link (https://teams.microsoft.com/l/...) opens inside the client. */
export interface OpenUrlAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}

export type CardAction = ExecuteAction | SubmitAction | ShowCardAction | OpenUrlAction;

/**
 * A Teams @mention: `text` ("<at>Gareth Lewis</at>") must appear verbatim in a TextBlock of the
 * card; Teams turns that text into the mention and notifies the person.
 */
export interface Mention {
  readonly type: 'mention';
  readonly text: string;
  readonly mentioned: { readonly id: string; readonly name: string };
}

/** Teams' own properties of a card. */
export interface TeamsCardProperties {
  readonly width?: 'Full';
  readonly entities?: readonly Mention[];
}

export interface Refresh {
  readonly action: ExecuteAction;
  readonly userIds: readonly string[];
}

export interface AdaptiveCard {
  readonly $schema: typeof ADAPTIVE_CARD_SCHEMA;
  readonly type: 'AdaptiveCard';
  readonly version: typeof ADAPTIVE_CARD_VERSION;
  /** Plain text summarising the card for clients that cannot render it (and notifications). */
  readonly fallbackText: string;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
  readonly refresh?: Refresh;
  readonly msteams?: TeamsCardProperties;
}

// ---------------------------------------------------------------------------------------------
// Builders

type Props<T> = Omit<T, 'type'>;

export function textBlock(text: string, props: Omit<Props<TextBlock>, 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text, ...props };
}

export function richTextBlock(inlines: readonly TextRun[], props: Omit<Props<RichTextBlock>, 'inlines'> = {}): RichTextBlock {
  return { type: 'RichTextBlock', inlines, ...props };
}

export function textRun(text: string, props: Omit<Props<TextRun>, 'text'> = {}): TextRun {
  return { type: 'TextRun', text, ...props };
}

export function container(items: readonly CardElement[], props: Omit<Props<Container>, 'items'> = {}): Container {
  return { type: 'Container', items, ...props };
}

export function column(items: readonly CardElement[], props: Omit<Column, 'type' | 'items'> = {}): Column {
  return { type: 'Column', items, ...props };
}

export function columnSet(columns: readonly Column[], props: Omit<Props<ColumnSet>, 'columns'> = {}): ColumnSet {
  return { type: 'ColumnSet', columns, ...props };
}

export function factSet(facts: readonly Fact[], props: Omit<Props<FactSet>, 'facts'> = {}): FactSet {
  return { type: 'FactSet', facts, ...props };
}

export function numberInput(id: string, props: Omit<Props<NumberInput>, 'id'> = {}): NumberInput {
  return { type: 'Input.Number', id, ...props };
}

export function textInput(id: string, props: Omit<Props<TextInput>, 'id'> = {}): TextInput {
  return { type: 'Input.Text', id, ...props };
}

export function choiceSetInput(
  id: string,
  choices: readonly Choice[],
  props: Omit<Props<ChoiceSetInput>, 'id' | 'choices'> = {},
): ChoiceSetInput {
  return { type: 'Input.ChoiceSet', id, choices, ...props };
}

export function toggleInput(id: string, title: string, props: Omit<Props<ToggleInput>, 'id' | 'title'> = {}): ToggleInput {
  return { type: 'Input.Toggle', id, title, ...props };
}

export function dateInput(id: string, props: Omit<Props<DateInput>, 'id'> = {}): DateInput {
  return { type: 'Input.Date', id, ...props };
}

export function donutChart(
  data: readonly DonutDatum[],
  fallback: ChartFallback,
  props: Omit<Props<DonutChart>, 'data' | 'fallback'> = {},
): DonutChart {
  return { type: 'Chart.Donut', ...props, data, fallback };
}

export function verticalBarChart(
  data: readonly BarDatum[],
  fallback: ChartFallback,
  props: Omit<Props<VerticalBarChart>, 'data' | 'fallback'> = {},
): VerticalBarChart {
  return { type: 'Chart.VerticalBar', ...props, data, fallback };
}

export function lineChart(
  data: readonly LineSeries[],
  fallback: ChartFallback,
  props: Omit<Props<LineChart>, 'data' | 'fallback'> = {},
): LineChart {
  return { type: 'Chart.Line', ...props, data, fallback };
}

/** The mention of a person by their Teams user id (29:...), AAD object id or UPN. */
export function mention(id: string, name: string): Mention {
  return { type: 'mention', text: `<at>${name}</at>`, mentioned: { id, name } };
}

export function actionSet(actions: readonly CardAction[], props: Omit<Props<ActionSet>, 'actions'> = {}): ActionSet {
  return { type: 'ActionSet', actions, ...props };
}

/**
 * An Action.Execute for `verb`, with an Action.Submit fallback for clients without Universal
 * Actions. Both carry `{ verb, ...data }`, so the bot reads the same data from an invoke and from a
 * message's `value`.
 */
export function executeAction(
  verb: string,
  title: string,
  data: Readonly<Record<string, unknown>> = {},
  style?: ActionStyle,
  /** 'none': the action sends no inputs, so the client does not validate them (e.g. Approve beside a required comment). */
  associatedInputs?: 'auto' | 'none',
): ExecuteAction {
  const payload: ActionData = { ...data, verb };
  const options = {
    ...(style === undefined ? {} : { style }),
    ...(associatedInputs === undefined ? {} : { associatedInputs }),
  };
  return {
    type: 'Action.Execute',
    title,
    verb,
    data: payload,
    ...options,
    fallback: { type: 'Action.Submit', title, data: payload, ...options },
  };
}

export function openUrlAction(title: string, url: string): OpenUrlAction {
  return { type: 'Action.OpenUrl', title, url };
}

/** Universal Actions' user-specific refresh; undefined when there is nobody to refresh for. */
export function refreshFor(
  verb: string,
  data: Readonly<Record<string, unknown>>,
  userIds: readonly string[],
): Refresh | undefined {
  if (userIds.length === 0) return undefined;
  return {
    action: { type: 'Action.Execute', verb, data: { ...data, verb } },
    userIds: userIds.slice(0, MAX_REFRESH_USER_IDS),
  };
}

export interface AdaptiveCardParts {
  readonly body: readonly CardElement[];
  readonly fallbackText: string;
  readonly actions?: readonly CardAction[];
  readonly refresh?: Refresh;
  /** Wide cards (tables, forms) use the full width of the Teams conversation. */
  readonly fullWidth?: boolean;
  /** People @mentioned: each mention's text must be in the card's text. */
  readonly mentions?: readonly Mention[];
}

export function adaptiveCard(parts: AdaptiveCardParts): AdaptiveCard {
  const fallbackText = parts.fallbackText.trim();
  if (fallbackText === '') throw new Error('An Adaptive Card needs a non-empty fallbackText.');
  const mentions = parts.mentions ?? [];
  const bodyJson = JSON.stringify(parts.body);
  for (const m of mentions) {
    // Teams shows a mention whose text is not in the card as nothing at all: a bug in the builder.
    if (!bodyJson.includes(JSON.stringify(m.text).slice(1, -1))) {
      throw new Error(`The mention ${m.text} is not in the card's text.`);
    }
  }
  const msteams: TeamsCardProperties = {
    ...(parts.fullWidth ? { width: 'Full' as const } : {}),
    ...(mentions.length > 0 ? { entities: mentions } : {}),
  };
  return {
    $schema: ADAPTIVE_CARD_SCHEMA,
    type: 'AdaptiveCard',
    version: ADAPTIVE_CARD_VERSION,
    fallbackText,
    body: parts.body,
    ...(parts.actions && parts.actions.length > 0 ? { actions: parts.actions } : {}),
    ...(parts.refresh ? { refresh: parts.refresh } : {}),
    ...(Object.keys(msteams).length > 0 ? { msteams } : {}),
  };
}

/** The size Teams counts: UTF-8 bytes of the JSON. */
export function cardSizeBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Shared presentation

export type StatusLabel = 'Red' | 'Amber' | 'Green' | 'Data only' | 'Missing' | 'Due' | 'Awaiting verification';
export interface StatusStyle {
  readonly label: StatusLabel;
  readonly color: Extract<TextColor, 'Attention' | 'Warning' | 'Good' | 'Default' | 'Accent'>;
}

const STATUS_STYLES: Readonly<Record<Status, StatusStyle>> = {
  RED: { label: 'Red', color: 'Attention' },
  AMBER: { label: 'Amber', color: 'Warning' },
  GREEN: { label: 'Green', color: 'Good' },
  DATA_ONLY: { label: 'Data only', color: 'Default' },
  MISSING: { label: 'Missing', color: 'Attention' },
  DUE: { label: 'Due', color: 'Accent' },
  AWAITING_VERIFICATION: { label: 'Awaiting verification', color: 'Default' },
};

/** Colour is never the only signal: every coloured status also shows its word. */
export function statusStyle(status: Status): StatusStyle {
  return STATUS_STYLES[status];
}

const TREND_TEXT: Readonly<Record<Travel, string>> = {
  IMPROVED: '▲ Improved',
  WORSENED: '▼ Worsened',
  UNCHANGED: '► No change',
  NOT_COMPARABLE: '',
};

/** Direction of travel as an arrow and a word ('' when not comparable). */
export function trendText(travel: Travel): string {
  return TREND_TEXT[travel];
}

const TONE_COLORS: Readonly<Record<Tone, TextColor>> = {
  good: 'Good',
  warning: 'Warning',
  attention: 'Attention',
  default: 'Default',
};
const TONE_STYLES: Readonly<Record<Tone, ContainerStyle>> = {
  good: 'good',
  warning: 'warning',
  attention: 'attention',
  default: 'emphasis',
};

export function toneColor(tone: Tone): TextColor {
  return TONE_COLORS[tone];
}

export function toneStyle(tone: Tone): ContainerStyle {
  return TONE_STYLES[tone];
}

/** Joins the non-empty parts of a line with a middle dot. */
export function joinParts(parts: readonly (string | null | undefined)[], separator = ' · '): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(separator);
}
