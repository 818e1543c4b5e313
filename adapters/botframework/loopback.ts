import { BlockList, isIPv4, isIPv6 } from 'node:net';

const loopbackIPv6 = new BlockList();
loopbackIPv6.addAddress('::1', 'ipv6');

/**
 * True for 127.0.0.0/8, ::1 and IPv4-mapped loopback (::ffff:127.x.x.x), the forms `req.socket.remoteAddress`
 * takes for a client on this machine. Without credentials, Bot Framework authenticates nothing, so only such
 * clients (the Emulator, tests) may call the bot.
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const unmapped = address.toLowerCase().startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  if (isIPv4(unmapped)) return unmapped.split('.')[0] === '127';
  return isIPv6(address) && loopbackIPv6.check(address, 'ipv6');
}
