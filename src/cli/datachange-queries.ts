/** The operations of `modelgraph diff`, `profile` and `impact --quantify`; fields are what their reports print. */
const DIFF_FIELDS = `from { version createdAt } to { version createdAt }
    schemaChanges { field change fromType toType }
    fields { field kind psi jensenShannon wasserstein ks nullShareFrom nullShareTo drifted note }
    comparedFields driftedFields driftedShare thresholds { psi js wasserstein ks }`;

export const DATASET_DIFF = `query DatasetDiff($from: DatasetVersionRef!, $to: DatasetVersionRef!, $thresholds: DriftThresholdsInput) {
  datasetDiff(from: $from, to: $to, thresholds: $thresholds) { ${DIFF_FIELDS} } }`;

export const DATA_CHANGE_IMPACT = `query DataChangeImpact($dataset: DatasetRef!, $from: String!, $to: String!, $thresholds: DriftThresholdsInput,
    $measure: DriftMeasure, $metric: String, $windowHours: Int, $asOf: DateTimeISO) {
  dataChangeImpact(dataset: $dataset, from: $from, to: $to, thresholds: $thresholds, measure: $measure, metric: $metric, windowHours: $windowHours, asOf: $asOf) {
    dataset { namespace name } measure truncated
    diff { ${DIFF_FIELDS} }
    deployments {
      deployment environment status breaking score modelVersions withoutFieldLineage
      features { feature modelVersion ensemble weight trafficShare importance drift breaking contribution
                 columns { field change drift drifted } }
      observed { metric from at to before after change pointsBefore pointsAfter } } } }`;

export const REGISTER_DATASET_VERSION = `mutation RegisterDatasetVersion($input: RegisterDatasetVersionInput!) {
  registerDatasetVersion(input: $input) { id version rowCount createdAt } }`;
