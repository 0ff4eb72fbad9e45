// The deployments with these names (missing names are simply absent).
// @param names: string[]
// @returns deployment: { id: string; name: string; environment: string; endpoint?: string; createdAt: Date; retiredAt?: Date; retiredReason?: string }
UNWIND $names AS name
MATCH (d:Deployment {name: name})
RETURN d {.*} AS deployment
