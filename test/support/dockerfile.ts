/**
 * Reads the Dockerfile, and rebuilds one of its stages into a directory by the stage's own
 * instructions, so a test can prove what the image would hold without a container engine.
 *
 * Only what the project's Dockerfile uses is understood; anything else is an error naming the
 * instruction, so a change to the Dockerfile that this cannot follow fails the test instead of
 * being skipped.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from './child-process';

export interface Instruction {
  readonly keyword: string;
  /** `--name=value` options before the arguments (COPY --from, RUN --mount, HEALTHCHECK --interval). */
  readonly flags: Readonly<Record<string, string>>;
  /** The rest of the line, continuations joined. */
  readonly args: string;
}

export interface Stage {
  readonly name: string;
  readonly image: string;
  readonly instructions: readonly Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const lines: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    lines.push(pending + line);
    pending = '';
  }
  const stages: { name: string; image: string; instructions: Instruction[] }[] = [];
  for (const line of lines) {
    const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    let args = rest;
    const flags: Record<string, string> = {};
    for (let flag = /^--([a-z-]+)=(\S+)\s*/.exec(args); flag; flag = /^--([a-z-]+)=(\S+)\s*/.exec(args)) {
      flags[flag[1]!] = flag[2]!;
      args = args.slice(flag[0].length);
    }
    if (keyword.toUpperCase() === 'FROM') {
      const from = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      if (!from) throw new Error(`cannot read FROM ${args}`);
      stages.push({ image: from[1]!, name: from[2] ?? String(stages.length), instructions: [] });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (!stage) throw new Error(`${keyword} before the first FROM`);
    stage.instructions.push({ keyword: keyword.toUpperCase(), flags, args });
  }
  return stages;
}

/** An exec-form command (`["node", "-e", "..."]`), the only form the image's CMD and HEALTHCHECK may take. */
export function execForm(args: string): string[] {
  const command = JSON.parse(args) as unknown;
  if (!Array.isArray(command) || command.length === 0 || !command.every((part) => typeof part === 'string')) {
    throw new Error(`not an exec-form command (a JSON array of strings): ${args}`);
  }
  return command as string[];
}

