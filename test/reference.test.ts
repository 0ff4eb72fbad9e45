import { clearGraph, TestGraph, useGraph } from './support/graph';
import { diff, referenceAnswer } from './reference/compare';
import { History } from './reference/history';
import { HistoryOptions, randomHistory } from './reference/histories';
import { loadHistory } from './reference/load';
import { FULL_CONTRACT } from './reference/model';
import { Ask, Capabilities, randomAsk } from './reference/questions';
import { Random } from '../bench/random';
import { askService } from './reference/service';
import { describeHistory, shrink } from './reference/shrink';

/**
 * impact, provenance and lineage against an independent reference model (test/reference/model.ts)
 * on seeded random histories, with both traversal engines. REFERENCE_CASES questions (default 150, so 300 cases)
 * on histories seeded REFERENCE_SEED, +1, ... (default 1); `npm run test:reference` asks 5,000.
 * A failing case prints its seed, question and differences, and the first failure of each engine
 * a shrunk history that still fails.
 */
const CASES = Number(process.env.REFERENCE_CASES ?? 150);
const FIRST_SEED = Number(process.env.REFERENCE_SEED ?? 1);
const QUESTIONS_PER_HISTORY = 8;
/** Time each engine's first failure may spend shrinking. */
const SHRINK_SECONDS = Number(process.env.REFERENCE_SHRINK_SECONDS ?? 30);

const CAPABILITIES: Capabilities = { contract: FULL_CONTRACT, multiOrigin: true };
const HISTORY_OPTIONS: HistoryOptions = { retractions: true, featureHistory: true };

/** What the questions covered, so a summary shows the comparison is not vacuous. */
function tally(mix: Record<string, number>, ask: Ask, answer: ReturnType<typeof referenceAnswer>): void {
  const count = (key: string, when = true) => { if (when) mix[key] = (mix[key] ?? 0) + 1; };
  count(ask.kind);
  count('asOf', ask.asOf !== null);
  count('knownAt', ask.knownAt !== null);
  count('fieldWithoutVersion', ask.ref.type === 'FIELD' && !ask.ref.id && !ask.ref.version);
  count('severalOrigins', (answer?.origins.length ?? 0) > 1);
  const size = !answer ? 0 : 'items' in answer ? answer.total : 'nodes' in answer ? answer.nodes.length - answer.origins.length : answer.edges.length;
  count('emptyAnswer', size === 0);
}

interface Failure { seed: number; question: number; engine: string; ask: Ask; differences: string[] }

describe('impact, provenance and lineage answer as the reference model does', () => {
  const bounds = { MODELGRAPH_MAX_COMPLEXITY: '100000000', MODELGRAPH_LINEAGE_TIMEOUT_MS: '60000' };
  const engines: Record<string, TestGraph> = {
    procedures: useGraph({ MODELGRAPH_TRAVERSAL: 'procedures', ...bounds }),
    cypher: useGraph({ MODELGRAPH_TRAVERSAL: 'cypher', ...bounds }),
  };
  const db = () => engines.procedures.db;

  /** The differences on one question (an error of the service counts as one). */
  async function differences(graph: TestGraph, history: History, ask: Ask): Promise<string[] | null> {
    const expected = referenceAnswer(history, ask, CAPABILITIES);
    if (!expected) return null;
    try {
      return diff(expected, await askService((q, v) => graph.gql(q, v), ask, CAPABILITIES));
    } catch (e) {
      return [(e as Error).message];
    }
  }

  async function load(history: History): Promise<void> {
    await clearGraph(db());
    await loadHistory(db(), history);
  }

  it(`${CASES} random questions, each to both engines`, async () => {
    const failures: Failure[] = [];
    const started = Date.now();
    let loadMs = 0;
    const mix: Record<string, number> = {};
    const asked = { procedures: 0, cypher: 0 } as Record<string, number>;
    for (let seed = FIRST_SEED; asked.procedures < CASES; seed++) {
      const history = randomHistory(seed, HISTORY_OPTIONS);
      const loading = Date.now();
      await load(history);
      loadMs += Date.now() - loading;
      const r = new Random(seed * 7919 + 17);
      for (let question = 0; question < QUESTIONS_PER_HISTORY && asked.procedures < CASES; question++) {
        const ask = randomAsk(r, history, CAPABILITIES);
        if (!ask) continue;
        tally(mix, ask, referenceAnswer(history, ask, CAPABILITIES));
        for (const [engine, graph] of Object.entries(engines)) {
          asked[engine]++;
          const d = await differences(graph, history, ask);
          if (d?.length) failures.push({ seed, question, engine, ask, differences: d });
        }
      }
    }
    const report = [`asked ${JSON.stringify(asked)} in ${Math.round((Date.now() - started) / 1000)} s (loading ${Math.round(loadMs / 1000)} s), ${failures.length} disagreements; questions: ${JSON.stringify(mix)}`];
    for (const f of failures) report.push(`seed ${f.seed} question ${f.question} ${f.engine}: ${JSON.stringify(f.ask)}\n    ${f.differences.slice(0, 6).join('\n    ')}`);
    console.log(failures.length ? report.join('\n') : report[0]);
    for (const engine of Object.keys(engines)) {
      const first = failures.find((f) => f.engine === engine);
      if (!first) continue;
      const deadline = Date.now() + SHRINK_SECONDS * 1000;
      const fails = async (h: History) => Date.now() < deadline && (await load(h), !!(await differences(engines[engine], h, first.ask))?.length);
      const small = await shrink(randomHistory(first.seed, HISTORY_OPTIONS), fails);
      await load(small);
      const d = await differences(engines[engine], small, first.ask);
      const still = d?.length ? d.join('\n  ') : '(does not fail again: flaky?)';
      report.push(`shrunk, seed ${first.seed} question ${first.question} (${engine}): ${JSON.stringify(first.ask)}\n  ${still}\n${describeHistory(small)}`);
    }
    if (failures.length) console.log(report.slice(1 + failures.length).join('\n'));
    expect(failures.map((f) => `seed ${f.seed} question ${f.question} ${f.engine}`)).toEqual([]);
  }, 120_000 + CASES * 1000);
});
