import { useGraph } from './support/graph';
import { eventually, subscribe } from './support/subscriber';
import { ALERT_CHANGED } from './alerts.fixtures';

/*
 * A subscription document gets the guards a POST to /graphql gets (depth, cost, tokens, and a
 * well-formed message): the WebSocket is not a way around them. The limits are set low here so
 * that the alertChanged document of the other tests is over them.
 */
const graph = useGraph({ MODELGRAPH_MAX_DEPTH: '3', MODELGRAPH_MAX_COMPLEXITY: '5' });

type WsError = { message: string; extensions?: { code?: string; limit?: string } };

/** The errors the server answered a subscription with (graphql-ws's Error message: a list). */
async function refusal(query: string, variables: Record<string, unknown> = {}): Promise<WsError[]> {
  const sub = subscribe(graph.url, query, variables);
  try {
    const [errors] = await eventually(() => (sub.errors.length ? sub.errors : undefined), 'the subscription to be refused');
    expect(sub.events).toEqual([]);
    return errors as WsError[];
  } finally {
    await sub.close();
  }
}

describe('subscriptions over graphql-ws: the document guards of HTTP', () => {
  it('refuses a document nested deeper than the limit, as POST /graphql does', async () => {
    const overHttp = await graph.gql('{ alerts { target { label } history { state } } }'); // depth 3: allowed
    expect(overHttp.errors).toBeUndefined();
    const [error] = await refusal(ALERT_CHANGED); // alertChanged > alert > target > label: 4
    expect(error.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(error.extensions?.limit).toBe('depth');
    expect(error.message).toMatch(/nested 4 levels deep; at most 3/);
  });

  it('refuses a document over the cost limit', async () => {
    const [error] = await refusal('subscription { alertChanged { previousState alert { id state rule value } } }');
    expect(error.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(error.extensions?.limit).toBe('complexity');
  });

  it('refuses variables with a lone surrogate or nested past the limit before anything reads them', async () => {
    const query = 'subscription($target: MetricTargetInput) { alertChanged(target: $target) { previousState } }';
    const [surrogate] = await refusal(query, { target: { modelVersion: 'mv-\ud800' } });
    expect(surrogate.extensions?.code).toBe('BAD_USER_INPUT');
    expect(surrogate.message).toMatch(/surrogate/);
    let deep: unknown = 'x';
    for (let i = 0; i < 200; i++) deep = [deep];
    const [nested] = await refusal(query, { target: { modelVersion: 'mv' }, deep });
    expect(nested.extensions?.code).toBe('BAD_USER_INPUT');
    expect(nested.message).toMatch(/nested/);
  });
});
