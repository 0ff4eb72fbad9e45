import { Driver } from 'neo4j-driver';
import { Random } from '../random';
import { Scale } from '../scales';
import { DatasetPlan, loadDatasets, planDatasets } from './datasets';
import { countByLabel, countGraph } from './load';
import { loadModels, ModelPlan } from './models';
import { loadServing, ServingResult } from './serving';

/** What the measurements need to know about the generated graph (ids to start traversals from, names to ingest against). */
export interface GeneratedGraph {
  datasets: DatasetPlan[];
  models: ModelPlan[];
  featureIds: string[];
  serving: ServingResult;
  nodes: number;
  relationships: number;
  byLabel: Record<string, number>;
  loadSeconds: number;
}

/** Builds the whole graph for a scale into an empty database (the service's migrations already applied). */
export async function generateGraph(driver: Driver, scale: Scale, log: (msg: string) => void): Promise<GeneratedGraph> {
  const started = performance.now();
  const rnd = new Random(20_260_101);
  const datasets = planDatasets(scale, rnd);
  await loadDatasets(driver, datasets, scale.batch);
  log(`  datasets, versions, fields, runs, field lineage loaded (${seconds(started)} s)`);
  const { models, featureIds } = await loadModels(driver, scale, datasets, rnd);
  log(`  features, models, model versions loaded (${seconds(started)} s)`);
  const serving = await loadServing(driver, scale, models, rnd);
  const loadSeconds = seconds(started);
  const { nodes, relationships } = await countGraph(driver);
  log(`  graph loaded: ${nodes.toLocaleString('en')} nodes, ${relationships.toLocaleString('en')} relationships in ${loadSeconds} s`);
  return { datasets, models, featureIds, serving, nodes, relationships, byLabel: await countByLabel(driver), loadSeconds };
}

function seconds(since: number): number {
  return Math.round((performance.now() - since) / 100) / 10;
}
