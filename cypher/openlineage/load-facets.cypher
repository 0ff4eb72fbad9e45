// The facets (JSON) stored on the job and datasets an event names, to merge the event's into.
// @param jobNamespace: string | null
// @param jobName: string | null
// @param datasets: { namespace: string; name: string }[]
OPTIONAL MATCH (j:Job {namespace: $jobNamespace, name: $jobName})
CALL () {
  UNWIND $datasets AS key
  OPTIONAL MATCH (d:Dataset {namespace: key.namespace, name: key.name})
  RETURN collect({namespace: key.namespace, name: key.name, facets: d.facets}) AS datasets
}
RETURN j.facets AS jobFacets, datasets
