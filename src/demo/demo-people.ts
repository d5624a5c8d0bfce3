/** The fictional staff of the demo council, Fenmarsh District Council. */
export interface DemoPerson {
  readonly email: string;
  readonly name: string;
  readonly aadObjectId: string;
}

const person = (name: string, aadObjectId: string): DemoPerson => ({
  name,
  email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@fenmarsh.gov.uk`,
  aadObjectId,
});

export const DEMO_PEOPLE = {
  // Directors
  placeDirector: person('Helen Ashworth', 'a1f0c3d2-1b4e-4c6a-9d2f-0e1a2b3c4d01'),
  resourcesDirector: person('Marcus Webb', 'a1f0c3d2-1b4e-4c6a-9d2f-0e1a2b3c4d02'),
  communitiesDirector: person('Priya Natarajan', 'a1f0c3d2-1b4e-4c6a-9d2f-0e1a2b3c4d03'),
  // Service managers who own indicators
  wasteManager: person('Tom Hargreaves', 'b2e1d4c3-2c5f-4d7b-8e3a-1f2b3c4d5e01'),
  streetsceneManager: person('Aisha Khan', 'b2e1d4c3-2c5f-4d7b-8e3a-1f2b3c4d5e02'),
  benefitsManager: person('Gareth Lewis', 'b2e1d4c3-2c5f-4d7b-8e3a-1f2b3c4d5e03'),
  revenuesManager: person('Sarah Whitfield', 'b2e1d4c3-2c5f-4d7b-8e3a-1f2b3c4d5e04'),
  planningManager: person('Daniel Okafor', 'b2e1d4c3-2c5f-4d7b-8e3a-1f2b3c4d5e05'),
  hrManager: person('Emma Clarke', 'b2e1d4c3-2c5f-4d7b-8e3a-1f2b3c4d5e06'),
  customerManager: person('Rachel Moore', 'b2e1d4c3-2c5f-4d7b-8e3a-1f2b3c4d5e07'),
  housingManager: person('James Patel', 'b2e1d4c3-2c5f-4d7b-8e3a-1f2b3c4d5e08'),
  financeManager: person('Olivia Bennett', 'b2e1d4c3-2c5f-4d7b-8e3a-1f2b3c4d5e09'),
  // Delegates and verifiers
  wasteOfficer: person('Liam Foster', 'c3d2e5f4-3d6a-4e8c-9f4b-2a3c4d5e6f01'),
  benefitsOfficer: person('Chloe Evans', 'c3d2e5f4-3d6a-4e8c-9f4b-2a3c4d5e6f02'),
  performanceOfficer: person('Nadia Rahman', 'c3d2e5f4-3d6a-4e8c-9f4b-2a3c4d5e6f03'),
  performanceLead: person('Robert Hughes', 'c3d2e5f4-3d6a-4e8c-9f4b-2a3c4d5e6f04'),
  // Reads the scorecard, owns nothing
  councillor: person('Cllr Margaret Ellis', 'd4e3f6a5-4e7b-4f9d-8a5c-3b4d5e6f7a01'),
} as const;

/** The performance team: admins of the register and the cycle. */
export const DEMO_ADMINS: readonly DemoPerson[] = [DEMO_PEOPLE.performanceLead, DEMO_PEOPLE.performanceOfficer];

/** A row of the demo's People sheet, with its roles as a person would type them. */
export interface DemoListing {
  readonly person: DemoPerson;
  readonly roles: string;
}

/**
 * The demo's People sheet: the performance team (Nadia also verifies indicators, which the sheet may
 * say and which changes nothing) and a councillor who only reads the scorecard.
 */
export const DEMO_PEOPLE_SHEET: readonly DemoListing[] = [
  { person: DEMO_PEOPLE.performanceLead, roles: 'admin' },
  { person: DEMO_PEOPLE.performanceOfficer, roles: 'admin; verifier' },
  { person: DEMO_PEOPLE.councillor, roles: 'viewer' },
];
