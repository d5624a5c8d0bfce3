/** Register files built in code for tests: a valid row by default, overridden where a test needs. */
import type { RegisterFile, Sheet, SheetName, SheetRow } from '../../src/import/register-file';

export const OWNER = { email: 'gareth.lewis@fenmarsh.gov.uk', aad: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9' };
export const DIRECTOR = { email: 'marcus.webb@fenmarsh.gov.uk', aad: '1c2d3e4f-5061-4728-93a4-b5c6d7e8f901' };

export function indicatorCells(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    code: 'SRV01', title: 'Days to process new Housing Benefit claims', definition: 'Average calendar days to decide.',
    kind: 'KPI', unit: 'days', decimals: '1', polarity: 'lower', frequency: 'monthly', aggregation: 'average',
    lens: 'Services', directorate: 'Resources', owner_email: OWNER.email, owner_aad_object_id: OWNER.aad,
    delegate_emails: '', verifier_email: '', verifier_aad_object_id: '', director_email: DIRECTOR.email,
    director_aad_object_id: DIRECTOR.aad, target: '20', tolerance: '10%',
    ...overrides,
  };
}

export function sheet(name: SheetName, rows: Record<string, string>[]): Sheet {
  const sheetRows: SheetRow[] = rows.map((cells, i) => ({ row: i + 2, cells }));
  return { name, rows: sheetRows, headers: [...new Set(rows.flatMap((cells) => Object.keys(cells)))] };
}

export function registerFile(parts: Partial<Record<SheetName, Record<string, string>[]>>): RegisterFile {
  const file: RegisterFile = {};
  for (const [name, rows] of Object.entries(parts) as [SheetName, Record<string, string>[]][]) file[name] = sheet(name, rows);
  return file;
}

/** A small, valid register: two indicators, a profiled target, three months of values. */
export function smallRegister(): RegisterFile {
  return registerFile({
    Indicators: [
      indicatorCells(),
      indicatorCells({
        code: 'FIN01', title: 'Council Tax collected (cumulative)', unit: '%', decimals: '1', polarity: 'higher',
        aggregation: 'cumulative', lens: 'Finance', target: '98.6', tolerance: '1%',
        owner_email: 'sarah.whitfield@fenmarsh.gov.uk', owner_aad_object_id: '2d3e4f50-6172-4839-a4b5-c6d7e8f90112',
        delegate_emails: 'chloe.evans@fenmarsh.gov.uk',
      }),
    ],
    Targets: [{ code: 'FIN01', period: '2026-04', target: '10.5' }],
    Values: [
      { code: 'SRV01', period: '2026-04', value: '18.5', note: '' },
      { code: 'SRV01', period: '2026-05', value: '21.9', note: 'Staff vacancy' },
      { code: 'FIN01', period: '2026-04', value: '10.2%', note: '' },
    ],
  });
}
