/**
 * Lists processes started from a checkout (argv[2]) that are still running: a working directory in
 * it or a command line naming it. Leaves out itself and its ancestors (.ci/run and its subshells).
 */
const fs = require('node:fs');

const root = process.argv[2];
const parentOf = (pid) => Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1]);
const ancestors = new Set([process.pid]);
for (let pid = process.ppid; pid > 1; ) {
  ancestors.add(pid);
  try {
    pid = parentOf(pid);
  } catch {
    break;
  }
}
for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map(Number)) {
  if (ancestors.has(pid)) continue;
  let cwd = '';
  let args = '';
  try {
    cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
    args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    continue; // gone meanwhile, or not ours to read
  }
  if (!args) continue; // kernel threads and zombies
  if (cwd === root || cwd.startsWith(`${root}/`) || args.includes(root)) console.log(`${pid} (cwd ${cwd}): ${args}`);
}
