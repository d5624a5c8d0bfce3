/**
 * The demo register: the realistic indicators from the domain notes, with the shape of their
 * history. `level` is where the figure sits relative to target over the two years (start -> end),
 * so the demo has its greens, ambers and reds for reasons a Board would recognise.
 */
import type { IndicatorDefinition } from '../domain/indicator';
import { DEMO_PEOPLE, type DemoPerson } from './demo-people';

export interface DemoIndicator extends IndicatorDefinition {
  readonly directorate: string;
  readonly service: string;
  readonly priority: string;
  readonly owner: DemoPerson;
  readonly delegates?: readonly DemoPerson[];
  readonly verifier?: DemoPerson;
  readonly director: DemoPerson;
  /** Annual target; null for data only. */
  readonly target: number | null;
  /** "" uses the organisation default; "5%" or an absolute amount. */
  readonly tolerance: string;
  /** Figure at the start and at the end of the two years; values drift between them. */
  readonly from: number;
  readonly to: number;
  /** Month-to-month noise, as a share of the level. */
  readonly noise: number;
  /** Cumulative indicators build up over the year towards `to`-ish by March. */
  readonly profile?: 'cumulative';
  /** Months after its period that the figure arrives (waste tonnages: a quarter, 3); the register's lag_months. */
  readonly lagMonths?: number;
  /**
   * The register's `public` cell: absent leaves it blank, so KPIs are published and PIs and data-only
   * figures are not; set where the demo council publishes a service figure (or keeps a KPI internal).
   */
  readonly public?: boolean;
  /** The register's max_change_percent: the largest believable change between months, in percent (#16). */
  readonly maxChangePercent?: number;
  /** The register's `variation` cell (#17): false writes "no" (the analysis does not apply); absent leaves it blank (yes). */
  readonly variation?: boolean;
  /**
   * The register's variation_baseline_from (#17), as months before the open month (the demo moves with
   * today): the month its process changed, from which the analysis draws new limits.
   */
  readonly variationBaselineMonthsAgo?: number;
  /** The register's variation_baseline_points (#17): limits fixed from the first N points after the baseline start. */
  readonly variationBaselinePoints?: number;
  /**
   * The last months' figures, oldest first and ending with the open month, in place of random noise:
   * each is the level plus that many standard deviations of the noise (#17, so the demo shows a shift,
   * a trend and a point beyond the limits for certain, whatever day it is loaded).
   */
  readonly recent?: readonly number[];
}

const PLACE = 'Place and Environment';
const RESOURCES = 'Resources';
const COMMUNITIES = 'Customers and Communities';
const P = DEMO_PEOPLE;

