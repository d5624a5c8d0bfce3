/**
 * A PostgreSQL server that speaks TLS, for tests: a proxy in front of the test PostgreSQL that
 * answers the client's SSLRequest with 'S', ends TLS with a test certificate, and passes the
 * decrypted protocol on. Like a server whose pg_hba.conf has only `hostssl` lines, it refuses a
 * client that does not ask for TLS. (The real server's own TLS would need its configuration changed.)
 */
import net from 'node:net';
import tls from 'node:tls';

/** The PostgreSQL protocol's SSLRequest: length 8, then the code 1234.5679. */
const SSL_REQUEST_CODE = 80877103;

export interface TlsPostgresProxy {
  readonly port: number;
  /** TLS sessions that completed their handshake. */
  readonly tlsSessions: number;
  /** Connections refused for not asking for TLS. */
  readonly plainRefused: number;
  close(): Promise<void>;
}

export function startTlsPostgresProxy(
  listenHost: string,
  upstream: { host: string; port: number },
  certificate: { key: string; cert: string },
): Promise<TlsPostgresProxy> {
  const secureContext = tls.createSecureContext(certificate);
  const sockets = new Set<net.Socket>();
  let tlsSessions = 0;
  let plainRefused = 0;
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      if (head.length < 8) return;
      client.off('data', onData);
      if (head.readInt32BE(0) !== 8 || head.readInt32BE(4) !== SSL_REQUEST_CODE) {
        plainRefused++;
        client.destroy();
        return;
      }
      client.write('S');
      const secure = new tls.TLSSocket(client, { isServer: true, secureContext });
      secure.on('error', () => client.destroy());
      secure.once('secure', () => {
        tlsSessions++;
        const server = net.connect(upstream);
        sockets.add(server);
        server.on('close', () => (sockets.delete(server), secure.destroy()));
        server.on('error', () => secure.destroy());
        secure.on('close', () => server.destroy());
        secure.pipe(server).pipe(secure);
      });
    };
    client.on('data', onData);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, listenHost, () => {
      resolve({
        port: (server.address() as net.AddressInfo).port,
        get tlsSessions() {
          return tlsSessions;
        },
        get plainRefused() {
          return plainRefused;
        },
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
