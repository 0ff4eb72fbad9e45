import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Driver } from 'neo4j-driver';
import { projectRoot } from '../../src/common/paths';
import { GeneratedGraph } from '../generate';
import { Random } from '../random';
import { Latency, summarize } from '../stats';
import { candidateOrigins, sizeOrigins } from './traversals';
import { Origin } from './service-traversal';

const run = promisify(execFile);
const CLI = path.join(projectRoot, 'dist', 'src', 'cli', 'main.js');

export interface CliCase {
  command: string;
  /** impact: downstream nodes of the origin (its table has one row each). */
  reached: number | null;
  /** Wall time of the spawned process, start to exit. */
  latency: Latency;
}

/**
 * The `modelgraph` command as a user runs it: a new process each time (node dist/src/cli/main.js),
 * timed from spawn to exit, so start-up (module loading) counts as much as the requests. `--help`,
 * and `impact` printing its table for the largest impact origin of at most 1,000 downstream nodes
 * that the CLI can name (a dataset version or a field of one).
 */
export async function measureCli(url: string, driver: Driver, graph: GeneratedGraph, reps: number, rnd: Random): Promise<CliCase[]> {
  const timed = async (command: string, args: string[], reached: number | null): Promise<CliCase> => {
    await run(process.execPath, [CLI, ...args]); // warm-up: the OS file cache, the service's plans
    const samples: number[] = [];
    for (let i = 0; i < reps; i++) {
      const started = performance.now();
      await run(process.execPath, [CLI, ...args], { maxBuffer: 64 * 1024 * 1024 });
      samples.push(performance.now() - started);
    }
    return { command, reached, latency: summarize(samples) };
  };
  const cases = [await timed('modelgraph --help', ['--help'], null)];
  const named = (await sizeOrigins(driver, 'impact', candidateOrigins(graph, 'impact', rnd)))
    .map((s) => ({ ...s, flags: cliFlags(graph, s.origin) })).filter((s) => s.flags && s.reached <= 1000);
  const largest = named.pop();
  if (largest) cases.push(await timed(`modelgraph impact ${largest.flags!.join(' ')}`, ['--url', url, 'impact', ...largest.flags!], largest.reached));
  return cases;
}

/** The CLI's options naming a generated dataset version or field (by namespace, name, version and field). */
function cliFlags(graph: GeneratedGraph, origin: Origin): string[] | null {
  for (const d of graph.datasets) {
    const dataset = ['--namespace', d.namespace, '--dataset', d.name];
    const v = d.versionIds.indexOf(origin.id);
    if (origin.type === 'DATASET_VERSION' && v >= 0) return [...dataset, '--version', `v${v + 1}`];
    if (origin.type !== 'FIELD') continue;
    for (let k = 0; k < d.fieldIds.length; k++) {
      const j = d.fieldIds[k].indexOf(origin.id);
      if (j >= 0) return [...dataset, '--version', `v${k + 1}`, '--field', d.fields[j].name];
    }
  }
  return null;
}
