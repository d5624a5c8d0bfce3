/**
 * The HTTP transport: restify, routes and nothing else. Handlers arrive through the constructor,
 * so this file knows nothing about the database or Teams.
 */
import restify, { type Server, type Request, type Response } from 'restify';
import type { Logger } from '../logging/logger';

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
}

export class HttpServer {
  private readonly server: Server;

  constructor(private readonly deps: HttpServerDeps) {
    this.server = restify.createServer({ name: 'council-performance-bot', handleUncaughtExceptions: false });
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

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
