/**
 * The PostgreSQL settings the embedded database runs with, chosen for a small resident memory.
 *
 * PGlite is PostgreSQL in WebAssembly, in our process, and WebAssembly memory never shrinks: every
 * page PostgreSQL touches once stays resident until the process ends. PostgreSQL zeroes its whole
 * shared buffer pool when it starts, so the pool is resident from the first second.
 *
 * - shared_buffers 32MB (PostgreSQL's default is 128MB): the pool is resident at once, so this
 *   alone takes 100 MB or more off the server (PGlite opened on the demo data: 185 MB against
 *   290 MB; the server after a restart: 335-355 MB against 440-450 MB). The demo's database is
 *   24 MB and a large council's register a few times that; pages beyond the pool come from the
 *   operating system's file cache, a copy away. Loading the demo took the same CPU time with 16,
 *   32, 64 and 128MB (README, Database).
 * - maintenance_work_mem 16MB (default 64MB): used only by CREATE INDEX and VACUUM, in migrations;
 *   capped so that a migration indexing a large table cannot leave 64 MB resident for good.
 *
 * work_mem (4MB) and temp_buffers (8MB) keep PostgreSQL's defaults: taken only while a query needs
 * them, and the digest's sorts need them. PGlite's `initialMemory` stays at its 128 MB: the
 * WebAssembly module will not start with less, and pages never touched are never resident.
 *
 * These go on PGlite's command line (`-c`), so they apply to each process and are never written
 * into the data directory's postgresql.conf.
 */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: '32MB',
  maintenance_work_mem: '16MB',
};

/** PGlite's own start parameters (`PGlite.defaultStartParams`) followed by ours. */
export function pgliteStartParams(defaults: readonly string[]): string[] {
  return [...defaults, ...Object.entries(PGLITE_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
}
