// What recordRun must check before writing: the run as recorded so far (if any), its parent, and
// whether the proposed parent exists and would close a CHILD_OF cycle.
// @param runId: string
// @param parentRunId: string | null
// @returns run: { id: string; runId: string; jobId: string; state: string; startedAt?: Date; endedAt?: Date; nominalStartTime?: Date; codeVersion?: string; parameters?: string; facets?: string; declaredOutputs?: string; createdAt: Date } | null
// @returns currentParentRunId: string | null
// @returns parentExists: boolean
// @returns parentIsDescendant: boolean
OPTIONAL MATCH (r:Run {runId: $runId})
OPTIONAL MATCH (r)-[:CHILD_OF]->(currentParent:Run)
OPTIONAL MATCH (parent:Run {runId: $parentRunId})
RETURN r {.*} AS run, currentParent.runId AS currentParentRunId, parent IS NOT NULL AS parentExists,
       EXISTS { MATCH (parent)-[:CHILD_OF*0..]->(:Run {runId: $runId}) } AS parentIsDescendant
