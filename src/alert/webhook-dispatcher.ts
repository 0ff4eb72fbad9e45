import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { Webhook as Signer } from 'standardwebhooks';
import { log } from '../common/log';
import { every, Stop } from '../common/periodic';
import { Tx } from '../db/db';
import { WebhookAddressPolicy } from './webhook-url';
import { DeliveryTarget, WebhookRepository } from './webhook.repository';
import { DeliveryStatus, eventType, WebhookAttempt, WebhookEvent } from './webhook.types';

export interface DispatchSettings { maxAttempts: number; backoffMs: number; timeoutMs: number }

/** The delay before retry n (1 = the first retry): exponential, with "equal jitter" so retries of many deliveries spread out. */
export function retryDelay(retry: number, backoffMs: number, random = Math.random): number {
  const ceiling = backoffMs * 2 ** (retry - 1);
  return ceiling / 2 + random() * (ceiling / 2);
}

/** Deliveries one sweep claims per statement, and statements per sweep: a sweep's work is bounded. */
const SWEEP_BATCH = 100;
const SWEEP_BATCHES = 10;
/** How long a claim outlives an attempt's time limit: past it, the instance that claimed is taken for gone. */
const LEASE_MARGIN_MS = 30_000;

/**
 * Webhook deliveries: enqueued in the transaction that made the event happen (so an event is
 * enqueued once, by the instance that made it), each with the time its next attempt is due, then
 * posted: signed per attempt (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature
 * = v1,base64 HMAC-SHA256 of `id.timestamp.body`), never following a redirect, retried with
 * backoff until a 2xx or `maxAttempts`, each attempt appended to the delivery's log.
 *
 * Every attempt starts with a claim in Neo4j (a lease, taken under the delivery's lock), so each
 * is made once however many instances try. The instance that enqueued attempts at once and keeps
 * a timer for the retries; a sweep (at start and every alert interval, on every instance) claims
 * what is due and not leased: the retries of an instance that stopped, or crashed mid-attempt
 * (once its lease ran out), are made by whichever instance sweeps first.
 */
export class WebhookDispatcher {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(private readonly repo: WebhookRepository, private readonly policy: WebhookAddressPolicy, private readonly settings: DispatchSettings,
              private readonly clock = () => Date.now()) {}

  /** In the caller's transaction: a delivery per webhook that wants `event`; dispatch the ids after the commit. */
  enqueue(tx: Tx, event: WebhookEvent, happened: { data: unknown; at: Date }[]): Promise<string[]> {
    const bodies = happened.map(({ data, at }) => JSON.stringify({ type: eventType(event), timestamp: at.toISOString(), data }));
    return this.repo.enqueue(tx, event, bodies, new Date(this.clock()));
  }

  dispatch(ids: string[]): void {
    void this.track(this.run(ids));
  }

  /** Claims and attempts the deliveries due now (a bounded number); how many it attempted. */
  async sweep(): Promise<number> {
    let attempted = 0;
    for (let i = 0; i < SWEEP_BATCHES && !this.closed; i++) {
      const due = await this.repo.due(new Date(this.clock()), SWEEP_BATCH);
      attempted += await this.track(this.run(due));
      if (due.length < SWEEP_BATCH) break;
    }
    return attempted;
  }

  /** Sweeps now and every `intervalMs` (0: at start only); returns how to stop. */
  startSweeping(intervalMs: number): Stop {
    if (intervalMs > 0) return every(intervalMs, 'webhook delivery sweep', () => this.sweep(), 0);
    const once = this.sweep().catch((e: unknown) => { log.warn({ err: (e as Error).message }, 'The webhook delivery sweep failed'); });
    return async () => { await once; };
  }

  /** Stops scheduling attempts and waits for those under way (their outcome is recorded, their lease released). */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.all([...this.inFlight]);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    return work;
  }

  /** Claims those of `ids` that are due and free, and attempts each; how many it claimed. */
  private async run(ids: string[]): Promise<number> {
    if (this.closed || !ids.length) return 0;
    try {
      const now = this.clock();
      const claim = randomUUID();
      const targets = await this.repo.claim(ids, new Date(now), claim, new Date(now + this.settings.timeoutMs + LEASE_MARGIN_MS));
      await Promise.all(targets.map((t) => this.attempt(t, claim)));
      return targets.length;
    } catch (e) {
      if (!this.closed) log.warn({ err: (e as Error).message, deliveries: ids.length }, 'Webhook deliveries could not be attempted; a later sweep tries again');
      return 0;
    }
  }

  private async attempt(target: DeliveryTarget, claim: string): Promise<void> {
    const number = target.attempts + 1;
    const started = this.clock();
    const { statusCode, error } = await this.post(target.id, target.url, target.secret, target.body);
    const attempt: WebhookAttempt = { number, at: new Date(started), statusCode, error, durationMs: this.clock() - started };
    const done = error === null;
    const last = !done && number >= this.settings.maxAttempts;
    const delay = done || last ? 0 : retryDelay(number, this.settings.backoffMs);
    const next = done || last ? null : new Date(this.clock() + delay);
    await this.repo.recordAttempt(target.id, claim, attempt, done ? DeliveryStatus.DELIVERED : last ? DeliveryStatus.FAILED : DeliveryStatus.PENDING, next);
    if (!next || this.closed) return;
    // The retry is due at `next`: this timer makes it then, unless a sweep (here or elsewhere) claimed it first.
    const timer = setTimeout(() => { this.timers.delete(timer); this.dispatch([target.id]); }, delay);
    this.timers.add(timer);
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
