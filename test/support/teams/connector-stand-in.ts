/**
 * The Bot Connector service (the activity's serviceUrl): where the bot sends replies, proactive
 * messages and card updates, and where it reads a member's details. Every call must carry a bearer
 * token from the token authority stand-in, for the configured scope; anything else is refused and
 * recorded as unauthorised.
 *
 * For delivery tests it can also act as Teams under load (all off unless asked for):
 * - `limitRate(n)`: at most n accepted writes in any sliding second; beyond that 429 with
 *   Retry-After, as Teams' 50 requests per second per app. Refused requests do not count.
 * - `injectFault(...)`: answer chosen requests with 412, 503, 403 BotDisabledByAdmin, and so on.
 * - `latencyMs`: answer writes after a delay, as the real service does.
 * Refused requests go to `rejected`, never to `calls`, so `calls` is exactly what arrived.
 */
import { importJWK, jwtVerify, type JWK } from 'jose';
import { HttpStandIn, type RecordedRequest, type Reply } from './http-stand-in';

export interface DirectoryEntry {
  readonly id: string; // 29:...
  readonly name: string;
  readonly aadObjectId: string;
  readonly email: string;
}

export interface ConnectorCall {
  readonly kind: 'create' | 'send' | 'reply' | 'update' | 'member';
  readonly conversationId: string;
  readonly activityId?: string;
  readonly activity?: Record<string, unknown>;
  readonly authorised: boolean;
  /** When it arrived (ms since the epoch). */
  readonly at?: number;
}

/** A write the stand-in answered with an error instead of accepting it. */
export interface RejectedCall {
  readonly kind: 'create' | 'send' | 'reply' | 'update';
  readonly conversationId: string;
  readonly activity?: Record<string, unknown>;
  readonly status: number;
  readonly code?: string;
  readonly at: number;
}

export interface Fault {
  /** Which writes it applies to; all of them when absent. */
  readonly match?: (call: { kind: RejectedCall['kind']; conversationId: string; activity?: Record<string, unknown> }) => boolean;
  readonly status: number;
  /** The Bot Framework error code in the body, e.g. 'MessageWritesBlocked'. */
  readonly code?: string;
  readonly headers?: Record<string, string>;
  /** How many matching writes it answers (default 1). */
  readonly times?: number;
}

export class ConnectorStandIn {
  readonly calls: ConnectorCall[] = [];
  private readonly http = new HttpStandIn((request) => this.route(request));
  private readonly directory = new Map<string, DirectoryEntry>();
  private nextId = 1000;
  readonly rejected: RejectedCall[] = [];
  /** Answer writes this long after they arrive. */
  latencyMs = 0;
  private rateLimit: { perSecond: number; retryAfterSeconds: number; accepted: number[] } | null = null;
  private readonly faults: { fault: Fault; left: number }[] = [];

  constructor(
    private readonly authority: { publicJwk: JWK; issuer: string },
    private readonly audience: string,
  ) {}

  async start(): Promise<void> {
    await this.http.start();
  }

  /** The serviceUrl activities carry (with the trailing slash Teams uses). */
  get serviceUrl(): string {
    return `${this.http.baseUrl}/`;
  }

  addMember(entry: DirectoryEntry): void {
    this.directory.set(entry.id, entry);
  }

