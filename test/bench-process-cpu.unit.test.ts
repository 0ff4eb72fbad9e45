import { spawnSync } from 'node:child_process';
import { processCpuMs } from '../bench/machine';
import { cpuPerUnit } from '../bench/measure/process-cpu';

describe('bench: CPU time per process from /proc (machine.ts, measure/process-cpu.ts)', () => {
  it('reads this process\'s CPU time, which grows while it computes', () => {
    const before = processCpuMs(process.pid);
    expect(before).not.toBeNull();
    const until = Date.now() + 60;
    let x = 0;
    while (Date.now() < until) x += Math.sqrt(x + 1);
    expect(x).toBeGreaterThan(0);
    // A 60 ms busy loop: at least one 10 ms tick more (utime + stime only count whole ticks).
    expect(processCpuMs(process.pid)!).toBeGreaterThanOrEqual(before! + 10);
  });

  it('says null for a process that is gone, rather than a number', () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    expect(processCpuMs(gone)).toBeNull();
    expect(processCpuMs(undefined)).toBeNull();
  });

  it('divides the CPU between two readings by the work done, per side', () => {
    expect(cpuPerUnit({ service: 100, neo4j: 1000, client: 10 }, { service: 500, neo4j: 3000, client: 110 }, 200)).toEqual({ service: 2, neo4j: 10, client: 0.5 });
    expect(cpuPerUnit({ service: 100, neo4j: null }, { service: 500, neo4j: 3000 }, 200)).toEqual({ service: 2, neo4j: null, client: null });
    expect(cpuPerUnit({ service: 100, neo4j: 1 }, { service: 500, neo4j: 3 }, 0)).toEqual({ service: null, neo4j: null, client: null });
  });
});
