import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { useGraph } from './support/graph';

/**
 * The README's worked example runs as written: every ```graphql block of its "Worked example"
 * and "Impact analysis" sections is sent in order to a real service, and none may return an error.
 */
function exampleBlocks(): string[] {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const sections = readme.split(/^## /m).filter((s) => s.startsWith('Worked example') || s.startsWith('Impact analysis'));
  if (sections.length !== 2) throw new Error('README.md lacks the "Worked example" or "Impact analysis" section');
  return sections.flatMap((section) => [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]));
}

describe('the README worked example', () => {
  const graph = useGraph();

  it('runs as written', async () => {
    const blocks = exampleBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    const answers: unknown[] = [];
    for (const block of blocks) answers.push(await graph.ok(block));
    // The deployment query shows the served model reaches its training data...
    expect(JSON.stringify(answers[3])).toContain('orders');
    // ...and the impact query finds the deployment from the dataset version.
    const impact = (answers[4] as { impact: { summary: { servedDeployments: { name: string }[] } } }).impact;
    expect(impact.summary.servedDeployments.map((d) => d.name)).toEqual(['churn-prod']);
  });
});

/** The blocks of the "Ensembles that learn" section in order: GraphQL, and the curl commands (sh). */
function learningBlocks(): { lang: string; text: string }[] {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Ensembles that learn'));
  if (!section) throw new Error('README.md lacks the "Ensembles that learn" section');
  return [...section.matchAll(/```(graphql|sh)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] }));
}

describe('the README ensembles-that-learn example', () => {
  const graph = useGraph();

  it('runs as written, curl included, and the weights move to the better member', async () => {
    const answers: any[] = [];
    for (const { lang, text } of learningBlocks()) {
      if (lang === 'graphql') answers.push(await graph.ok(text));
      // Asynchronously: the service answering curl runs in this very process.
      else answers.push(JSON.parse((await promisify(execFile)('sh', ['-c', text.replaceAll('http://127.0.0.1:4000', graph.url)])).stdout));
    }
    expect(answers).toHaveLength(3);
    expect(answers[1]).toMatchObject({ outcomes: 4, duplicate: false });
    const { ensemble, metricSeries } = answers[2];
    const weight = (members: { weight: number; modelVersion: { version: string } }[], v: string) => members.find((m) => m.modelVersion.version === v)!.weight;
    expect(weight(ensemble.before, '4')).toBe(0.5);
    expect(weight(ensemble.members, '4')).toBeGreaterThan(0.5); // version 4 was the better one
    expect(ensemble.memberHistory.length).toBeGreaterThan(2);
    expect(metricSeries.length).toBe(4);
  });
});