/** Whether .dockerignore keeps `relative` (a path in the build context) out of the build context. */
export function dockerIgnores(dockerignore: string, relative: string): boolean {
  let ignored = false;
  for (const raw of dockerignore.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    const pattern = (negated ? line.slice(1) : line).replace(/^\/+|\/+$/g, '');
    const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}(/.*)?$`);
    if (regex.test(relative)) ignored = !negated;
  }
  return ignored;
}

export interface BuiltStage {
  /** ENV settings, in order. */
  readonly env: Readonly<Record<string, string>>;
  readonly workdir: string;
  readonly user: string | null;
  readonly stopSignal: string | null;
  readonly healthcheck: string[] | null;
  readonly cmd: string[] | null;
  /** The RUN commands, as run. */
  readonly runs: readonly string[];
}

export interface StageSources {
  /** The build context: the checkout. */
  readonly context: string;
  readonly dockerignore: string;
  /** Where each earlier stage's WORKDIR stands, by stage name (the build stage: this checkout, built). */
  readonly stages: Readonly<Record<string, { readonly dir: string; readonly workdir: string }>>;
}

/**
 * Rebuilds `stage` into `into` (the stage's WORKDIR): COPY from the context or from an earlier
 * stage, the `npm ci` RUN run in a directory holding what the stage held at that point (reused
 * while its inputs are the same, as Docker reuses a layer), the data directory's `mkdir` made.
 */
export async function buildStage(stage: Stage, sources: StageSources, into: string): Promise<BuiltStage> {
  const env: Record<string, string> = {};
  const runs: string[] = [];
  let workdir: string | null = null;
  let user: string | null = null;
  let stopSignal: string | null = null;
  let healthcheck: string[] | null = null;
  let cmd: string[] | null = null;
  const inImage = (absolute: string): string => {
    if (!workdir) throw new Error('a path before WORKDIR');
    const relative = path.posix.relative(workdir, path.posix.resolve(workdir, absolute));
    if (relative.startsWith('..')) throw new Error(`${absolute} is outside the WORKDIR ${workdir}`);
    return path.join(into, relative);
  };
  for (const { keyword, flags, args } of stage.instructions) {
    switch (keyword) {
      case 'WORKDIR':
        workdir = args;
        break;
      case 'ENV':
        for (const pair of args.split(/\s+/)) {
          const [key, ...value] = pair.split('=');
          if (!key || value.length === 0) throw new Error(`cannot read ENV ${args}: use KEY=value`);
          env[key] = value.join('=');
        }
        break;
      case 'COPY': {
        const parts = args.split(/\s+/);
        const destination = parts.pop()!;
        for (const source of parts) {
          const from = flags.from ? sources.stages[flags.from] : null;
          if (flags.from && !from) throw new Error(`COPY --from=${flags.from}: no such stage to copy from`);
          let origin: string;
          if (from) {
            origin = path.join(from.dir, path.posix.relative(from.workdir, path.posix.resolve(from.workdir, source)));
          } else {
            if (dockerIgnores(sources.dockerignore, path.posix.normalize(source))) throw new Error(`COPY ${source}: .dockerignore leaves it out of the build context`);
            origin = path.join(sources.context, source);
          }
          if (!existsSync(origin)) throw new Error(`COPY ${source}: ${origin} does not exist`);
          const target = destination.endsWith('/') || parts.length > 1 ? path.join(inImage(destination), path.basename(source)) : inImage(destination);
          mkdirSync(path.dirname(target), { recursive: true });
          cpSync(origin, target, { recursive: true });
        }
        break;
      }
      case 'RUN':
        runs.push(args);
        await run(args, into, inImage);
        break;
      case 'USER':
        user = args;
        break;
      case 'STOPSIGNAL':
        stopSignal = args;
        break;
      case 'HEALTHCHECK':
        if (!args.startsWith('CMD ')) throw new Error(`cannot read HEALTHCHECK ${args}`);
        healthcheck = execForm(args.slice(4));
        break;
      case 'CMD':
        cmd = execForm(args);
        break;
      case 'EXPOSE':
        break;
      default:
        throw new Error(`test/support/dockerfile.ts cannot rebuild ${keyword} ${args}: teach it`);
    }
  }
  return { env, workdir: workdir ?? '/', user, stopSignal, healthcheck, cmd, runs };
}

async function run(command: string, into: string, inImage: (absolute: string) => string): Promise<void> {
  const mkdir = /^mkdir -p (\S+)(?: && chown [\w-]+:[\w-]+ \1)?$/.exec(command);
  if (mkdir) {
    mkdirSync(inImage(mkdir[1]!), { recursive: true }); // the owner is the one running the test
    return;
  }
  if (/^npm ci\b/.test(command)) {
    symlinkSync(await installLayer(command, into), path.join(into, 'node_modules'));
    return;
  }
  throw new Error(`test/support/dockerfile.ts cannot rebuild RUN ${command}: teach it`);
}

/**
 * Runs an `npm ci` RUN in a directory of its own holding the files the stage had (package.json and
 * the lock file), kept outside the checkout so nothing resolves into the checkout's node_modules,
 * and returns its node_modules. A later run with the same files and command reuses it.
 */
async function installLayer(command: string, into: string): Promise<string> {
  const files = readdirSync(into).sort();
  if (files.some((file) => !statSync(path.join(into, file)).isFile())) {
    throw new Error(`the npm ci RUN comes after a directory was copied (${files.join(', ')}): put it right after the package files`);
  }
  const key = createHash('sha256');
  key.update(`${process.version.split('.')[0]}\n${command}\n`);
  for (const file of files) key.update(`${file}\n`).update(readFileSync(path.join(into, file)));
  const layers = path.join(os.tmpdir(), 'perfbot-image-layers');
  const layer = path.join(layers, key.digest('hex').slice(0, 16));
  if (existsSync(path.join(layer, 'node_modules'))) {
    const now = new Date();
    utimesSync(layer, now, now); // in use: not pruned
  } else {
    mkdirSync(layers, { recursive: true });
    pruneOldLayers(layers);
    const staging = `${layer}.staging-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging);
    for (const file of files) cpSync(path.join(into, file), path.join(staging, file));
    const installed = await runCommand('sh', ['-c', command], { cwd: staging });
    if (installed.status !== 0) throw new Error(`RUN ${command} failed (${installed.status}):\n${installed.stdout}\n${installed.stderr}`);
    try {
      renameSync(staging, layer);
    } catch (error) {
      // Another test run made the same layer meanwhile: the same inputs, so the same content.
      if (!existsSync(path.join(layer, 'node_modules'))) throw error;
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return path.join(layer, 'node_modules');
}

/**
 * Removes layers unused for a day (a lock file since changed), so /tmp does not fill up. Cache
 * housekeeping, so the system's clock: nothing the test asserts depends on it.
 */
function pruneOldLayers(layers: string): void {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const entry of readdirSync(layers)) {
    const dir = path.join(layers, entry);
    if (statSync(dir).mtimeMs < dayAgo) rmSync(dir, { recursive: true, force: true });
  }
}
