import { ImpactAnswer, LineageAnswer, ProvenanceAnswer } from './answers';
import { Ask, Capabilities } from './questions';

/**
 * Asks the service a question over GraphQL and reads its answer into the reference's normalized
 * form (test/reference/answers.ts). Impact items keep the service's `truncated` and path count so
 * the comparison knows when paths were cut by maxPaths.
 */
export type Gql = (query: string, variables: Record<string, unknown>) => Promise<{ data?: any; errors?: { message: string }[] }>;

export const MAX_PATHS = 100;

export interface ServiceImpact extends ImpactAnswer { pathsTruncated: Set<string>; truncated: boolean }
export type ServiceAnswer = ServiceImpact | (ProvenanceAnswer & { truncated: boolean }) | (LineageAnswer & { truncated: boolean });

const node = '{ id }';

function args(ask: Ask, caps: Capabilities): { decl: string; pass: string; vars: Record<string, unknown> } {
  const vars: Record<string, unknown> = {
    of: ask.ref, depth: ask.depth, asOf: ask.asOf === null ? null : new Date(ask.asOf).toISOString(),
  };
  let decl = '$of: NodeRef!, $depth: Int, $asOf: DateTimeISO';
  let pass = 'depth: $depth, asOf: $asOf';
  if (caps.multiOrigin) {
    vars.knownAt = ask.knownAt === null ? null : new Date(ask.knownAt).toISOString();
    decl += ', $knownAt: DateTimeISO';
    pass += ', knownAt: $knownAt';
  }
  return { decl, pass, vars };
}

export async function askService(gql: Gql, ask: Ask, caps: Capabilities): Promise<ServiceAnswer> {
  const { decl, pass, vars } = args(ask, caps);
  const origins = caps.multiOrigin ? `origins ${node}` : `origin ${node}`;
  const fail = (errors: { message: string }[]) => new Error(`service error: ${errors.map((e) => e.message).join('; ')}`);
  const originIds = (d: any): string[] => (caps.multiOrigin ? d.origins.map((o: any) => o.id) : [d.origin.id]).sort();
  if (ask.kind === 'impact') {
    const res = await gql(`query(${decl}, $servedOnly: Boolean, $maxPaths: Int) {
      impact(of: $of, ${pass}, servedOnly: $servedOnly, maxPaths: $maxPaths, page: { first: 500 }) {
        ${origins} truncated
        items { nodes { node { id label } distance truncated served paths { nodes { id } relationships }
                        serving { deploymentId trafficShare direct ensemble weight } } }
        summary { total servedDeployments { id via } } } }`, { ...vars, servedOnly: ask.servedOnly, maxPaths: MAX_PATHS });
    if (res.errors?.length) throw fail(res.errors);
    const d = res.data.impact;
    const items: ServiceImpact['items'] = {};
    const pathsTruncated = new Set<string>();
    for (const i of d.items.nodes) {
      if (i.truncated) pathsTruncated.add(i.node.id);
      items[i.node.id] = {
        label: i.node.label, distance: i.distance, served: i.served,
        serving: [...new Set<string>(i.serving.map((s: any) => (s.direct ? `${s.deploymentId}|${s.trafficShare}|direct|-|-`
          : `${s.deploymentId}|${s.trafficShare}|via|${s.ensemble}|${s.weight}`)))].sort(),
        paths: [...new Set<string>(i.paths.map((p: any) => p.nodes.map((n: any, k: number) => (k ? ` -${p.relationships[k - 1]}-> ` : '') + n.id).join('')))].sort(),
      };
    }
    const deployments = d.summary.servedDeployments.map((s: any) => `${s.id}:${[...new Set(s.via)].sort().join(',')}`);
    return { origins: originIds(d), items, servedDeployments: deployments.sort(), total: d.summary.total, pathsTruncated, truncated: d.truncated };
  }
  if (ask.kind === 'provenance') {
    const res = await gql(`query(${decl}) { provenance(of: $of, ${pass}) {
      ${origins} truncated edges { from to type } modelVersions ${node} features ${node} fields ${node} runs { run ${node} }
      datasetVersions { datasetVersion ${node} dataset ${node} raw } rawDatasets ${node}
      served { deployment ${node} target ${node} trafficShare } members { ensemble ${node} modelVersion ${node} weight } } }`, vars);
    if (res.errors?.length) throw fail(res.errors);
    const d = res.data.provenance;
    const ids = (xs: any[]) => xs.map((x) => x.id).sort();
    return {
      origins: originIds(d), truncated: d.truncated,
      edges: [...new Set<string>(d.edges.map((e: any) => `${e.from} -${e.type}-> ${e.to}`))].sort(),
      modelVersions: ids(d.modelVersions), features: ids(d.features), fields: ids(d.fields), runs: ids(d.runs.map((x: any) => x.run)),
      datasetVersions: d.datasetVersions.map((v: any) => `${v.datasetVersion.id}|raw=${v.raw}|${v.dataset?.id ?? null}`).sort(),
      rawDatasets: ids(d.rawDatasets),
      served: [...new Set<string>(d.served.map((s: any) => `${s.deployment.id}|${s.target.id}|${s.trafficShare}`))].sort(),
      members: [...new Set<string>(d.members.map((m: any) => `${m.ensemble.id}|${m.modelVersion.id}|${m.weight}`))].sort(),
    };
  }
  const res = await gql(`query(${decl}, $direction: LineageDirection!) { lineage(node: $of, direction: $direction, ${pass}) {
    ${origins} truncated nodes { id label } edges { from to type } } }`, { ...vars, direction: ask.direction });
  if (res.errors?.length) throw fail(res.errors);
  const d = res.data.lineage;
  return {
    origins: originIds(d), truncated: d.truncated, nodes: d.nodes.map((n: any) => `${n.id} ${n.label}`).sort(),
    edges: d.edges.map((e: any) => `${e.from} -${e.type}-> ${e.to}`).sort(),
  };
}
