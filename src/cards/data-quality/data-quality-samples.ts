/**
 * Sample views of the data-quality card (#16) for the demo council (Fenmarsh District Council),
 * July 2026: for the card tests and for rendering to PNG (npm run cards:render). The figures add
 * up: each directorate is the sum of its owners (listed or clean), and the register the sum of
 * the directorates.
 */
import { dataQualityPageDeepLink } from '../../app/scorecard/tab-deep-links';
import type { DataQualityCardView, QualityRowView } from './data-quality-view-models';

const SAMPLE_TEAMS_APP_ID = '5b6f7a2e-8c1d-4e3f-9a0b-7c6d5e4f3a21';

/** A Teams deep link to the Scorecard tab opening on its Data quality page (subEntityId "data-quality"). */
export const SAMPLE_DATA_QUALITY_TAB_URL = dataQualityPageDeepLink(SAMPLE_TEAMS_APP_ID);

const clean = (name: string, expected: number): QualityRowView => ({
  name,
  completenessText: `${expected} of ${expected} (100.0%)`,
  completenessPercent: 100,
  timelinessText: 'none late',
  missingText: 'none missing',
  correctionsAfterClose: 0,
  queriesRaised: 0,
  estimatesOutstanding: 0,
});

/** July 2026: Place and Environment below 90%, Resources just over, Customers and Communities all in. */
export const SAMPLE_DATA_QUALITY: DataQualityCardView = {
  period: '2026-07',
  periodLabel: 'July 2026',
  windowText: 'Deadline Thursday 20 August 2026, 17:00; closed 28 August 2026',
  overall: {
    name: 'All indicators',
    completenessText: '44 of 48 (91.7%)',
    completenessPercent: 91.7,
    timelinessText: '3 late: 3.7 days on average, 6 at most',
    missingText: '1 missing',
    correctionsAfterClose: 1,
    queriesRaised: 3,
    estimatesOutstanding: 3,
  },
  byDirectorate: [
    { ...clean('Customers and Communities', 14), queriesRaised: 1 },
    {
      name: 'Place and Environment',
      completenessText: '15 of 18 (83.3%)',
      completenessPercent: 83.3,
      timelinessText: '2 late: 4.0 days on average, 6 at most',
      missingText: '1 missing',
      correctionsAfterClose: 1,
      queriesRaised: 2,
      estimatesOutstanding: 1,
    },
    {
      name: 'Resources',
      completenessText: '15 of 16 (93.8%)',
      completenessPercent: 93.8,
      timelinessText: '1 late: 3.0 days on average, 3 at most',
      missingText: 'none missing',
      correctionsAfterClose: 0,
      queriesRaised: 0,
      estimatesOutstanding: 2,
    },
  ],
  ownersToFollowUp: [
    {
      name: 'Tom Hargreaves',
      completenessText: '4 of 6 (66.7%)',
      completenessPercent: 66.7,
      timelinessText: '1 late: 6.0 days on average, 6 at most',
      missingText: '1 missing',
      correctionsAfterClose: 0,
      queriesRaised: 1,
      estimatesOutstanding: 0,
    },
    {
      name: 'Gareth Lewis',
      completenessText: '3 of 4 (75.0%)',
      completenessPercent: 75,
      timelinessText: '1 late: 3.0 days on average, 3 at most',
      missingText: 'none missing',
      correctionsAfterClose: 0,
      queriesRaised: 0,
      estimatesOutstanding: 0,
    },
    {
      name: 'Sarah Whitfield',
      completenessText: '4 of 5 (80.0%)',
      completenessPercent: 80,
      timelinessText: '1 late: 2.0 days on average, 2 at most',
      missingText: 'none missing',
      correctionsAfterClose: 1,
      queriesRaised: 1,
      estimatesOutstanding: 1,
    },
    { ...clean('Aisha Khan', 5), queriesRaised: 1 },
    { ...clean('James Patel', 6), estimatesOutstanding: 2 },
  ],
  ownersAllClean: 9,
  tabUrl: SAMPLE_DATA_QUALITY_TAB_URL,
};

/** Everything in on time and clean: nobody to follow up; no Teams app id, so no link. */
export const SAMPLE_DATA_QUALITY_CLEAN: DataQualityCardView = {
  period: '2026-07',
  periodLabel: 'July 2026',
  windowText: 'Deadline Thursday 20 August 2026, 17:00; closed 28 August 2026',
  overall: clean('All indicators', 48),
  byDirectorate: [clean('Customers and Communities', 14), clean('Place and Environment', 18), clean('Resources', 16)],
  ownersToFollowUp: [],
  ownersAllClean: 9,
  tabUrl: null,
};

