/** Which database a DATABASE_URL names: the embedded PGlite (on disk or in memory) or PostgreSQL. */
export type DatabaseTarget =
  | { readonly kind: 'pglite'; readonly dataDir: string | null }
  | { readonly kind: 'postgres'; readonly url: string };

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('pglite:')) {
    const where = url.slice('pglite:'.length).replace(/^\/\/(?=\.|\/)/, '');
    return { kind: 'pglite', dataDir: where === 'memory' || where === '' ? null : where };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  throw new Error(`DATABASE_URL "${url}" is neither pglite:<directory> nor a postgresql:// URL`);
}

/** For logs: never print a password. */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.kind === 'pglite') return target.dataDir ? `embedded database at ${target.dataDir}` : 'embedded database in memory';
  const u = new URL(target.url);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
}
