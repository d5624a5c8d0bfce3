/**
 * The HTTP server's stop: the turns under way finish, a request arriving on a connection opened
 * before the stop is answered 503, no new connection is taken, and a turn that outlasts the grace
 * is cut off rather than holding the process.
 */
import net from 'node:net';
import pino from 'pino';
import { HttpServer } from '../../../src/server/http-server';

const log = pino({ level: 'silent' });

/** A server whose GET /slow answers only when the test lets it. */
function serverWithSlowRoute() {
  let entered!: () => void;
  const inSlow = new Promise<void>((resolve) => (entered = resolve));
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const server = new HttpServer({
    log,
    health: async () => ({ healthy: true, checks: {} }),
    messages: async (_req, res) => void res.send(200),
    maxBodyBytes: 64 * 1024,
    mounts: [(s) => s.get('/slow', async (_req, res) => {
      entered();
      await finished;
      res.send(200, { slow: 'done' });
    })],
  });
  return { server, inSlow, finish };
}

/** Sends raw HTTP/1.1 on one kept-alive connection and collects everything read until it closes. */
function rawConnection(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString()));
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  socket.on('error', () => {});
  return { get: (path: string) => socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n`), closed };
}

describe('HttpServer.close', () => {
  it('lets the request under way finish, answers 503 to one arriving on its open connection, and takes no new connection', async () => {
    const { server, inSlow, finish } = serverWithSlowRoute();
    const port = await server.listen(0, '127.0.0.1');
    const connection = rawConnection(port);
    connection.get('/slow');
    await inSlow;

    const closing = server.close(10_000);
    connection.get('/healthz'); // pipelined behind /slow on the same connection, after the stop began
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    finish();

    expect(await closing).toEqual({ drained: true, abandoned: 0 });
    const statuses = [...(await connection.closed).matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
    expect(statuses).toEqual([200, 503]);
  });

  it('cuts off a request still under way when the grace runs out, and says so', async () => {
    const { server, inSlow, finish } = serverWithSlowRoute();
    const port = await server.listen(0, '127.0.0.1');
    const connection = rawConnection(port);
    connection.get('/slow');
    await inSlow;

    expect(await server.close(200)).toEqual({ drained: false, abandoned: 1 });
    expect(await connection.closed).toBe(''); // the connection was closed with no answer
    finish();
  });

  it('serves GET /metrics only when given the metrics', async () => {
    const withMetrics = new HttpServer({
      log, health: async () => ({ healthy: true, checks: {} }), messages: async (_req, res) => void res.send(200), maxBodyBytes: 64 * 1024,
      metrics: async () => '# TYPE up gauge\nup 1\n',
    });
    const without = new HttpServer({ log, health: async () => ({ healthy: true, checks: {} }), messages: async (_req, res) => void res.send(200), maxBodyBytes: 64 * 1024 });
    const [a, b] = [await withMetrics.listen(0, '127.0.0.1'), await without.listen(0, '127.0.0.1')];
    try {
      const served = await fetch(`http://127.0.0.1:${a}/metrics`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(await served.text()).toBe('# TYPE up gauge\nup 1\n');
      expect((await fetch(`http://127.0.0.1:${b}/metrics`)).status).toBe(404);
    } finally {
      await Promise.all([withMetrics.close(1_000), without.close(1_000)]);
    }
  });
});