const LARGE_DIRECTORATES = [
  'Adults, Health and Wellbeing',
  'Children, Education and Families',
  'Corporate Strategy and Transformation',
  'Customers and Communities',
  'Finance and Commercial Services',
  'Governance, Legal and Democratic Services',
  'Housing and Homelessness',
  'Place and Environment',
  'Planning, Regeneration and Economic Growth',
  'Public Health and Regulatory Services',
  'Resources',
  'Waste, Highways and Transport',
];

const FIRST_NAMES = [
  'Tom', 'Sarah', 'Gareth', 'James', 'Aisha', 'Priya', 'Rhiannon', 'Callum', 'Eleanor', 'Oluwaseun',
  'Siobhan', 'Alexander', 'Charlotte', 'Mohammed', 'Bethany', 'Christopher', 'Francesca', 'Dominic', 'Harriet', 'Nathaniel',
];
const SURNAMES = [
  'Hargreaves-Montgomery', 'Whitfield-Ashworth', 'Lewis-Pritchard', 'Patel-Fairweather', 'Khan-Wetherby',
  'Bainbridge-Llewellyn', 'Fitzgerald-Oyelaran', 'Cunningham-Blackwood', 'Thistlethwaite', 'Worthington-Chaudhry',
  'Abernethy-Rowlands', 'Farquharson-Delaney', 'Greenhalgh-Okonkwo', 'Summerfield-Bhattacharya', 'Kettleborough-Jones',
];

function largeRow(name: string, expected: number, onTime: number, late: number, seed: number): QualityRowView {
  const missing = expected - onTime - late;
  const percent = Math.round((onTime / expected) * 1000) / 10;
  const most = late === 0 ? 0 : 2 + (seed % 9);
  return {
    name,
    completenessText: `${onTime.toLocaleString('en-GB')} of ${expected.toLocaleString('en-GB')} (${percent.toFixed(1)}%)`,
    completenessPercent: percent,
    timelinessText: late === 0 ? 'none late' : `${late} late: ${(most / 2 + 1).toFixed(1)} days on average, ${most} at most`,
    missingText: missing === 0 ? 'none missing' : `${missing} missing`,
    correctionsAfterClose: seed % 4 === 0 ? 1 + (seed % 3) : 0,
    queriesRaised: seed % 5 === 0 ? 1 + (seed % 2) : 0,
    estimatesOutstanding: seed % 6 === 0 ? 1 + (seed % 4) : 0,
  };
}

/**
 * A large council for the size budget: 12 directorates and 300 owners to follow up, with long
 * names (a middle name and a double-barrelled surname) and every part of their line often filled
 * in, worst completeness first.
 */
export function sampleDataQualityLarge(): DataQualityCardView {
  const owners: QualityRowView[] = [];
  for (let i = 0; i < 300; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const surname = SURNAMES[Math.floor(i / FIRST_NAMES.length) % SURNAMES.length]!;
    const expected = 6 + (i % 7);
    const late = 1 + (i % 3);
    const missing = i % 4 === 0 ? 1 : 0;
    const middle = FIRST_NAMES[(i * 7 + 3) % FIRST_NAMES.length]!;
    owners.push(largeRow(`${first} ${middle} ${surname}`, expected, expected - late - missing, late, i));
  }
  // Worst completeness first, as the view model promises (stable: equal percentages keep their order).
  owners.sort((a, b) => (a.completenessPercent ?? 100) - (b.completenessPercent ?? 100));
  const byDirectorate = LARGE_DIRECTORATES.map((name, i) => largeRow(name, 120 + i * 7, 96 + i * 2, 14 - i, i));
  byDirectorate[3] = clean(LARGE_DIRECTORATES[3]!, 140);
  // Its indicators are all quarterly: nothing was expected of it in July.
  byDirectorate[2] = { ...clean(LARGE_DIRECTORATES[2]!, 0), completenessText: 'none expected', completenessPercent: null };
  return {
    period: '2026-07',
    periodLabel: 'July 2026',
    windowText: 'Deadline Thursday 20 August 2026, 17:00; closed 28 August 2026',
    overall: {
      name: 'All indicators',
      completenessText: '1,712 of 2,041 (83.9%)',
      completenessPercent: 83.9,
      timelinessText: '236 late: 4.6 days on average, 19 at most',
      missingText: '93 missing',
      correctionsAfterClose: 148,
      queriesRaised: 97,
      estimatesOutstanding: 131,
    },
    byDirectorate,
    ownersToFollowUp: owners,
    ownersAllClean: 142,
    tabUrl: SAMPLE_DATA_QUALITY_TAB_URL,
  };
}
