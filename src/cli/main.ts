import { Command, CommanderError, Option } from 'commander';
import { CliError, Endpoint, EXIT, graphql } from './client';
import { addKeyCommands } from '../auth/key-commands';
import { addDataChangeCommands, addQuantifyOptions, quantifiedReport, quantify, QuantifyOptions } from './datachange-commands';
import { GraphData, ImpactData, impactReport, lineageDot, lineageReport } from './format';
import { asOfOption, knownAtOption, NodeOptions, nodeRefOf } from './node-options';
import { provenanceReport, ProvenanceData } from './provenance-report';
import { IMPACT, IMPACT_TABLE, LINEAGE, PROVENANCE } from './queries';
import { addIntegrationCommands } from './integration-commands';

const EXIT_HELP = `
Exit status: 0 done; 1 usage or connection error; 2 the service answered with GraphQL errors;
3 (impact --fail-if-served) a deployment serving now (or at --as-of, as known at --known-at) is affected, or serves the
origin itself; (diff --fail-on-drift) a field drifted, or (diff --fail-on-drift or --fail-on-breaking) a field was
removed or retyped.
Environment: MODELGRAPH_URL (default http://127.0.0.1:4000), MODELGRAPH_API_KEY (sent as Authorization: Bearer).`;

/**
 * Where a command line's output and exit status go: the process's for the real command (main),
 * a test's to run commands in process (run). Commander's own usage errors and help go there too.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The status a command asks for without failing (a gate's 3); the process keeps running. */
  setExitCode(code: number): void;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  setExitCode: (code) => { process.exitCode = code; },
};

/** The `modelgraph` command: impact, provenance and lineage queries against a running service. */
export function program(io: CliIo = processIo): Command {
  const write = (text: string) => io.stdout(text + '\n');
  const cli = new Command('modelgraph').description('Ask a modelgraph service what data feeds which models, and what a change affects.')
    // Set before the subcommands are added, which inherit them: commander reports to io and throws instead of exiting.
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr }).exitOverride()
    .option('--url <url>', 'the service (or its /graphql endpoint)', process.env.MODELGRAPH_URL ?? 'http://127.0.0.1:4000')
    .option('--api-key <key>', 'API key, sent as Authorization: Bearer (default: $MODELGRAPH_API_KEY)', process.env.MODELGRAPH_API_KEY)
    .addHelpText('after', EXIT_HELP).showHelpAfterError();
  const endpoint = (cmd: Command): Endpoint => {
    const o = cmd.optsWithGlobals<{ url: string; apiKey?: string }>();
    return { url: o.url, apiKey: o.apiKey };
  };
  const nodeOptions = (cmd: Command) => cmd
    .option('--dataset <namespace/name>', 'a dataset (all its versions)')
    .option('--namespace <namespace>', 'the dataset namespace, when it and the name both hold slashes (then --dataset is the bare name)')
    .option('--version <version>', 'with --dataset: one dataset version')
    .option('--field <field>', 'with --dataset: one field (of --version; without it, that field in every version)')
    .option('--feature <namespace/name>', 'a feature').option('--job <namespace/name>', 'a job (all its runs)')
    .option('--model-version <model@version>', 'a model version');
  const allNodeOptions = (cmd: Command) => nodeOptions(cmd).option('--run <runId>', 'a run').option('--model <name>', 'a model (all its versions)')
    .option('--ensemble <name>').option('--deployment <name>');

  addQuantifyOptions(nodeOptions(cli.command('impact').description('What a change to a dataset, version, field, feature, job, run, model, model version or ensemble affects.'))
    .option('--run <runId>', 'a run').option('--model <name>', 'a model (all its versions)').option('--ensemble <name>'))
    .option('--depth <n>', 'hops to follow (service default 10, at most 20)', positiveInt)
    .option('--served-only', 'only what leads to a deployment serving now (or at --as-of)')
    .option('--as-of <time>', 'as the graph stood then (ISO 8601)')
    .option('--known-at <time>', 'only what had been recorded by then (ISO 8601): what the gate said at that moment')
    .option('--json', 'print the GraphQL answer as JSON')
    .option('--fail-if-served', `exit ${EXIT.SERVED_AFFECTED} when a served deployment is affected (a CI gate)`)
    .action(async (o: NodeOptions & QuantifyOptions & { depth?: number; servedOnly?: boolean; asOf?: string; knownAt?: string; json?: boolean; failIfServed?: boolean },
      cmd: Command) => {
      const of = nodeRefOf(o, ['dataset', 'feature', 'job', 'run', 'model', 'modelVersion', 'ensemble']);
      const vars = { of, depth: o.depth, servedOnly: o.servedOnly ?? false, asOf: asOfOption(o.asOf), knownAt: knownAtOption(o.knownAt) };
      const quantified = o.quantify ? await quantify(endpoint(cmd), o) : null; // the dataChangeImpact ranking
      const result = await allImpactPages(endpoint(cmd), o.json ? IMPACT : IMPACT_TABLE, vars);
      if (o.json) write(JSON.stringify(quantified ? { ...result, dataChangeImpact: quantified } : result, null, 2));
      else write(impactReport(result) + (quantified ? `\n\n${quantifiedReport(quantified)}` : ''));
      if (o.failIfServed && result.summary.servedDeployments.length > 0) io.setExitCode(EXIT.SERVED_AFFECTED);
    });

  allNodeOptions(cli.command('provenance').description('What any node (a deployment, ensemble, model version, dataset, job...) was built from, down to raw datasets.'))
    .option('--as-of <time>', 'as the graph stood then (ISO 8601)')
    .option('--known-at <time>', 'only what had been recorded by then (ISO 8601)')
    .option('--json', 'print the GraphQL answer as JSON')
    .action(async (o: NodeOptions & { asOf?: string; knownAt?: string; json?: boolean }, cmd: Command) => {
      const data = await graphql<{ provenance: ProvenanceData }>(endpoint(cmd), PROVENANCE,
        { of: nodeRefOf(o), asOf: asOfOption(o.asOf), knownAt: knownAtOption(o.knownAt) });
      write(o.json ? JSON.stringify(data.provenance, null, 2) : provenanceReport(data.provenance));
    });

  allNodeOptions(cli.command('lineage').description('The subgraph around a node: nodes and edges, as a table, JSON or Graphviz DOT.'))
    .addOption(new Option('--direction <direction>', 'which way to follow').choices(['up', 'down', 'both']).default('both'))
    .option('--depth <n>', 'hops to follow (service default 10, at most 20)', positiveInt)
    .option('--as-of <time>', 'as the graph stood then (ISO 8601)')
    .option('--known-at <time>', 'only what had been recorded by then (ISO 8601)')
    .option('--json', 'print the GraphQL answer as JSON').option('--dot', 'print Graphviz DOT')
    .action(async (o: NodeOptions & { direction: string; depth?: number; asOf?: string; knownAt?: string; json?: boolean; dot?: boolean }, cmd: Command) => {
      const direction = { up: 'UPSTREAM', down: 'DOWNSTREAM', both: 'BOTH' }[o.direction];
      const data = await graphql<{ lineage: GraphData }>(endpoint(cmd), LINEAGE,
        { node: nodeRefOf(o), direction, depth: o.depth, asOf: asOfOption(o.asOf), knownAt: knownAtOption(o.knownAt) });
      write(o.json ? JSON.stringify(data.lineage, null, 2) : o.dot ? lineageDot(data.lineage) : lineageReport(data.lineage));
    });
  addDataChangeCommands(cli, endpoint, write, io.setExitCode); // diff, profile
  addKeyCommands(cli, endpoint, write); // keys list|create|revoke|bootstrap
  addIntegrationCommands(cli, write, (text) => io.stderr(text + '\n')); // replay, sync mlflow
  return cli;
}

