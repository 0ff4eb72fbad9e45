// A page of deployments ordered by name, after the cursor's key; the environment filter is optional.
// @param environment: string | null
// @param after: unknown[] | null
// @param limit: Integer
// @returns deployment: { id: string; name: string; environment: string; endpoint?: string; createdAt: Date; retiredAt?: Date; retiredReason?: string }
MATCH (d:Deployment)
WHERE ($environment IS NULL OR d.environment = $environment)
  AND ($after IS NULL OR d.name > $after[0])
RETURN d {.*} AS deployment
ORDER BY d.name
LIMIT $limit