export const DEMO_INDICATORS: readonly DemoIndicator[] = [
  { code: 'ENV01', title: 'Household waste reused, recycled or composted', definition: 'Percentage of household waste sent for reuse, recycling or composting (formerly NI 192). Figures arrive a quarter late from the waste data system.', kind: 'KPI', unit: 'PERCENT', decimals: 1, polarity: 'HIGHER', frequency: 'QUARTERLY', aggregation: 'AVERAGE', lens: 'ENVIRONMENT', directorate: PLACE, service: 'Waste and Recycling', priority: 'A greener district', owner: P.wasteManager, delegates: [P.wasteOfficer], verifier: P.performanceOfficer, director: P.placeDirector, target: 52.5, tolerance: '5%', from: 49.8, to: 51.9, noise: 0.02, lagMonths: 3 },
  { code: 'ENV02', title: 'Residual household waste per household', definition: 'Kilograms of residual (non-recycled) household waste collected per household in the quarter.', kind: 'KPI', unit: 'NUMBER', decimals: 1, polarity: 'LOWER', frequency: 'QUARTERLY', aggregation: 'SUM', lens: 'ENVIRONMENT', directorate: PLACE, service: 'Waste and Recycling', priority: 'A greener district', owner: P.wasteManager, delegates: [P.wasteOfficer], verifier: P.performanceOfficer, director: P.placeDirector, target: 432, tolerance: '5%', from: 114, to: 106, noise: 0.03 },
  { code: 'ENV03', title: 'Missed bin collections as % of scheduled', definition: 'Collections reported missed as a percentage of all scheduled collections in the month.', kind: 'PI', unit: 'PERCENT', decimals: 2, polarity: 'LOWER', frequency: 'MONTHLY', aggregation: 'AVERAGE', lens: 'ENVIRONMENT', directorate: PLACE, service: 'Waste and Recycling', priority: 'A greener district', owner: P.wasteManager, delegates: [P.wasteOfficer], director: P.placeDirector, target: 0.03, tolerance: '0.01', from: 0.028, to: 0.034, noise: 0.15, public: true },
  { code: 'ENV04', title: 'Average time to clear a reported fly-tip', definition: 'Average working days from a fly-tip being reported to it being cleared. A rapid-response crew took over clearance 18 months ago, so the variation analysis draws its limits from then.', kind: 'PI', unit: 'DAYS', decimals: 1, polarity: 'LOWER', frequency: 'MONTHLY', aggregation: 'AVERAGE', lens: 'ENVIRONMENT', directorate: PLACE, service: 'Street Scene', priority: 'A greener district', owner: P.streetsceneManager, director: P.placeDirector, target: 2, tolerance: '0.5', from: 2.6, to: 1.9, noise: 0.12, public: true, variationBaselineMonthsAgo: 18, recent: [7, 7.5] },
  { code: 'ENV05', title: 'Contamination in mixed recycling', definition: 'Percentage by weight of mixed dry recycling rejected as contaminated at the materials recovery facility.', kind: 'PI', unit: 'PERCENT', decimals: 1, polarity: 'LOWER', frequency: 'QUARTERLY', aggregation: 'AVERAGE', lens: 'ENVIRONMENT', directorate: PLACE, service: 'Waste and Recycling', priority: 'A greener district', owner: P.wasteManager, director: P.placeDirector, target: 14, tolerance: '10%', from: 16.5, to: 14.6, noise: 0.04 },
  { code: 'ENV06', title: 'Land and highways with acceptable levels of litter', definition: 'Percentage of surveyed land and highways assessed as having acceptable levels of litter (annual result of three surveys).', kind: 'KPI', unit: 'PERCENT', decimals: 0, polarity: 'HIGHER', frequency: 'ANNUAL', aggregation: 'SNAPSHOT', lens: 'ENVIRONMENT', directorate: PLACE, service: 'Street Scene', priority: 'A greener district', owner: P.streetsceneManager, director: P.placeDirector, target: 98, tolerance: '2', from: 96, to: 97, noise: 0.005 },
  { code: 'SRV01', title: 'Days to process new Housing Benefit and Council Tax Support claims', definition: 'Average calendar days from receipt of a new claim to decision.', kind: 'KPI', unit: 'DAYS', decimals: 1, polarity: 'LOWER', frequency: 'MONTHLY', aggregation: 'AVERAGE', lens: 'SERVICES', directorate: RESOURCES, service: 'Revenues and Benefits', priority: 'Efficient, modern services', owner: P.benefitsManager, delegates: [P.benefitsOfficer], verifier: P.performanceOfficer, director: P.resourcesDirector, target: 20, tolerance: '10%', from: 18.5, to: 24.5, noise: 0.06 },
  { code: 'SRV02', title: 'Days to process Housing Benefit change events', definition: 'Average calendar days from notification of a change in circumstances to decision.', kind: 'PI', unit: 'DAYS', decimals: 1, polarity: 'LOWER', frequency: 'MONTHLY', aggregation: 'AVERAGE', lens: 'SERVICES', directorate: RESOURCES, service: 'Revenues and Benefits', priority: 'Efficient, modern services', owner: P.benefitsManager, delegates: [P.benefitsOfficer], verifier: P.performanceOfficer, director: P.resourcesDirector, target: 9, tolerance: '10%', from: 9.8, to: 8.1, noise: 0.08, public: true },
  // FIN01 collects a little less each year: green against its profile but behind the same month last year, so its
  // trend reads "behind September last year" and the digest does not celebrate it (#14).
  { code: 'FIN01', title: 'Council Tax collected (cumulative in year)', definition: 'Percentage of the year\'s Council Tax debit collected so far this financial year.', kind: 'KPI', unit: 'PERCENT', decimals: 1, polarity: 'HIGHER', frequency: 'MONTHLY', aggregation: 'CUMULATIVE', lens: 'FINANCE', directorate: RESOURCES, service: 'Revenues and Benefits', priority: 'A financially sustainable council', owner: P.revenuesManager, verifier: P.performanceOfficer, director: P.resourcesDirector, target: 98.6, tolerance: '1%', from: 99.9, to: 98.9, noise: 0.001, profile: 'cumulative' },
  { code: 'FIN02', title: 'Business rates collected (cumulative in year)', definition: 'Percentage of the year\'s non-domestic rates debit collected so far this financial year.', kind: 'KPI', unit: 'PERCENT', decimals: 1, polarity: 'HIGHER', frequency: 'MONTHLY', aggregation: 'CUMULATIVE', lens: 'FINANCE', directorate: RESOURCES, service: 'Revenues and Benefits', priority: 'A financially sustainable council', owner: P.revenuesManager, director: P.resourcesDirector, target: 98.6, tolerance: '1%', from: 98.9, to: 99.1, noise: 0.004, profile: 'cumulative' },
  { code: 'FIN03', title: 'Undisputed invoices paid within 30 days', definition: 'Percentage of undisputed supplier invoices paid within 30 days of receipt.', kind: 'PI', unit: 'PERCENT', decimals: 1, polarity: 'HIGHER', frequency: 'MONTHLY', aggregation: 'AVERAGE', lens: 'FINANCE', directorate: RESOURCES, service: 'Finance', priority: 'A financially sustainable council', owner: P.financeManager, director: P.resourcesDirector, target: 90, tolerance: '5%', from: 88, to: 93, noise: 0.025 },
  { code: 'SRV03', title: 'Major planning applications decided within 13 weeks', definition: 'Percentage of major planning applications decided within 13 weeks or an agreed extension.', kind: 'KPI', unit: 'PERCENT', decimals: 1, polarity: 'HIGHER', frequency: 'QUARTERLY', aggregation: 'AVERAGE', lens: 'SERVICES', directorate: PLACE, service: 'Planning', priority: 'Homes and a growing economy', owner: P.planningManager, verifier: P.performanceOfficer, director: P.placeDirector, target: 60, tolerance: '10%', from: 72, to: 81, noise: 0.08 },
  { code: 'SRV04', title: 'Minor planning applications decided within 8 weeks', definition: 'Percentage of minor planning applications decided within 8 weeks or an agreed extension.', kind: 'KPI', unit: 'PERCENT', decimals: 1, polarity: 'HIGHER', frequency: 'QUARTERLY', aggregation: 'AVERAGE', lens: 'SERVICES', directorate: PLACE, service: 'Planning', priority: 'Homes and a growing economy', owner: P.planningManager, director: P.placeDirector, target: 65, tolerance: '10%', from: 70, to: 61, noise: 0.05 },
  { code: 'SRV05', title: 'Other planning applications decided within 8 weeks', definition: 'Percentage of other planning applications (householder, change of use) decided within 8 weeks.', kind: 'PI', unit: 'PERCENT', decimals: 1, polarity: 'HIGHER', frequency: 'QUARTERLY', aggregation: 'AVERAGE', lens: 'SERVICES', directorate: PLACE, service: 'Planning', priority: 'Homes and a growing economy', owner: P.planningManager, director: P.placeDirector, target: 80, tolerance: '5%', from: 84, to: 86, noise: 0.03 },
  { code: 'PPL01', title: 'Working days lost to sickness per FTE (rolling 12 months)', definition: 'Working days lost to sickness absence per full-time equivalent employee in the quarter; the rated figure is the rolling sum of the last four quarters.', kind: 'KPI', unit: 'DAYS', decimals: 2, polarity: 'LOWER', frequency: 'QUARTERLY', aggregation: 'ROLLING12', lens: 'PEOPLE', directorate: RESOURCES, service: 'Human Resources', priority: 'Efficient, modern services', owner: P.hrManager, verifier: P.performanceOfficer, director: P.resourcesDirector, target: 10.3, tolerance: '5%', from: 2.4, to: 2.75, noise: 0.08 },
  { code: 'CUS01', title: 'Complaints closed within timescale', definition: 'Percentage of stage 1 and stage 2 complaints closed within the timescale in the complaints policy.', kind: 'KPI', unit: 'PERCENT', decimals: 1, polarity: 'HIGHER', frequency: 'QUARTERLY', aggregation: 'AVERAGE', lens: 'CUSTOMERS', directorate: COMMUNITIES, service: 'Customer Services', priority: 'Efficient, modern services', owner: P.customerManager, director: P.communitiesDirector, target: 85, tolerance: '5%', from: 79, to: 84, noise: 0.03 },
  { code: 'CUS02', title: 'Average contact-centre wait', definition: 'Average minutes a caller waits before their call is answered.', kind: 'PI', unit: 'MINUTES', decimals: 1, polarity: 'LOWER', frequency: 'QUARTERLY', aggregation: 'AVERAGE', lens: 'CUSTOMERS', directorate: COMMUNITIES, service: 'Customer Services', priority: 'Efficient, modern services', owner: P.customerManager, director: P.communitiesDirector, target: 4, tolerance: '0.5', from: 5.6, to: 4.3, noise: 0.07 },
  { code: 'PPL02', title: 'Staff appraisals completed', definition: 'Percentage of eligible staff with an annual appraisal recorded by 31 March.', kind: 'PI', unit: 'PERCENT', decimals: 0, polarity: 'HIGHER', frequency: 'ANNUAL', aggregation: 'SNAPSHOT', lens: 'PEOPLE', directorate: RESOURCES, service: 'Human Resources', priority: 'Efficient, modern services', owner: P.hrManager, director: P.resourcesDirector, target: 95, tolerance: '5%', from: 88, to: 93, noise: 0.01, variation: false },
  { code: 'CUS03', title: 'FOI requests answered within 20 working days', definition: 'Percentage of Freedom of Information requests answered within the statutory 20 working days.', kind: 'KPI', unit: 'PERCENT', decimals: 1, polarity: 'HIGHER', frequency: 'QUARTERLY', aggregation: 'AVERAGE', lens: 'CUSTOMERS', directorate: COMMUNITIES, service: 'Information Governance', priority: 'Efficient, modern services', owner: P.customerManager, director: P.communitiesDirector, target: 95, tolerance: '5%', from: 93, to: 96.5, noise: 0.015 },
  { code: 'CUS04', title: 'Calls lost (abandoned)', definition: 'Percentage of calls to the contact centre abandoned by the caller before being answered.', kind: 'PI', unit: 'PERCENT', decimals: 1, polarity: 'LOWER', frequency: 'MONTHLY', aggregation: 'AVERAGE', lens: 'CUSTOMERS', directorate: COMMUNITIES, service: 'Customer Services', priority: 'Efficient, modern services', owner: P.customerManager, director: P.communitiesDirector, target: 5, tolerance: '1', from: 5.4, to: 5.4, noise: 0.1, public: true, recent: [1.2, 1.7, 1.0, 1.8, 1.3, 1.6, 1.9, 1.1, 1.5] },
  { code: 'SRV06', title: 'Households in temporary accommodation', definition: 'Number of households in temporary accommodation on the last day of the month. Monitored, not targeted.', kind: 'DATA_ONLY', unit: 'NUMBER', decimals: 0, polarity: 'LOWER', frequency: 'MONTHLY', aggregation: 'SNAPSHOT', lens: 'SERVICES', directorate: COMMUNITIES, service: 'Housing Options', priority: 'Homes and a growing economy', owner: P.housingManager, director: P.communitiesDirector, target: null, tolerance: '', from: 62, to: 62, noise: 0.1, public: true, maxChangePercent: 25, recent: [-1.9, -1.3, -0.8, -0.2, 0.4, 0.9, 1.5] },
  { code: 'SRV07', title: 'Successful homelessness prevention outcomes', definition: 'Percentage of prevention duty cases closed with accommodation secured for six months or more.', kind: 'KPI', unit: 'PERCENT', decimals: 1, polarity: 'HIGHER', frequency: 'QUARTERLY', aggregation: 'AVERAGE', lens: 'SERVICES', directorate: COMMUNITIES, service: 'Housing Options', priority: 'Homes and a growing economy', owner: P.housingManager, verifier: P.performanceOfficer, director: P.communitiesDirector, target: 60, tolerance: '10%', from: 63, to: 52, noise: 0.05 },
];

/** The demo's scripted events, so the register shows each thing a newcomer should see. */
export const DEMO_EVENTS = {
  /** Never supplied: rated Missing. */
  missing: { code: 'CUS04', monthsAgo: 4 },
  /** Supplied, then corrected by the owner with a note: two versions. */
  correction: { code: 'FIN03', monthsAgo: 2, firstValue: 79.2, note: 'Corrected: the first figure excluded invoices paid by purchasing card.' },
} as const;
