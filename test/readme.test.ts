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
