import fs from 'node:fs';
import { Command, Option } from 'commander';
import { CliError, Endpoint, EXIT, graphql } from './client';
import { DATA_CHANGE_IMPACT, DATASET_DIFF, REGISTER_DATASET_VERSION } from './datachange-queries';
import { DiffData, diffReport, profileReport, QuantifiedData, quantifiedReport } from './datachange-report';
import { asOfOption, nodeRefOf } from './node-options';

/** `modelgraph diff`, `modelgraph profile`, and the --quantify options of `modelgraph impact`. */
type Write = (text: string) => void;
type EndpointOf = (cmd: Command) => Endpoint;

interface ThresholdOptions { psi?: number; js?: number; wasserstein?: number; ks?: number }
export interface QuantifyOptions extends ThresholdOptions {
  quantify?: boolean; from?: string; to?: string; measure?: string; metric?: string; windowHours?: number;
}

/** The dataset as { namespace, name } from --dataset ns/name (or --namespace + --dataset name). */
function datasetOf(o: { dataset?: string; namespace?: string }): { namespace: string; name: string } {
  if (!o.dataset) throw new CliError('--dataset <namespace/name> is required', EXIT.USAGE);
  const { namespace, name } = nodeRefOf({ dataset: o.dataset, namespace: o.namespace });
  return { namespace, name };
}

function thresholdsOf(o: ThresholdOptions): Record<string, number> | undefined {
  const t = Object.fromEntries(Object.entries({ psi: o.psi, js: o.js, wasserstein: o.wasserstein, ks: o.ks }).filter(([, v]) => v !== undefined));
  return Object.keys(t).length ? t as Record<string, number> : undefined;
}

const thresholdOptions = (cmd: Command) => cmd
  .option('--psi <x>', 'PSI at or above which a field drifted (service default 0.2)', positiveNumber)
  .option('--js <x>', 'Jensen–Shannon distance at or above which a field drifted (service default 0.1)', positiveNumber)
  .option('--wasserstein <x>', 'also: normed Wasserstein threshold', positiveNumber)
  .option('--ks <x>', 'also: Kolmogorov–Smirnov threshold', positiveNumber);

interface DiffOptions { dataset?: string; namespace?: string; from: string; to: string; json?: boolean; failOnDrift?: boolean; failOnBreaking?: boolean }

/**
 * The gates of `diff`: a removed or retyped field breaks every reader of it, which is worse than
 * any drift, so --fail-on-drift fails on it too; --fail-on-breaking fails on it alone. An ADDED
 * field breaks nothing.
 */
function diffGateFails(d: DiffData, o: DiffOptions): boolean {
  const broken = d.schemaChanges.some((c) => c.change === 'REMOVED' || c.change === 'TYPE_CHANGED');
  return ((o.failOnDrift ?? false) && (broken || d.driftedFields > 0)) || ((o.failOnBreaking ?? false) && broken);
}

