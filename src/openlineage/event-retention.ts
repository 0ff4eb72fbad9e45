import { every, Stop } from '../common/periodic';
import { LineageEventStore } from './event-store';

/**
 * The event store's retention, swept on a timer outside ingestion (a sweep in every ingestion
 * transaction would have concurrent ingestions contend for the same old events' locks). Each
 * sweep's work is bounded (LineageEventStore.prune); none runs when events are kept forever.
 */
export function startRetention(store: LineageEventStore, intervalMs: number): Stop | undefined {
  if (store.retentionDays <= 0) return undefined;
  return every(intervalMs, 'lineage event retention', () => store.prune());
}
