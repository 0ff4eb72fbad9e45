import { useEffect, useState } from 'react';
import { gql, onKeyChanged } from './api';

export interface QueryState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/**
 * Runs a GraphQL query whenever its variables change (compared as JSON); an answer to an older
 * request is dropped. `skip` leaves the state empty, e.g. until the user picked something.
 */
export function useQuery<T>(query: string, variables: Record<string, unknown>, skip = false): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ data: null, error: null, loading: !skip });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => onKeyChanged(() => setAttempt((a) => a + 1)), []);
  useEffect(() => {
    if (skip) { setState({ data: null, error: null, loading: false }); return; }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    gql<T>(query, JSON.parse(key) as Record<string, unknown>, controller.signal)
      .then((data) => setState({ data, error: null, loading: false }))
      .catch((e: Error) => { if (!controller.signal.aborted) setState({ data: null, error: e.message, loading: false }); });
    return () => controller.abort();
  }, [query, key, skip, attempt]);
  return state;
}
