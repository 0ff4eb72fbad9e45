import { useGraph } from './support/graph';

describe('deploymentHistory', () => {
  const graph = useGraph();

  it('lists every change with its time and reason, through to the retirement', async () => {
    await graph.ok(`mutation {
      a: registerModelVersion(input: { model: "m", version: "1", createdAt: "2025-12-01T00:00:00Z" }) { id }
      b: registerModelVersion(input: { model: "m", version: "2", createdAt: "2025-12-01T00:00:00Z" }) { id }
      upsertDeployment(input: { name: "m-prod", environment: "production" }) { id }
    }`);
    await graph.ok('mutation { deploy(deployment: "m-prod", target: { modelVersion: { model: "m", version: "1" } }, reason: "launch", at: "2026-01-01T00:00:00Z") { id } }');
    await graph.ok(`mutation { shiftTraffic(deployment: "m-prod", reason: "canary", at: "2026-02-01T00:00:00Z", shares: [
      { target: { modelVersion: { model: "m", version: "1" } }, share: 0.9 },
      { target: { modelVersion: { model: "m", version: "2" } }, share: 0.1 }]) { id } }`);
    await graph.ok('mutation { undeploy(deployment: "m-prod", reason: "sunset", at: "2026-03-01T00:00:00Z") { id } }');
    const { deploymentHistory } = await graph.ok(`{ deploymentHistory(deployment: "m-prod") {
      at reason serving { trafficShare target { ... on ModelVersion { version } } } } }`);
    expect(deploymentHistory.map((c: { at: string; reason: string }) => [c.at, c.reason])).toEqual([
      ['2026-01-01T00:00:00.000Z', 'launch'], ['2026-02-01T00:00:00.000Z', 'canary'], ['2026-03-01T00:00:00.000Z', 'sunset']]);
    expect(deploymentHistory[1].serving).toEqual(expect.arrayContaining([
      { trafficShare: 0.9, target: { version: '1' } }, { trafficShare: 0.1, target: { version: '2' } }]));
    expect(deploymentHistory[2].serving).toEqual([]);
    const missing = await graph.gql('{ deploymentHistory(deployment: "nope") { at } }');
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
