/**
 * Sample views of the progress card, as the job runner makes them for the demo council (Fenmarsh
 * District Council) opening October 2026 for a register of 2,000 owners: for the card tests and
 * for rendering the cards to PNG (npm run cards:render). Already formatted for people.
 */
import type { JobProgressView } from './job-progress-card';

const SUBTITLE = 'open 2026-10 · asked for by Priya Shah at 4 Nov 2026, 09:02';

export const SAMPLE_JOB_QUEUED: JobProgressView = {
  title: 'Open October 2026',
  subtitle: SUBTITLE,
  state: 'QUEUED',
  stateText: 'Starting…',
  bar: null,
  facts: [],
  outcome: [],
  note: 'This card updates itself every few seconds until the step is done.',
};

export const SAMPLE_JOB_RECORDING: JobProgressView = {
  ...SAMPLE_JOB_QUEUED,
  state: 'RUNNING',
  stateText: 'Recording prompts: 400 of 2,000',
  bar: { sent: 16, failed: 0, rest: 84, label: '16% · 331 of 2,000 sent' },
  facts: [
    { title: 'Prompts recorded', value: '400 of 2,000' },
    { title: 'Sent', value: '331' },
    { title: 'Failed or undeliverable', value: '0' },
    { title: 'Waiting to be sent', value: '69' },
    { title: 'Time left', value: 'about 36 s' },
  ],
};

export const SAMPLE_JOB_SENDING: JobProgressView = {
  ...SAMPLE_JOB_RECORDING,
  stateText: 'Sending: all 2,000 prompts recorded',
  bar: { sent: 72, failed: 1, rest: 27, label: '73% · 1,444 of 2,000 sent, 3 failed' },
  facts: [
    { title: 'Prompts recorded', value: '2,000 of 2,000' },
    { title: 'Sent', value: '1,444' },
    { title: 'Failed or undeliverable', value: '3' },
    { title: 'Waiting to be sent', value: '553' },
    { title: 'Time left', value: 'about 12 s' },
  ],
};

export const SAMPLE_JOB_DONE: JobProgressView = {
  ...SAMPLE_JOB_SENDING,
  state: 'DONE',
  stateText: 'Done',
  bar: { sent: 99, failed: 1, rest: 0, label: '100% · 1,997 of 2,000 sent, 3 failed' },
  facts: [
    { title: 'Prompts recorded', value: '2,000 of 2,000' },
    { title: 'Sent', value: '1,997' },
    { title: 'Failed or undeliverable', value: '3' },
  ],
  outcome: [
    '**open 2026-10** (2026-10, 2026/27 Q3): 2000 messages queued, 0 already sent or queued earlier.',
    'Not reachable (the app is not installed for them): Amir Khan, Beth Moss, Carl Nunn.',
  ],
  note: 'The performance team is told of each message Teams would not take.',
};

export const SAMPLE_JOB_CLOSE_DONE: JobProgressView = {
  title: 'Close October 2026',
  subtitle: 'close 2026-10 · asked for by Priya Shah at 20 Nov 2026, 17:05',
  state: 'DONE',
  stateText: 'Done',
  bar: null,
  facts: [],
  outcome: [
    '**close 2026-10** (2026-10): 0 messages queued, 0 already sent or queued earlier.',
    'Closed 2026-10; missing: CUS04 2026-10, FIN01 2026-10.',
  ],
  note: null,
};

export const SAMPLE_JOB_FAILED: JobProgressView = {
  ...SAMPLE_JOB_RECORDING,
  state: 'FAILED',
  stateText: 'Stopped by an error',
  outcome: ['Something went wrong and the step stopped. What it recorded stays recorded: run "open 2026-10" again to finish it (nothing is ever sent twice).'],
  note: null,
};
