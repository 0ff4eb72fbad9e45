// Creates the deployment named $name, or updates its environment and endpoint; returns it.
// A new deployment exists from $at (world time, default now), recorded now; a later upsert never moves either.
// @param name: string
// @param environment: string
// @param endpoint: string | null
// @param at: Date | null
// @returns deployment: { id: string; name: string; environment: string; endpoint?: string; createdAt: Date; retiredAt?: Date; retiredReason?: string }
MERGE (d:Deployment {name: $name})
  ON CREATE SET d.id = randomUUID(), d.createdAt = coalesce($at, datetime()), d.recordedAt = datetime(),
                d.environment = $environment, d.endpoint = $endpoint
  ON MATCH SET d.environment = $environment, d.endpoint = coalesce($endpoint, d.endpoint)
RETURN d {.*} AS deployment
