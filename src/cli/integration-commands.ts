import type { Command } from 'commander';
import { replayStoredEvents } from '../openlineage/event-replay';
import { LineageEventStore } from '../openlineage/event-store';
import { OpenLineageIngestService } from '../openlineage/ingest.service';
import { withGraph } from './direct-graph';

type Write = (text: string) => void;

/**
 * Commands that work on the graph itself (NEO4J_URI, else the embedded Neo4j's data), not through
 * a running service: `replay` (stored OpenLineage events folded again) and `sync mlflow`.
 */
export function addIntegrationCommands(cli: Command, write: Write, progress: Write): void {
  cli.command('replay').description('Folds every stored OpenLineage event into the graph again, with the mapping as it is now '
    + '(after a fix to it); idempotent. Straight in Neo4j (NEO4J_URI or the embedded data).')
    .action(async () => {
      const done = await withGraph((c) => replayStoredEvents(c.get(LineageEventStore), c.get(OpenLineageIngestService),
        (p) => progress(`replayed ${p.events} events so far`)));
      write(`replayed ${done.events} stored events` + (done.refused ? `; ${done.refused} refused by today's schemas, skipped` : ''));
    });
}
