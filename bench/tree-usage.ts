/**
 * The resident memory and CPU time of a process and everything it started (npm, the shell, node,
 * esbuild's service...), read from /proc as the kernel counts them: VmRSS now, VmHWM (each
 * process's own peak), and CPU seconds (user and system, with those of children already reaped,
 * such as npm's prestart). A sampler keeps the highest sum of VmRSS it saw, and each process's
 * highest VmHWM (a child that has exited keeps the last peak read), whose sum bounds the tree's true
 * peak from above. CPU seconds say how much work a start is, whatever else the machine is doing.
 */
import { readFileSync, readdirSync } from 'node:fs';

const MB = 1024 * 1024;

export interface TreeReading {
  readonly rssBytes: number;
  readonly cpuSeconds: number;
  /** pid -> VmHWM in bytes. */
  readonly hwm: ReadonlyMap<number, number>;
}

/** One reading of `root` and its descendants; processes that vanish meanwhile are skipped. */
export function readTree(root: number): TreeReading {
  const children = new Map<number, number[]>();
  const cpuTicks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces, so read after its closing parenthesis.
      // After it: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime.
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
      const ppid = Number(fields[1]);
      const siblings = children.get(ppid) ?? [];
      siblings.push(Number(entry));
      children.set(ppid, siblings);
      cpuTicks.set(Number(entry), Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
    } catch {
      // gone meanwhile
    }
  }
  let rssBytes = 0;
  let ticks = 0;
  const hwm = new Map<number, number>();
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    pending.push(...(children.get(pid) ?? []));
    ticks += cpuTicks.get(pid) ?? 0;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      rssBytes += kilobytes(status, 'VmRSS') * 1024;
      hwm.set(pid, kilobytes(status, 'VmHWM') * 1024);
    } catch {
      // gone meanwhile
    }
  }
  return { rssBytes, cpuSeconds: ticks / CLOCK_TICKS_PER_SECOND, hwm };
}

/** USER_HZ: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

function kilobytes(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) : 0;
}

export class TreeUsageSampler {
  private peakRss = 0;
  private cpu = 0;
  private readonly hwm = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly root: number, everyMs = 100) {
    this.timer = setInterval(() => this.sample(), everyMs);
    this.sample();
  }

  /** Reads the tree now; returns its VmRSS sum. */
  sample(): number {
    const reading = readTree(this.root);
    this.peakRss = Math.max(this.peakRss, reading.rssBytes);
    this.cpu = Math.max(this.cpu, reading.cpuSeconds);
    for (const [pid, bytes] of reading.hwm) this.hwm.set(pid, Math.max(bytes, this.hwm.get(pid) ?? 0));
    return reading.rssBytes;
  }

  /** CPU seconds the tree has used, as of the last sample. */
  cpuSeconds(): number {
    return this.cpu;
  }

  /** The highest VmRSS sum sampled so far. */
  peakRssBytes(): number {
    return this.peakRss;
  }

  /** The sum of each process's own peak (VmHWM): never below the tree's true peak. */
  hwmSumBytes(): number {
    let sum = 0;
    for (const bytes of this.hwm.values()) sum += bytes;
    return sum;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

export const megabytes = (bytes: number): number => Math.round(bytes / MB);
