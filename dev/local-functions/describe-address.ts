import type { AddressInfo } from 'node:net';

/** Loopback addresses (127.0.0.0/8, ::1) reach only this machine. */
export function isLoopback(address: string): boolean {
  return address === '::1' || address === 'localhost' || /^(::ffff:)?127\./.test(address);
}

/**
 * A URL that curl or a browser on this machine can open. The unspecified address (0.0.0.0, ::)
 * binds every interface but is not an address to connect to; loopback reaches it.
 */
export function describeReachableUrl({ address, family, port }: AddressInfo, scheme: 'http' | 'https' = 'http'): string {
  const host = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address;
  return `${scheme}://${family === 'IPv6' ? `[${host}]` : host}:${port}`;
}
