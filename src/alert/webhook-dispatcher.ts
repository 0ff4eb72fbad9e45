import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { Webhook as Signer } from 'standardwebhooks';
import { log } from '../common/log';
import { Tx } from '../db/db';
import { WebhookAddressPolicy } from './webhook-url';
import { WebhookRepository } from './webhook.repository';
import { DeliveryStatus, eventType, WebhookAttempt, WebhookEvent } from './webhook.types';

export interface DispatchSettings { maxAttempts: number; backoffMs: number; timeoutMs: number }

/** The delay before retry n (1 = the first retry): exponential, with "equal jitter" so retries of many deliveries spread out. */
export function retryDelay(retry: number, backoffMs: number, random = Math.random): number {
  const ceiling = backoffMs * 2 ** (retry - 1);
  return ceiling / 2 + random() * (ceiling / 2);
}

/**
 * Webhook deliveries: enqueued in the transaction that made the event happen (so an event is
 * enqueued once, by the instance that made it), then posted from this process: signed per attempt
 * (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature = v1,base64 HMAC-SHA256 of
 * `id.timestamp.body`), never following a redirect, retried with backoff until a 2xx or
 * `maxAttempts`, each attempt appended to the delivery's log.
 */
export class WebhookDispatcher {
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly repo: WebhookRepository, private readonly policy: WebhookAddressPolicy, private readonly settings: DispatchSettings) {}

  /** In the caller's transaction: a delivery per webhook that wants `event`; dispatch the ids after the commit. */
  enqueue(tx: Tx, event: WebhookEvent, data: unknown, at: Date): Promise<string[]> {
    return this.repo.enqueue(tx, event, JSON.stringify({ type: eventType(event), timestamp: at.toISOString(), data }));
  }

  dispatch(ids: string[]): void {
    for (const id of ids) void this.attempt(id);
  }

  /** Stops scheduling retries (pending deliveries stay PENDING in the log). */
  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private async attempt(id: string): Promise<void> {
    try {
      const target = await this.repo.target(id);
      if (!target || this.closed) return;
      const number = target.attempts + 1;
      const started = Date.now();
      const { statusCode, error } = await this.post(id, target.url, target.secret, target.body);
      const attempt: WebhookAttempt = { number, at: new Date(started), statusCode, error, durationMs: Date.now() - started };
      const done = error === null;
      const last = !done && number >= this.settings.maxAttempts;
      await this.repo.recordAttempt(id, attempt, done ? DeliveryStatus.DELIVERED : last ? DeliveryStatus.FAILED : DeliveryStatus.PENDING);
      if (done || last || this.closed) return;
      const timer = setTimeout(() => { this.timers.delete(timer); void this.attempt(id); }, retryDelay(number, this.settings.backoffMs));
      this.timers.add(timer);
    } catch (e) {
      if (!this.closed) log.warn({ err: (e as Error).message, delivery: id }, 'A webhook delivery could not be attempted');
    }
  }

  private post(id: string, urlText: string, secret: string, body: string): Promise<{ statusCode: number | null; error: string | null }> {
    const url = new URL(urlText);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    // A literal address is never looked up, so the lookup guard would not see it: checked here.
    if (net.isIP(host) && !this.policy.permits(host)) return Promise.resolve({ statusCode: null, error: `${host} is not an allowed address` });
    const timestamp = new Date();
    const headers = {
      'content-type': 'application/json', 'user-agent': 'modelgraph-webhooks',
      'webhook-id': id, 'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': new Signer(secret).sign(id, timestamp, body),
    };
    const client = url.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      const req = client.request(url, { method: 'POST', headers, lookup: this.policy.guardedLookup, timeout: this.settings.timeoutMs }, (res) => {
        res.resume(); // the answer's body is not read, only drained
        const status = res.statusCode ?? 0;
        // A redirect is a failure: following it could lead anywhere, the address checks included.
        resolve({ statusCode: status, error: status >= 200 && status < 300 ? null : `HTTP ${status}` });
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.settings.timeoutMs} ms`)));
      req.on('error', (e) => resolve({ statusCode: null, error: e.message }));
      req.end(body);
    });
  }
}
