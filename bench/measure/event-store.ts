import { Driver } from 'neo4j-driver';

export interface EventStoreCase {
  /** :LineageEvent nodes kept (every event the ingestion phase accepted, once). */
  events: number;
  /** The event as received (its JSON, the `bytes` property): mean, median, 95th percentile, largest. */
  jsonBytes: { mean: number; p50: number; p95: number; max: number };
  /** Mean bytes of all the node's property values (JSON, hash, listing keys, times at 8 bytes each). */
  propertyBytesPerEvent: number;
  /** All of them, in MB: what retention bounds (events/day × days × this per event). */
  totalMb: number;
}

/**
 * What the raw event store keeps per OpenLineage event, read from the store itself after the
 * ingestion phase (`bytes` is the stored JSON's UTF-8 length). Store-file overhead (records,
 * indexes) is Neo4j's and not counted: this is the payload that grows with retention.
 */
export async function measureEventStore(driver: Driver): Promise<EventStoreCase> {
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    const { records } = await session.executeRead((tx) => tx.run(`
      MATCH (l:LineageEvent)
      WITH l, l.bytes + size(l.hash) + size(coalesce(l.eventType, '')) + size(coalesce(l.runId, ''))
              + size(coalesce(l.namespace, '')) + size(coalesce(l.jobName, '')) + 3 * 8 AS props
      RETURN count(l) AS events, avg(l.bytes) AS mean, percentileDisc(l.bytes, 0.5) AS p50,
             percentileDisc(l.bytes, 0.95) AS p95, max(l.bytes) AS max, avg(props) AS props, sum(props) AS total`));
    const r = records[0];
    const n = (k: string) => Number(r.get(k) ?? 0);
    return {
      events: n('events'), jsonBytes: { mean: Math.round(n('mean')), p50: n('p50'), p95: n('p95'), max: n('max') },
      propertyBytesPerEvent: Math.round(n('props')), totalMb: Math.round((n('total') / 1e6) * 100) / 100,
    };
  } finally {
    await session.close();
  }
}
