import { LineageEventStore } from './event-store';
import { EVENTS_PER_TRANSACTION, OpenLineageIngestService } from './ingest.service';

export interface ReplayProgress { events: number; refused: number }

/**
 * `modelgraph replay`: every stored event folded into the graph again, in the order the events
 * happened, a page (one transaction) at a time, with the mapping as it is now. Folding is
 * idempotent: a replay over an unchanged mapping changes nothing, and one after a mapping fix
 * brings old data up to it. Events the schemas refuse now are counted and skipped.
 */
export async function replayStoredEvents(store: LineageEventStore, ingest: OpenLineageIngestService,
  onPage: (progress: ReplayProgress) => void = () => undefined): Promise<ReplayProgress> {
  const progress: ReplayProgress = { events: 0, refused: 0 };
  for await (const page of store.inOrder(EVENTS_PER_TRANSACTION)) {
    const refused = await ingest.refold(page.map((e) => JSON.parse(e.json) as unknown));
    progress.events += page.length;
    progress.refused += refused.length;
    onPage({ ...progress });
  }
  return progress;
}
