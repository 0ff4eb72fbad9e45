/** The operations the CLI sends; fields are what its reports print (and --json passes on as they are). */
const NODE = 'id type label';

const IMPACT_ANSWER = `origin { ${NODE} } origins { ${NODE} } asOf knownAt depth truncated
    summary { total byType { type count } servedDeployments { id name environment via } }`;

/**
 * impact, as --json passes it on: every path's nodes. A page is the most items whose estimated cost
 * (src/app/query-limits.ts: paths count as the default 10 per item) stays under the default limit.
 */
export const IMPACT = `query Impact($of: NodeRef!, $depth: Int, $servedOnly: Boolean, $asOf: DateTimeISO, $knownAt: DateTimeISO, $after: String) {
  impact(of: $of, depth: $depth, servedOnly: $servedOnly, asOf: $asOf, knownAt: $knownAt, page: { first: 250, after: $after }) {
    ${IMPACT_ANSWER}
    items { nodes { node { ${NODE} } distance truncated served
                    serving { deployment environment trafficShare direct ensemble weight }
                    paths { nodes { ${NODE} } relationships } }
            pageInfo { hasNextPage endCursor } } } }`;

/**
 * impact, as the table prints it: of the paths only how many there are, so the largest page the
 * service allows (500): a whole answer (each page is a traversal of its own) in one or two requests.
 */
export const IMPACT_TABLE = `query ImpactTable($of: NodeRef!, $depth: Int, $servedOnly: Boolean, $asOf: DateTimeISO, $knownAt: DateTimeISO, $after: String) {
  impact(of: $of, depth: $depth, servedOnly: $servedOnly, asOf: $asOf, knownAt: $knownAt, page: { first: 500, after: $after }) {
    ${IMPACT_ANSWER}
    items { nodes { node { type label } distance truncated serving { deployment ensemble } paths { relationships } }
            pageInfo { hasNextPage endCursor } } } }`;

export const PROVENANCE = `query Provenance($of: NodeRef!, $asOf: DateTimeISO, $knownAt: DateTimeISO) {
  provenance(of: $of, asOf: $asOf, knownAt: $knownAt) {
    origin { ${NODE} } origins { ${NODE} } asOf knownAt truncated
    served { deployment { ${NODE} } target { ${NODE} } trafficShare }
    members { ensemble { ${NODE} } modelVersion { ${NODE} } weight }
    modelVersions { ${NODE} }
    training { modelVersion { ${NODE} } datasetVersion { ${NODE} } role }
    featureUses { modelVersion { ${NODE} } feature { ${NODE} } importance }
    fields { ${NODE} }
    runs { run { ${NODE} } runId job state codeVersion parameters startedAt read { ${NODE} } wrote { ${NODE} } produced { ${NODE} } }
    datasetVersions { datasetVersion { ${NODE} } dataset { ${NODE} } raw }
    rawDatasets { ${NODE} } } }`;

export const LINEAGE = `query Lineage($node: NodeRef!, $direction: LineageDirection!, $depth: Int, $asOf: DateTimeISO, $knownAt: DateTimeISO) {
  lineage(node: $node, direction: $direction, depth: $depth, asOf: $asOf, knownAt: $knownAt) {
    origin { ${NODE} } origins { ${NODE} } depth truncated nodes { ${NODE} } edges { from to type } } }`;