  /** Messages (sent, replied or created) in a conversation, in order. */
  messagesIn(conversationId: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.conversationId === conversationId && c.kind !== 'member' && c.activity).map((c) => c.activity!);
  }

  /** Accept at most `perSecond` writes in any sliding second; answer the rest 429 with Retry-After. */
  limitRate(perSecond: number, retryAfterSeconds = 1): void {
    this.rateLimit = { perSecond, retryAfterSeconds, accepted: [] };
  }

  injectFault(fault: Fault): void {
    this.faults.push({ fault, left: fault.times ?? 1 });
  }

  /** The most writes accepted within any one second (a sliding window over arrival times). */
  busiestSecond(): number {
    const times = this.calls.filter((c) => c.kind !== 'member' && c.authorised && c.at !== undefined).map((c) => c.at!).sort((a, b) => a - b);
    let most = 0;
    for (let first = 0, last = 0; last < times.length; last++) {
      while (times[last]! - times[first]! >= 1000) first++;
      most = Math.max(most, last - first + 1);
    }
    return most;
  }

  /** Decides whether a write is refused (rate limit, injected fault); null to accept it. */
  private refusal(kind: RejectedCall['kind'], conversationId: string, activity: Record<string, unknown> | undefined, at: number): Reply | null {
    const limit = this.rateLimit;
    if (limit) {
      while (limit.accepted.length > 0 && at - limit.accepted[0]! >= 1000) limit.accepted.shift();
      if (limit.accepted.length >= limit.perSecond) {
        this.rejected.push({ kind, conversationId, activity, status: 429, at });
        return { status: 429, headers: { 'retry-after': String(limit.retryAfterSeconds) }, body: { error: { code: 'Throttled', message: 'Too many requests' } } };
      }
    }
    const fault = this.faults.find((f) => f.left > 0 && (f.fault.match?.({ kind, conversationId, activity }) ?? true));
    if (fault) {
      fault.left--;
      const { status, code, headers } = fault.fault;
      this.rejected.push({ kind, conversationId, activity, status, code, at });
      return { status, headers, body: { error: { code: code ?? 'ServiceError', message: `stand-in fault ${status}` } } };
    }
    limit?.accepted.push(at);
    return null;
  }

  private async route(request: RecordedRequest): Promise<Reply> {
    const reply = await this.answer(request);
    if (this.latencyMs > 0 && request.method !== 'GET') await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    return reply;
  }

  private async answer(request: RecordedRequest): Promise<Reply> {
    const at = Date.now();
    // Conversation ids contain ':' and ';' and arrive percent-encoded: split first, then decode.
    const parts = request.path.split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
    const authorised = await this.verify(request.headers.authorization);
    const [v3, conversations, conversationId, sub, subId] = parts;
    if (v3 !== 'v3' || conversations !== 'conversations') return { status: 404 };

    if (request.method === 'POST' && !conversationId) {
      const body = request.body as { isGroup?: boolean; activity?: Record<string, unknown>; channelData?: { channel?: { id?: string } }; members?: { id: string }[] };
      const id = body.isGroup && body.channelData?.channel?.id
        ? `${body.channelData.channel.id};messageid=${++this.nextId}`
        : `a:personal-${body.members?.[0]?.id ?? 'unknown'}`;
      if (authorised) {
        const refused = this.refusal('create', id, body.activity, at);
        if (refused) return refused;
      }
      this.calls.push({ kind: 'create', conversationId: id, activity: body.activity, authorised, at });
      if (!authorised) return { status: 401, body: { error: { code: 'Unauthorized' } } };
      return { status: 201, body: { id, activityId: String(this.nextId) } };
    }
    if (!conversationId) return { status: 404 };

    if (request.method === 'GET' && sub === 'pagedmembers') {
      // The team's roster: everyone in the directory is a member of every team here.
      this.calls.push({ kind: 'member', conversationId, authorised });
      if (!authorised) return { status: 401 };
      const members = [...this.directory.values()].map((m) => ({ id: m.id, name: m.name, aadObjectId: m.aadObjectId, email: m.email, userPrincipalName: m.email }));
      return { status: 200, body: { members } };
    }
    if (request.method === 'GET' && sub === 'members' && subId) {
      this.calls.push({ kind: 'member', conversationId, authorised });
      if (!authorised) return { status: 401 };
      const member = this.directory.get(subId);
      if (!member) return { status: 404, body: { error: { code: 'MemberNotFoundInConversation' } } };
      return { status: 200, body: { id: member.id, name: member.name, aadObjectId: member.aadObjectId, email: member.email, userPrincipalName: member.email } };
    }
    if (sub === 'activities') {
      const activity = request.body as Record<string, unknown>;
      const kind = request.method === 'PUT' ? 'update' : subId ? 'reply' : 'send';
      if (authorised) {
        const refused = this.refusal(kind, conversationId, activity, at);
        if (refused) return refused;
      }
      const activityId = kind === 'update' ? subId! : String(++this.nextId);
      this.calls.push({ kind, conversationId, activityId, activity, authorised, at });
      if (!authorised) return { status: 401, body: { error: { code: 'Unauthorized' } } };
      return { status: kind === 'update' ? 200 : 201, body: { id: activityId } };
    }
    return { status: 404 };
  }

  private async verify(header: string | string[] | undefined): Promise<boolean> {
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : null;
    if (!token) return false;
    try {
      const key = await importJWK(this.authority.publicJwk, 'RS256');
      await jwtVerify(token, key, { issuer: this.authority.issuer, audience: this.audience });
      return true;
    } catch {
      return false;
    }
  }

  stop(): Promise<void> {
    return this.http.stop();
  }
}
