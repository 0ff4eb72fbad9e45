import crypto from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';

/** One request a receiver got, with whether its Standard Webhooks signature verified. */
export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  verified: boolean;
  status: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/**
 * A local webhook endpoint. It verifies each request as the Standard Webhooks spec describes, by
 * hand (not with the library the service signs with): HMAC-SHA256, keyed with the base64-decoded
 * part of the secret after `whsec_`, over `${webhook-id}.${webhook-timestamp}.${body}`, compared
 * with each `v1,<base64>` entry of the space-separated webhook-signature header. It answers
 * `status(n)` for the n-th request (1-based), 204 by default. On `port` when given (a receiver
 * back up where one was down), else on a free one.
 */
export async function startReceiver(secret: () => string, status: (n: number) => number = () => 204, port = 0): Promise<Receiver> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const id = String(req.headers['webhook-id']);
      const timestamp = String(req.headers['webhook-timestamp']);
      const signature = String(req.headers['webhook-signature']);
      const key = Buffer.from(secret().replace(/^whsec_/, ''), 'base64');
      const expected = crypto.createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
      const verified = signature.split(' ').some((s) => s === `v1,${expected}`);
      const answer = status(received.length + 1);
      received.push({ id, timestamp, signature, body, verified, status: answer });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
