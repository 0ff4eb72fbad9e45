import * as Q from '../generated/cypher';
import { Query } from './query';

/** Every statement of cypher/ (migrations aside): what the start-up warm-up compiles (warm-up.ts). */
export function allStatements(): Query<unknown, unknown>[] {
  return Object.values(Q) as Query<unknown, unknown>[];
}
