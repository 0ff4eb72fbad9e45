/** The GraphQL documents the pages send (schema.graphql at the repository root describes each field). */

export const MODELS = `query Models($name: String, $first: Int) {
  models(filter: { nameContains: $name }, page: { first: $first }) {
    nodes { id name createdAt
      aliases { name modelVersion { version } }
      versions { id version createdAt metrics supersededAt deployments { name environment } ensembles { name deployments { name environment } } } } } }`;

export const MODEL = `query Model($name: String!) {
  modelByName(name: $name) { id name description createdAt
    aliases { name from modelVersion { version } }
    versions { id version createdAt metrics tags supersededAt aliases deployments { name environment } ensembles { name deployments { name environment } } } } }`;

export const DEPLOYMENT = `query Deployment($name: String!) {
  deployment(name: $name) { id name environment endpoint createdAt retired retiredAt
    serving { trafficShare from target { __typename ... on ModelVersion { version metrics model { name } } ... on Ensemble { name members { modelVersion { metrics } } } } }
    history { at reason serving { trafficShare target { __typename ... on ModelVersion { version model { name } } ... on Ensemble { name } } } } } }`;

export const ENSEMBLE = `query Ensemble($name: String!) {
  ensemble(name: $name) { id name description createdAt deployments { name environment }
    members { weight modelVersion { version model { name } } }
    memberHistory { from to weight reason modelVersion { id version metrics model { name } } } } }`;

export const METRIC_SERIES = `query Series($target: MetricTargetInput!, $name: String!, $from: DateTimeISO!, $to: DateTimeISO!, $bucket: TimeBucket!, $aggregate: MetricAggregate!) {
  metricSeries(target: $target, name: $name, from: $from, to: $to, bucket: $bucket, aggregate: $aggregate) { start value count } }`;

export const METRIC_EVENTS = `query Events($target: MetricTargetInput!, $from: DateTimeISO!, $to: DateTimeISO!) {
  metricEvents(target: $target, from: $from, to: $to) { at kind label } }`;

export const ACROSS_VERSIONS = `query Across($model: String!, $metric: String!, $aggregate: MetricAggregate!) {
  metricAcrossVersions(model: $model, metric: $metric, aggregate: $aggregate) { version createdAt value offlineValue count } }`;

export const LINEAGE = `query Lineage($node: NodeRef!, $direction: LineageDirection!, $depth: Int, $asOf: DateTimeISO) {
  lineage(node: $node, direction: $direction, depth: $depth, asOf: $asOf) {
    truncated origins { id } nodes { id type label } edges { from to type } } }`;

export const DATASETS = `query Datasets($first: Int) {
  datasets(page: { first: $first }) { nodes { id namespace name createdAt versions { id version createdAt fields { name type } } } } }`;

export const IMPACT = `query Impact($of: NodeRef!, $asOf: DateTimeISO) {
  impact(of: $of, asOf: $asOf, servedOnly: true, types: [DEPLOYMENT], maxPaths: 5, page: { first: 100 }) {
    truncated summary { total servedDeployments { name environment via } }
    items { nodes { distance node { id type label } paths { nodes { id type label } relationships } } } } }`;

export const DATA_CHANGE = `query DataChange($dataset: DatasetRef!, $from: String!, $to: String!, $measure: DriftMeasure!) {
  dataChangeImpact(dataset: $dataset, from: $from, to: $to, measure: $measure) {
    truncated measure
    diff { comparedFields driftedFields schemaChanges { field change fromType toType }
      fields { field kind psi jensenShannon wasserstein ks drifted note } }
    deployments { deployment environment status breaking score modelVersions withoutFieldLineage
      features { feature modelVersion ensemble drift importance contribution breaking } } } }`;

export const ALERTS = `query Alerts($target: MetricTargetInput!, $from: DateTimeISO, $to: DateTimeISO, $first: Int) {
  alerts(target: $target, from: $from, to: $to, first: $first) { id rule metric severity state value startedAt firedAt acknowledgedAt resolvedAt } }`;