export function addDataChangeCommands(cli: Command, endpoint: EndpointOf, write: Write, setExitCode: (code: number) => void): void {
  thresholdOptions(cli.command('diff').description('Schema changes and per-field drift between two versions of a dataset, from their profiles.')
    .option('--dataset <namespace/name>', 'the dataset').option('--namespace <namespace>', 'the namespace, when it and the name both hold slashes')
    .requiredOption('--from <version>', 'the old version').requiredOption('--to <version>', 'the new version'))
    .option('--json', 'print the GraphQL answer as JSON')
    .option('--fail-on-drift', `exit ${EXIT.SERVED_AFFECTED} when any field drifted or the schema broke (a CI gate)`)
    .option('--fail-on-breaking', `exit ${EXIT.SERVED_AFFECTED} only when the schema broke: a field REMOVED or TYPE_CHANGED`)
    .action(async (o: ThresholdOptions & DiffOptions, cmd: Command) => {
      const ds = datasetOf(o);
      const { datasetDiff } = await graphql<{ datasetDiff: DiffData }>(endpoint(cmd), DATASET_DIFF,
        { from: { ...ds, version: o.from }, to: { ...ds, version: o.to }, thresholds: thresholdsOf(o) });
      write(o.json ? JSON.stringify(datasetDiff, null, 2) : diffReport(datasetDiff, `${ds.namespace}/${ds.name}`));
      if (diffGateFails(datasetDiff, o)) setExitCode(EXIT.SERVED_AFFECTED);
    });

  cli.command('profile').description('Profile a CSV or JSON Lines file (streaming) and register it as a dataset version with those field profiles.')
    .argument('<file>', 'a .csv, .jsonl or .ndjson file')
    .option('--dataset <namespace/name>', 'the dataset').option('--namespace <namespace>', 'the namespace, when it and the name both hold slashes')
    .requiredOption('--version <version>', 'the version to register')
    .option('--created-at <time>', 'when the version came to be (ISO 8601; default now)')
    .option('--json', 'print the registered version and the profiles as JSON')
    .action(async (file: string, o: { dataset?: string; namespace?: string; version: string; createdAt?: string; json?: boolean }, cmd: Command) => {
      const ds = datasetOf(o);
      if (!fs.existsSync(file)) throw new CliError(`${file}: no such file`, EXIT.USAGE);
      // profileFile reports progress on stderr itself for files of 8 MB or more.
      const { profileFile } = await import('../drift/profiler'); // only this command reads files
      const fields = await profileFile(file).catch((e: Error) => { throw new CliError(`${file}: ${e.message}`, EXIT.USAGE); });
      const rowCount = Math.max(0, ...fields.map((f) => (f.profile?.count as number | undefined) ?? 0));
      const input = { ...ds, version: o.version, rowCount, fields, createdAt: asOfOption(o.createdAt) };
      const { registerDatasetVersion: v } = await graphql<{ registerDatasetVersion: unknown }>(endpoint(cmd), REGISTER_DATASET_VERSION, { input });
      write(o.json ? JSON.stringify({ version: v, fields }, null, 2) : profileReport(`${ds.namespace}/${ds.name}@${o.version}`, rowCount, fields));
    });
}

/** Options `impact --quantify` adds to the impact command. */
export function addQuantifyOptions(cmd: Command): Command {
  return thresholdOptions(cmd
    .option('--quantify', 'with --dataset, --from and --to: rank the served deployments by how much that change matters to them')
    .option('--from <version>', 'with --quantify: the old dataset version').option('--to <version>', 'with --quantify: the new dataset version')
    .addOption(new Option('--measure <measure>', 'with --quantify: the drift measure scored').choices(['psi', 'js']).default('psi'))
    .option('--metric <name>', "with --quantify: a deployment metric to compare before and after the new version's creation")
    .option('--window-hours <n>', 'with --metric: hours on each side (service default 168)', positiveInteger));
}

/** The dataChangeImpact answer for `impact --quantify`; a usage error when the options do not fit. */
export async function quantify(endpoint: Endpoint, o: QuantifyOptions & { dataset?: string; namespace?: string; version?: string; field?: string; asOf?: string }): Promise<QuantifiedData> {
  if (!o.dataset || o.version || o.field) throw new CliError('--quantify goes with --dataset (a whole dataset, no --version or --field)', EXIT.USAGE);
  if (!o.from || !o.to) throw new CliError('--quantify needs --from <version> and --to <version>', EXIT.USAGE);
  const vars = {
    dataset: datasetOf(o), from: o.from, to: o.to, thresholds: thresholdsOf(o), measure: o.measure === 'js' ? 'JENSEN_SHANNON' : 'PSI',
    metric: o.metric, windowHours: o.windowHours, asOf: asOfOption(o.asOf), // what was served then (impact --as-of)
  };
  return (await graphql<{ dataChangeImpact: QuantifiedData }>(endpoint, DATA_CHANGE_IMPACT, vars)).dataChangeImpact;
}

export { quantifiedReport };

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new CliError(`'${value}' is not a positive integer`, EXIT.USAGE);
  return Number(value);
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!/^\d*\.?\d+(e[+-]?\d+)?$/i.test(value) || !(n > 0)) throw new CliError(`'${value}' is not a positive number`, EXIT.USAGE);
  return n;
}
