import { processCpuMs } from '../machine';

/**
 * CPU time (user + system) the service, Neo4j and the bench's own load clients spent, read from
 * /proc (the bench: process.cpuUsage): which side a rate is bound by, and how far the machine's
 * cores can take it. All three share the cores, so a case's events/s is at most
 * cores × 1,000 / (their CPU ms per event summed), whatever the concurrency; wall-clock timings
 * cannot tell that ceiling from waiting. Null where /proc is not there (not Linux) or the process is gone.
 */
export interface CpuReading { service: number | null; neo4j: number | null; client?: number | null }

/** The processes to read: the service's pid, and a getter for Neo4j's (a restart changes it). */
export type CpuReader = () => CpuReading;

export function cpuReader(servicePid: number, neo4jPid: () => number | undefined): CpuReader {
  return () => {
    const own = process.cpuUsage();
    return { service: processCpuMs(servicePid), neo4j: processCpuMs(neo4jPid()), client: (own.user + own.system) / 1000 };
  };
}

/** CPU ms per unit of work between two readings, per side (null where either reading is). */
export function cpuPerUnit(before: CpuReading, after: CpuReading, units: number): CpuReading {
  const per = (a: number | null, b: number | null) => (a === null || b === null || units <= 0 ? null : Math.round(((b - a) / units) * 100) / 100);
  return { service: per(before.service, after.service), neo4j: per(before.neo4j, after.neo4j), client: per(before.client ?? null, after.client ?? null) };
}
