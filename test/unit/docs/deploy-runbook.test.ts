/**
 * docs/deploy.md names settings, commands, endpoints and tables that a council's IT team will type
 * or look for; each must be one the code has, so the runbook cannot drift from the product.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const runbook = readFileSync(path.join(ROOT, 'docs/deploy.md'), 'utf8');
const envExample = readFileSync(path.join(ROOT, '.env.example'), 'utf8');
// The config module (src/config/config.ts and the files it is split into) is the only reader of settings.
const config = readdirSync(path.join(ROOT, 'src/config')).map((file) => readFileSync(path.join(ROOT, 'src/config', file), 'utf8')).join('\n');
const scripts = Object.keys((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
const schema = readFileSync(path.join(ROOT, 'prisma/schema.prisma'), 'utf8');

/**
 * Names the runbook mentions that are not the product's settings: Node's convention, and the managed
 * identity endpoint Azure gives the process, read by Azure's own library.
 */
const NOT_OURS = new Set(['NODE_ENV', 'IDENTITY_ENDPOINT', 'IDENTITY_HEADER']);
const SETTING = /^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|Microsoft[A-Z][A-Za-z]+|To(?:Bot|Channel)From[A-Za-z]+)$/;

function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
}

function codeBlockLines(text: string): string[] {
  return [...text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'));
}

function settingsNamed(text: string): string[] {
  const fromSpans = codeSpans(text).map((span) => span.split('=')[0]!.trim());
  const fromBlocks = codeBlockLines(text).flatMap((line) => [...line.matchAll(/(?:^|\s)([A-Za-z][A-Za-z0-9_]*)=/g)].map((m) => m[1]!));
  return [...new Set([...fromSpans, ...fromBlocks].filter((name) => SETTING.test(name) && !NOT_OURS.has(name)))].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? (name === 'generated' ? [] : sourceFiles(full)) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('the deployment runbook', () => {
  const settings = settingsNamed(runbook);

  it('names the settings a deployment needs', () => {
    for (const name of ['MicrosoftAppType', 'MicrosoftAppTenantId', 'DATABASE_URL', 'MIGRATE_ON_START', 'DATABASE_CA_FILE', 'APPLICATIONINSIGHTS_CONNECTION_STRING']) {
      expect(settings).toContain(name);
    }
  });

  it.each(settingsNamed(runbook))('documents %s in .env.example, and the config module reads it', (name) => {
    expect(envExample).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
    expect(config).toContain(name);
  });

  it('names only npm scripts that package.json has', () => {
    const named = [...new Set([...runbook.matchAll(/npm run ([a-z][a-z0-9:-]*)/g)].map((m) => m[1]!))];
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((script) => !scripts.includes(script))).toEqual([]);
  });

  it('names only endpoints the server serves', () => {
    const source = sourceFiles(path.join(ROOT, 'src')).map((file) => readFileSync(file, 'utf8')).join('\n');
    const endpoints = [...new Set(codeSpans(runbook).flatMap((span) => span.match(/^(?:(?:GET|POST) )?(\/(?:livez|readyz|metrics|healthz|api\/messages))$/)?.[1] ?? []))];
    expect(endpoints).toEqual(expect.arrayContaining(['/livez', '/readyz', '/metrics', '/api/messages']));
    for (const endpoint of endpoints) expect(source).toContain(`'${endpoint}'`);
  });

  it("names only tables the schema has in its data-protection annex", () => {
    const annexTable = runbook.slice(runbook.indexOf('## Annex: data protection')).split('\n').filter((line) => line.startsWith('|')).join('\n');
    const tables = [...new Set(codeSpans(annexTable).filter((span) => /^[a-z]+(?:_[a-z]+)*$/.test(span)))];
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) expect(schema).toContain(`@@map("${table}")`);
  });
});
