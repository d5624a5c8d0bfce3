/** Starts the bare botbuilder baseline (bare-bot.ts) as a child process, like the product's server. */
import path from 'node:path';
import { ROOT } from '../../test/support/test-paths';
import { killTree, spawnTree } from '../../test/support/process-tree';

const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export interface BareBot {
  readonly baseUrl: string;
  stop(): void;
}

export function startBareBot(env: NodeJS.ProcessEnv): Promise<BareBot> {
  const child = spawnTree(process.execPath, [TSX, '--no-deprecation', path.join(__dirname, 'bare-bot.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"msg":"listening","port":(\d+)/.exec(output);
      if (match) resolve({ baseUrl: `http://127.0.0.1:${match[1]}`, stop: () => killTree(child) });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the bare bot exited with ${code}:\n${output}`)));
  });
}
