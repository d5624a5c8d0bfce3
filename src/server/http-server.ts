/**
 * The HTTP transport: restify, routes and nothing else. Handlers arrive through the constructor,
 * so this file knows nothing about the database or Teams.
 */
import type { Server as NodeHttpServer } from 'node:http';
import restify, { type Server, type Request, type Response } from 'restify';
import type { Logger } from '../logging/logger';
import { InFlightRequests } from './in-flight-requests';

export interface HealthReport {
  readonly healthy: boolean;
  /** Each check's outcome as a fixed word ('ok', 'behind', ...), never an error's text. */
  readonly checks: Readonly<Record<string, string>>;
}

export type RouteHandler = (req: Request, res: Response) => Promise<void>;

export interface HttpServerDeps {
  readonly log: Logger;
  /** Readiness, whether this instance can serve: GET /readyz (and /healthz, its older name). */
  readonly health: () => Promise<HealthReport>;
  /** POST /api/messages: the Bot Framework's messages endpoint. */
  readonly messages: RouteHandler;
  /** The largest request body read (413 beyond it): /api/messages is the only route that takes one. */
  readonly maxBodyBytes: number;
  /** Further routes (the Scorecard tab and its API), each mounting its own paths. */
  readonly mounts?: readonly ((server: Server) => void)[];
  /** GET /metrics in Prometheus' text format; absent (METRICS_ENABLED=false), the path is a 404. */
  readonly metrics?: () => Promise<string>;
}

/** How a stop went: whether every request under way finished within the grace, and how many did not. */
export interface ServerClosed {
  readonly drained: boolean;
  readonly abandoned: number;
}

export class HttpServer {
  private readonly server: Server;
  private readonly inFlight = new InFlightRequests();
  private stopping = false;

  constructor(private readonly deps: HttpServerDeps) {
    this.server = restify.createServer({ name: 'council-performance-bot', handleUncaughtExceptions: false });
    this.server.pre((_req, res, next) => {
      this.inFlight.enter();
      res.once('close', () => this.inFlight.leave());
      if (this.stopping) {
        // A request on a connection opened before the stop: turned away, with the connection closed,
        // so the client (the Bot Framework retries) goes to another instance or tries again later.
        res.setHeader('connection', 'close');
        res.send(503, { error: 'The server is stopping; try again shortly.' });
        next(false);
        return;
      }
      next();
    });
    this.server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: deps.maxBodyBytes }));
    // Liveness: the process answers. A restart cures nothing a database outage causes, so this
    // never looks at the database; readiness does, and takes the instance out of rotation instead.
    this.server.get('/livez', async (_req, res) => {
      res.json(200, { status: 'ok' });
    });
    const ready = async (_req: Request, res: Response) => {
      const report = await deps.health().catch((error: unknown) => {
        // The reason goes to the log only: these paths are public, and an error's text can name
        // hosts, roles or SQL.
        deps.log.warn({ err: error }, 'readiness check failed');
        return { healthy: false, checks: { database: 'unavailable' } };
      });
      res.json(report.healthy ? 200 : 503, { status: report.healthy ? 'ok' : 'unavailable', ...report.checks });
    };
    this.server.get('/readyz', ready);
    this.server.get('/healthz', ready); // its name before /readyz, kept for existing probes
    this.server.post('/api/messages', deps.messages);
    const metrics = deps.metrics;
    if (metrics) {
      this.server.get('/metrics', async (_req, res) => {
        let body: string;
        try {
          body = await metrics();
        } catch (error) {
          // The outbox's gauges come from the database: a failed scrape, and the error's text stays in the log.
          deps.log.warn({ err: error }, 'metrics could not be read');
          res.send(503, { error: 'The metrics cannot be read now.' });
          return;
        }
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
        res.end(body);
      });
    }
    for (const mount of deps.mounts ?? []) mount(this.server);
  }

  /** Starts listening; port 0 picks a free port. Resolves with the port in use. */
  listen(port: number, host = '0.0.0.0'): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const address = this.server.address();
        this.deps.log.info({ port: address.port }, 'listening');
        resolve(address.port);
      });
    });
  }

  /**
   * Stops taking connections at once, lets the requests under way finish for up to `graceMs` (a
   * request arriving meanwhile on an open connection is answered 503), then closes every connection.
   */
  async close(graceMs: number): Promise<ServerClosed> {
    this.stopping = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    const http = this.server.server as NodeHttpServer;
    http.closeIdleConnections(); // kept-alive connections with nothing under way would hold close() open
    const deadline = Date.now() + graceMs;
    let drained = await this.inFlight.idle(graceMs);
    // A request pipelined behind the last one is read just after that one ends: answer it (503) too.
    await new Promise((resolve) => setImmediate(resolve));
    if (drained) drained = await this.inFlight.idle(Math.max(0, deadline - Date.now()));
    const abandoned = this.inFlight.size;
    http.closeAllConnections();
    await closed;
    return { drained, abandoned };
  }
}
