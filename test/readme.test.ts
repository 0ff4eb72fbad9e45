import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { useGraph } from './support/graph';
import { eventually, subscribe } from './support/subscriber';
import { startReceiver } from './support/webhook-receiver';

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

/** The fenced blocks of a README section, in order, with their language. */
const run = (script: string) => promisify(execFile)('bash', ['-c', script]);

function sectionBlocks(title: string): { lang: string; text: string }[] {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith(title));
  if (!section) throw new Error(`README.md lacks the "${title}" section`);
  return [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] }));
}

describe('the README worked example', () => {
  const graph = useGraph({ MODELGRAPH_ALERT_INTERVAL_MS: '200', MODELGRAPH_WEBHOOK_ALLOW_NETWORKS: '127.0.0.0/8' });

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

  it('the Alerts section: a webhook and a rule, the subscription hears the alert fire and resolve, the signature verifies', async () => {
    for (const block of sectionBlocks('Worked example').filter((b) => b.lang === 'graphql')) await graph.ok(block.text);
    const blocks = sectionBlocks('Alerts');
    const graphql = blocks.filter((b) => b.lang === 'graphql').map((b) => b.text);
    const shell = blocks.filter((b) => b.lang === 'sh').map((b) => b.text.replaceAll('http://127.0.0.1:4000', graph.url));
    const [js] = blocks.filter((b) => b.lang === 'js').map((b) => b.text);
    expect([graphql.length, shell.length]).toEqual([3, 2]);
    // The README's own verification code, run as written.
    const verify = new Function('require', `${js}; return verify;`)(require) as (secret: string, headers: Record<string, string>, body: string) => boolean;

    let secret = '';
    const receiver = await startReceiver(() => secret);
    try {
      secret = (await graph.ok(graphql[0].replace('http://127.0.0.1:9000/hooks', receiver.url))).createWebhook.secret;
      await graph.ok(graphql[1]);
      const sub = subscribe<{ alertChanged: { alert: { state: string } } }>(graph.url, graphql[2]);
      await sub.connected;
      const states = () => sub.events.map((e) => e.alertChanged.alert.state);
      await run(shell[0]); // asynchronously: the service answering curl runs in this process
      await eventually(() => (states().includes('FIRING') ? true : undefined), 'the alert to fire');
      await run(shell[1]);
      await eventually(() => (states().includes('RESOLVED') ? true : undefined), 'the alert to resolve');
      expect(states()).toEqual(['PENDING', 'FIRING', 'RESOLVED']);
      await sub.close();
      const posts = await eventually(() => (receiver.received.length >= 2 ? receiver.received : undefined), 'two webhook posts');
      expect(posts.map((r) => JSON.parse(r.body).type).sort()).toEqual(['alert.firing', 'alert.resolved']);
      for (const r of posts) {
        expect(verify(secret, { 'webhook-id': r.id, 'webhook-timestamp': r.timestamp, 'webhook-signature': r.signature }, r.body)).toBe(true);
        expect(verify(secret, { 'webhook-id': r.id, 'webhook-timestamp': r.timestamp, 'webhook-signature': r.signature }, `${r.body} `)).toBe(false);
      }
    } finally {
      await receiver.close();
    }
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
  const graph = useGraph({ MODELGRAPH_ALERT_INTERVAL_MS: '200' });
  // Asynchronously: the service answering curl runs in this very process.
  const sh = async (text: string) => (await promisify(execFile)('sh', ['-c', text.replaceAll('http://127.0.0.1:4000', graph.url)])).stdout;

  it('runs as written, curl included: the weights move to the better member, and the alert fires when both fail', async () => {
    const blocks = learningBlocks();
    expect(blocks.map((b) => b.lang)).toEqual(['graphql', 'sh', 'graphql', 'graphql', 'graphql', 'sh']);
    const answers: any[] = [];
    for (const { lang, text } of blocks.slice(0, 3)) answers.push(lang === 'graphql' ? await graph.ok(text) : JSON.parse(await sh(text)));
    expect(answers[1]).toMatchObject({ outcomes: 4, duplicate: false });
    const { ensemble, metricSeries } = answers[2];
    const weight = (members: { weight: number; modelVersion: { version: string } }[], v: string) => members.find((m) => m.modelVersion.version === v)!.weight;
    expect(weight(ensemble.before, '4')).toBe(0.5);
    expect(weight(ensemble.members, '4')).toBeGreaterThan(0.5); // version 4 was the better one
    expect(ensemble.memberHistory.length).toBeGreaterThan(2);
    expect(metricSeries.length).toBe(4);

    // The alert half: a rule on the ensemble's rolling accuracy, a subscriber, outcomes both members get wrong.
    await graph.ok(blocks[3].text);
    const sub = subscribe<{ alertChanged: { alert: { state: string; value: number } } }>(graph.url, blocks[4].text);
    await sub.connected;
    expect(JSON.parse(await sh(blocks[5].text))).toMatchObject({ outcomes: 4 });
    const fired = await eventually(() => sub.events.find((e) => e.alertChanged.alert.state === 'FIRING'), 'the ensemble alert to fire');
    expect(fired.alertChanged.alert.value).toBeLessThan(0.7);
    expect(sub.events.map((e) => e.alertChanged.alert.state)).toEqual(['PENDING', 'FIRING']);
    await sub.close();
  });
});
