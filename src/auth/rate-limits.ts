import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../common/errors';
import { RateLimitSettings } from './auth-config';

/** The window in which a key's burst allowance (MODELGRAPH_RATE_BURST) is replenished. */
const BURST_WINDOW_S = 10;

/**
 * The two buckets in front of the API when auth is on: requests per key (a steady rate plus a
 * burst allowance), and failed authentications per source address. The failure bucket is what
 * keeps a flood of random keys from costing a Neo4j lookup each: once a source has spent it,
 * its keys are refused with 429 before they are looked up (keys already in the cache still pass).
 *
 * rate-limiter-flexible rather than hand-written buckets: it is maintained and widely used, gets
 * the expiry of idle keys right (memory stays bounded by the keys seen in a window), computes
 * Retry-After, and has a Redis store with the same API for when several instances must share
 * the counts.
 */
export class AuthRateLimits {
  private readonly perKey?: BurstyRateLimiter;
  private readonly failures: RateLimiterMemory;

  constructor(private readonly settings: RateLimitSettings) {
    if (settings.perSecond > 0) {
      this.perKey = new BurstyRateLimiter(
        new RateLimiterMemory({ keyPrefix: 'key', points: settings.perSecond, duration: 1 }),
        new RateLimiterMemory({ keyPrefix: 'key-burst', points: Math.max(settings.burst, 1), duration: BURST_WINDOW_S }));
    }
    this.failures = new RateLimiterMemory({ keyPrefix: 'auth-failures', points: settings.failuresPerMinute, duration: 60 });
  }

  /** Counts one request of a key: RATE_LIMITED once it is past its rate and burst. */
  async request(keyId: string): Promise<void> {
    if (!this.perKey) return;
    try {
      await this.perKey.consume(keyId);
    } catch (e) {
      throw limited(e, `This API key is over its rate limit (${this.settings.perSecond} requests per second, MODELGRAPH_RATE_LIMIT); slow down.`);
    }
  }

  /** Refuses, before any lookup, a source that has used up its failed authentications. */
  async checkSource(source: string | undefined): Promise<void> {
    if (source === undefined) return;
    const res = await this.failures.get(source);
    if (res && res.consumedPoints >= this.settings.failuresPerMinute) {
      throw limited(res, 'Too many failed authentications from this address; wait before trying again.');
    }
  }

  /** Counts a failed authentication (unknown, revoked or expired key) against its source. */
  async failed(source: string | undefined): Promise<void> {
    if (source !== undefined) await this.failures.penalty(source, 1);
  }
}

function limited(rejection: unknown, message: string): RateLimitedError {
  if (!(rejection instanceof RateLimiterRes)) throw rejection; // the store failed: not the client's doing
  return new RateLimitedError(message, rejection.msBeforeNext / 1000);
}
