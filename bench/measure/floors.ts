import { Driver } from 'neo4j-driver';
import { Client } from 'pg';
import { gql } from '../http';
import { Latency, timeInterleaved } from '../stats';
import { autoCommitRead } from './service-traversal';

/**
 * The cost of a round trip that does no work, in each store and in the service: what no answer of
 * theirs can go below, timed interleaved like the cases so the ratios compare like with like.
 */
export interface Floors {
  /** `RETURN 1` as the service sends its impact statement: one auto-commit read, records consumed. */
  neo4j: Latency;
  /** `{ __typename }` over HTTP: the service's request path (auth, limits, Apollo) with no resolver. */
  graphql: Latency;
  /** `SELECT 1` as the closure is sent: a named statement on the bench's connection (null: no PostgreSQL). */
  postgres: Latency | null;
}

export async function measureFloors(url: string, driver: Driver, reps: number, warmup: number, pg?: Client): Promise<Floors> {
  const ops: [string, () => Promise<unknown>][] = [
    ['neo4j', () => autoCommitRead(driver, 'RETURN 1 AS one')],
    ['graphql', () => gql(url, '{ __typename }')],
  ];
  if (pg) ops.push(['postgres', () => pg.query({ name: 'floor', text: 'SELECT 1 AS one' })]);
  const samples = await timeInterleaved(ops, reps, warmup);
  return { neo4j: samples.neo4j, graphql: samples.graphql, postgres: samples.postgres ?? null };
}
