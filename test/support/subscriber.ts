import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client collecting what one subscription sends. */
export interface Subscriber<T> {
  events: T[];
  errors: unknown[];
  /** Resolves once the server acknowledged the connection. */
  connected: Promise<void>;
  close(): Promise<void>;
}

export function subscribe<T>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, authorization?: string): Subscriber<T> {
  const events: T[] = [];
  const errors: unknown[] = [];
  let onConnected!: () => void;
  const connected = new Promise<void>((resolve) => { onConnected = resolve; });
  const client: Client = createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0,
    connectionParams: authorization ? { authorization } : {},
    on: { connected: () => onConnected() },
    onNonLazyError: (e) => errors.push(e), // e.g. the server closing a connection it refused
  });
  client.subscribe<T>({ query, variables }, {
    next: (value) => { if (value.errors) errors.push(...value.errors); if (value.data) events.push(value.data); },
    error: (e) => errors.push(e),
    complete: () => undefined,
  });
  return { events, errors, connected, close: () => client.dispose() as Promise<void> };
}

/** Polls until `check` returns a value other than undefined (or throws after `ms`). */
export async function eventually<T>(check: () => T | undefined | Promise<T | undefined>, what: string, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
