/**
 * The UI's only way to the data: the service's own GraphQL API at /graphql, same origin. With auth
 * on, the API key the user typed is kept in sessionStorage: for this tab only, gone when it closes.
 */
const KEY_STORAGE = 'modelgraph.apiKey';

export class ApiError extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
  }
}

type Listener = () => void;
const authListeners = new Set<Listener>();

export const apiKey = {
  get: (): string | null => sessionStorage.getItem(KEY_STORAGE),
  set(key: string): void {
    sessionStorage.setItem(KEY_STORAGE, key);
    authListeners.forEach((l) => l());
  },
  clear(): void {
    sessionStorage.removeItem(KEY_STORAGE);
  },
};

/** Called when the service answers UNAUTHENTICATED: the app then asks for a key. */
export function onAuthRequired(listener: Listener): () => void {
  authRequiredListeners.add(listener);
  return () => authRequiredListeners.delete(listener);
}
const authRequiredListeners = new Set<Listener>();

/** Called when a key was entered: pages ask again. */
export function onKeyChanged(listener: Listener): () => void {
  authListeners.add(listener);
  return () => authListeners.delete(listener);
}

interface GraphQLBody<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const key = apiKey.get();
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal });
  const body = (await res.json().catch(() => ({}))) as GraphQLBody<T>;
  const error = body.errors?.[0];
  if (error) {
    const code = error.extensions?.code;
    if (code === 'UNAUTHENTICATED') {
      apiKey.clear();
      authRequiredListeners.forEach((l) => l());
    }
    throw new ApiError(error.message, code);
  }
  if (!res.ok || !body.data) throw new ApiError(`The service answered HTTP ${res.status}.`, undefined);
  return body.data;
}
