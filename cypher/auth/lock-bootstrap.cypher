// Takes the write lock of a singleton node, so two bootstraps at once cannot both see "no admin key".
// @returns id: string
MERGE (l:ApiKeyBootstrapLock {id: 'singleton'})
SET l.lockedAt = datetime()
RETURN l.id AS id
