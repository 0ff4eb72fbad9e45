import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';

/** What the numbers were measured on; the load average matters because other work shares the box. */
export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
}

export function machineInfo(): MachineInfo {
  return {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

/** The 1-minute load average, rounded: > cores means other processes competed for the CPUs. */
export function loadAverage(): number {
  return Math.round(os.loadavg()[0] * 100) / 100;
}

/** The machine's CPU time so far (all cores, /proc/stat ticks): total and what the VM's host took (steal). */
export interface CpuTimes { total: number; steal: number }

export function cpuTimes(): CpuTimes | undefined {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is counted in user already)
    return { total: fields.slice(0, 8).reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
  } catch {
    return undefined;
  }
}

/**
 * The share of the CPU time between two readings that the host gave to other VMs, in percent: a VM
 * whose vCPUs are taken runs everything slower, which the load average does not show (measured
 * here: 2% when idle, 21% under the bench's load on a contended host, and twice the round-trip floors).
 */
export function stealPercent(from: CpuTimes | undefined, to: CpuTimes | undefined): number | undefined {
  if (!from || !to || to.total <= from.total) return undefined;
  return Math.round(((to.steal - from.steal) / (to.total - from.total)) * 1000) / 10;
}

/**
 * How long a fixed piece of CPU work takes here now (ms, the best of 5; lower: faster cores), read
 * at each part's start so two runs' absolute figures can be told apart from a code change (why:
 * bench/README.md). The work is what the service's own is made of: JSON of a ~1 MB document
 * (allocation, GC) and hashing 16 MB.
 */
export function referenceWorkMs(): number {
  const rows = Array.from({ length: 4000 }, (_, i) => ({
    id: `node-${i}`, type: i % 7 ? 'Field' : 'DatasetVersion', distance: i % 5, path: [`a${i}`, `b${i}`, `c${i}`], at: new Date(1e12 + i * 1000).toISOString(),
  }));
  const bytes = Buffer.alloc(16 << 20, 7);
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    for (let k = 0; k < 3; k++) JSON.parse(JSON.stringify(rows));
    createHash('sha256').update(bytes).digest();
    best = Math.min(best, performance.now() - started);
  }
  return Math.round(best * 10) / 10;
}

/** Resident set size of a process in MB, from /proc (Linux); undefined where that is not available. */
export function rssMb(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 102.4) / 10 : undefined;
  } catch {
    return undefined;
  }
}

/** Clock ticks per second, the unit of /proc/<pid>/stat's utime and stime (asked once, when first needed). */
let ticksPerSecond: number | undefined;
function clockTicks(): number {
  try {
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    ticksPerSecond = 100;
  }
  return ticksPerSecond;
}

/** The process's CPU milliseconds so far (user + system), or null. */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // The fields after the command name (which may hold spaces), from state on: utime and stime are 12th and 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `everyMs` while running; `peak()` is the largest sample since the last reset. */
export class RssSampler {
  private max = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number, everyMs = 100) {
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  sample(): number {
    const rss = rssMb(this.pid) ?? 0;
    if (rss > this.max) this.max = rss;
    return rss;
  }

  /** The peak since the last call, then starts a new window. */
  takePeak(): number {
    const peak = Math.max(this.max, this.sample());
    this.max = 0;
    return peak;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
