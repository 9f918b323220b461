import net from 'node:net';

/**
 * Preloaded (`node --import`) into the packaging process by its test: any attempt to use the
 * network, by fetch or by a socket, fails loudly, so a passing run proves validation is offline.
 */
function blocked(): never {
  process.stderr.write('NETWORK USE BLOCKED\n');
  throw new Error('network use is blocked in this test');
}
globalThis.fetch = blocked;
net.Socket.prototype.connect = blocked;
