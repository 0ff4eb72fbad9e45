import { getText } from '../http';

/**
 * Where a phase's database time went: the service's own per-statement histogram
 * (modelgraph_neo4j_statement_duration_seconds on /metrics), read before and after the phase.
 * Statement time versus the phase's wall time tells Neo4j's share from the service's own work.
 */
export type StatementTotals = Map<string, { count: number; seconds: number }>;

export interface StatementShare { statement: string; count: number; totalSeconds: number; meanMs: number }

export async function readStatementTotals(url: string): Promise<StatementTotals> {
  const text = await getText(`${url}/metrics`);
  const totals: StatementTotals = new Map();
  const line = /^modelgraph_neo4j_statement_duration_seconds_(sum|count)\{([^}]*)\} ([\d.eE+-]+)$/;
  for (const l of text.split('\n')) {
    const m = line.exec(l);
    if (!m) continue;
    const name = /statement="([^"]+)"/.exec(m[2])?.[1] ?? '?';
    const entry = totals.get(name) ?? { count: 0, seconds: 0 };
    if (m[1] === 'sum') entry.seconds += Number(m[3]);
    else entry.count += Number(m[3]);
    totals.set(name, entry);
  }
  return totals;
}

/** What each statement added between two readings (count and seconds). */
function between(before: StatementTotals, after: StatementTotals): { statement: string; count: number; seconds: number }[] {
  return [...after].map(([statement, a]) => {
    const b = before.get(statement) ?? { count: 0, seconds: 0 };
    return { statement, count: a.count - b.count, seconds: a.seconds - b.seconds };
  });
}

/** The statements that took the most time between two readings, heaviest first. */
export function topStatements(before: StatementTotals, after: StatementTotals, top = 8): StatementShare[] {
  return between(before, after).filter((d) => d.count > 0)
    .map(({ statement, count, seconds }) => ({ statement, count, totalSeconds: Math.round(seconds * 100) / 100, meanMs: Math.round((seconds / count) * 10_000) / 10 }))
    .sort((x, y) => y.totalSeconds - x.totalSeconds).slice(0, top);
}

/** All statements together between two readings. */
export function totalBetween(before: StatementTotals, after: StatementTotals): { count: number; seconds: number } {
  return between(before, after).reduce((t, d) => ({ count: t.count + d.count, seconds: t.seconds + d.seconds }), { count: 0, seconds: 0 });
}