/** Every page of an impact answer, merged into one (the CLI reports all of it). */
async function allImpactPages(endpoint: Endpoint, query: string, vars: Record<string, unknown>): Promise<ImpactData> {
  type Page = Omit<ImpactData, 'items'> & { items: { nodes: ImpactData['items']; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  let after: string | null = null;
  let first: Page | undefined;
  const items: ImpactData['items'] = [];
  do {
    const { impact }: { impact: Page } = await graphql<{ impact: Page }>(endpoint, query, { ...vars, after });
    first ??= impact;
    items.push(...impact.items.nodes);
    after = impact.items.pageInfo.hasNextPage ? impact.items.pageInfo.endCursor : null;
  } while (after);
  return { ...first!, items };
}

function positiveInt(value: string): number {
  if (!/^\d+$/.test(value)) throw new CliError(`'${value}' is not a positive integer`, EXIT.USAGE);
  return Number(value);
}

/**
 * Runs one command line and resolves to its exit status; every failure becomes one line on stderr
 * and a status, never a stack trace. Commander's usage errors are already on stderr, with its status.
 */
export async function run(argv: string[], io: Pick<CliIo, 'stdout' | 'stderr'> = processIo): Promise<number> {
  let status: number = EXIT.OK;
  try {
    await program({ ...io, setExitCode: (code) => { status = code; } }).parseAsync(argv);
    return status;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    io.stderr(`modelgraph: ${(e as Error).message}\n`);
    return e instanceof CliError ? e.code : EXIT.USAGE;
  }
}

export async function main(argv: string[]): Promise<void> {
  process.exitCode = await run(argv);
}

if (require.main === module) void main(process.argv);
