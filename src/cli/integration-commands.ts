import type { Command } from 'commander';
import type { SyncSummary } from '../mlflow/mlflow-sync.service';
import { CliError, EXIT } from './client';

type Write = (text: string) => void;

/**
 * Commands that work on the graph itself (NEO4J_URI, else the embedded Neo4j's data), not through
 * a running service: `replay` (stored OpenLineage events folded again) and `sync mlflow`. What they
 * need (every module, the driver, the embedded Neo4j) is loaded when one runs, not for every command.
 */
export function addIntegrationCommands(cli: Command, write: Write, progress: Write): void {
  cli.command('replay').description('Folds every stored OpenLineage event into the graph again, with the mapping as it is now '
    + '(after a fix to it); idempotent. Straight in Neo4j (NEO4J_URI or the embedded data).')
    .action(async () => {
      const [{ withGraph }, { replayStoredEvents }, { LineageEventStore }, { OpenLineageIngestService }] = await Promise.all([
        import('./direct-graph'), import('../openlineage/event-replay'), import('../openlineage/event-store'), import('../openlineage/ingest.service')]);
      const done = await withGraph((c) => replayStoredEvents(c.get(LineageEventStore), c.get(OpenLineageIngestService),
        (p) => progress(`replayed ${p.events} events so far`)));
      write(`replayed ${done.events} stored events` + (done.refused ? `; ${done.refused} refused by today's schemas, skipped` : ''));
    });

  const sync = cli.command('sync').description('Fill the graph from the tools a team runs.');
  // `--url` here is MLflow's: commander gives the program's --url the value wherever it stands,
  // so it is read from there; sync writes straight into Neo4j and needs no service URL.
  sync.command('mlflow').description('Sync an MLflow registry (models, versions, aliases, source runs, logged datasets) into the graph; '
    + 'straight in Neo4j (NEO4J_URI or the embedded data). --url: the MLflow tracking server (default $MLFLOW_TRACKING_URI).')
    .option('--watch', 'keep syncing, one pass every --interval seconds, printing a progress line per pass')
    .option('--interval <seconds>', 'with --watch', '30')
    .option('--passes <n>', 'with --watch: stop after this many passes (default: until interrupted)')
    .action(async (o: { watch?: boolean; interval: string; passes?: string }, cmd: Command) => {
      const explicit = cmd.getOptionValueSourceWithGlobals('url') === 'cli' ? cmd.optsWithGlobals<{ url: string }>().url : undefined;
      const url = explicit ?? process.env.MLFLOW_TRACKING_URI;
      if (!url) throw new CliError('sync mlflow: give the tracking server with --url (or MLFLOW_TRACKING_URI)', EXIT.USAGE);
      const [{ withGraph }, { MlflowClient }, { MlflowSyncService }] = await Promise.all([
        import('./direct-graph'), import('../mlflow/mlflow.client'), import('../mlflow/mlflow-sync.service')]);
      const client = new MlflowClient(url.replace(/\/+$/, ''));
      const passes = o.watch ? (o.passes ? Number(o.passes) : Infinity) : 1;
      await withGraph(async (c) => {
        for (let pass = 1; pass <= passes; pass++) {
          const s = await c.get(MlflowSyncService).sync(client);
          (o.watch ? progress : write)(`${o.watch ? `pass ${pass}: ` : ''}${summaryLine(s)}`);
          if (pass < passes) await new Promise((r) => setTimeout(r, Number(o.interval) * 1000));
        }
      });
    });
}

function summaryLine(s: SyncSummary): string {
  return `synced ${s.models} models: ${s.versionsAdded} versions added, ${s.versionsUpdated} updated, ${s.versionsDeleted} marked deleted, ${s.aliasesMoved} alias changes`;
}
