import dns from 'node:dns';
import net from 'node:net';
import { BadInputError } from '../common/errors';

/**
 * Where a webhook may post: http or https only, and never to loopback, private, link-local or
 * other special-purpose addresses (a webhook must not become a way to reach the service's own
 * network) unless a configured range allows them (MODELGRAPH_WEBHOOK_ALLOW_NETWORKS). A name is
 * checked by every address it resolves to, when the webhook is created and again at each
 * connection (guardedLookup), so a name re-pointed later cannot slip through either.
 */
const SPECIAL_RANGES: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'], ['10.0.0.0', 8, 'ipv4'], ['100.64.0.0', 10, 'ipv4'], ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'], ['172.16.0.0', 12, 'ipv4'], ['192.0.0.0', 24, 'ipv4'], ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'], ['224.0.0.0', 4, 'ipv4'], ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'], ['::1', 128, 'ipv6'], ['fc00::', 7, 'ipv6'], ['fe80::', 10, 'ipv6'], ['ff00::', 8, 'ipv6'],
];

export class WebhookAddressPolicy {
  private readonly refused = new net.BlockList();
  private readonly allowed = new net.BlockList();

  constructor(allowNetworks: string[]) {
    for (const [address, bits, type] of SPECIAL_RANGES) this.refused.addSubnet(address, bits, type);
    for (const cidr of allowNetworks) {
      const [address, bits] = cidr.split('/');
      this.allowed.addSubnet(address, Number(bits), net.isIP(address) === 6 ? 'ipv6' : 'ipv4');
    }
  }

  /** Whether a connection to this address is allowed. IPv4-mapped IPv6 addresses are judged as IPv4. */
  permits(address: string): boolean {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    const ip = mapped ? mapped[1] : address;
    const type = net.isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    return this.allowed.check(ip, type) || !this.refused.check(ip, type);
  }

  /** The URL, checked (BAD_USER_INPUT naming `field` otherwise). */
  async check(input: string, field: string): Promise<URL> {
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      throw new BadInputError(`${field} must be an absolute http or https URL.`, field);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new BadInputError(`${field} must use http or https.`, field);
    if (url.username || url.password) throw new BadInputError(`${field} must not hold credentials: the signature authenticates.`, field);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    let addresses: string[];
    try {
      addresses = net.isIP(host) ? [host] : (await dns.promises.lookup(host, { all: true })).map((a) => a.address);
    } catch {
      throw new BadInputError(`${field}: the host '${host}' does not resolve.`, field);
    }
    const bad = addresses.find((a) => !this.permits(a));
    if (bad) throw new BadInputError(`${field} reaches ${bad}, a loopback or private address: not allowed (MODELGRAPH_WEBHOOK_ALLOW_NETWORKS).`, field);
    return url;
  }

  /** A `lookup` for http.request that refuses, at connection time, an address the policy does not permit. */
  readonly guardedLookup: net.LookupFunction = (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as dns.LookupAddress[];
      const bad = list.find((a) => !this.permits(a.address));
      if (bad) return callback(Object.assign(new Error(`${hostname} resolves to ${bad.address}, a loopback or private address`), { code: 'EADDRNOTALLOWED' }), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}
