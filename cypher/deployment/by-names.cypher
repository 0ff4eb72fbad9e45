// The deployments with these names (missing names are simply absent).
// @param names: string[]
UNWIND $names AS name
MATCH (d:Deployment {name: name})
RETURN d {.*} AS deployment
