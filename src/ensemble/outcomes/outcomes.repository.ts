import { Tx } from '../../db/db';
import { ParamsOf, RowOf } from '../../db/query';
import * as Q from '../../generated/cypher';

export type LoadedLearner = RowOf<typeof Q.outcomesLoadLearner>;
export type SavedLearner = ParamsOf<typeof Q.outcomesSaveLearner>;

/** The only code that talks to Neo4j about outcome batches and the learners' saved state. */
export class OutcomesRepository {
  /** Locks the ensemble for the rest of the transaction; undefined when there is none by that name. */
  load(tx: Tx, name: string, key: string | null): Promise<LoadedLearner | undefined> {
    return tx.one(Q.outcomesLoadLearner, { name, key });
  }

  /** The learner's new version. */
  async save(tx: Tx, p: SavedLearner): Promise<number> {
    return (await tx.one(Q.outcomesSaveLearner, p))!.version;
  }

  /** Deletes at most `limit` idempotency keys recorded before `before`; how many it deleted. */
  async pruneKeys(tx: Tx, before: Date, limit: number): Promise<number> {
    return (await tx.one(Q.outcomesPruneBatchKeys, { before, limit }))?.deleted ?? 0;
  }
}
