/**
 * The HTTP transport: restify, routes and nothing else. Handlers arrive through the constructor,
 * so this file knows nothing about the database or Teams.
 */
import restify, { type Server, type Request, type Response } from 'restify';
import type { Logger } from '../logging/logger';

export interface HealthReport {
  readonly healthy: boolean;
  readonly checks: Readonly<Record<string, string>>;
}

export type RouteHandler = (req: Request, res: Response) => Promise<void>;

export interface HttpServerDeps {
  readonly log: Logger;
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
    this.server.get('/healthz', async (_req, res) => {
      const report = await deps.health().catch((error: Error) => ({ healthy: false, checks: { error: error.message } }));
      res.json(report.healthy ? 200 : 503, { status: report.healthy ? 'ok' : 'unhealthy', ...report.checks });
    });
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
