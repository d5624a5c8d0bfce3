/**
 * The Bot Connector service (the activity's serviceUrl): where the bot sends replies, proactive
 * messages and card updates, and where it reads a member's details. Every call must carry a bearer
 * token from the token authority stand-in, for the configured scope; anything else is refused and
 * recorded as unauthorised.
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
}

export class ConnectorStandIn {
  readonly calls: ConnectorCall[] = [];
  private readonly http = new HttpStandIn((request) => this.route(request));
  private readonly directory = new Map<string, DirectoryEntry>();
  private nextId = 1000;

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

  private async route(request: RecordedRequest): Promise<Reply> {
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
      this.calls.push({ kind: 'create', conversationId: id, activity: body.activity, authorised });
      if (!authorised) return { status: 401, body: { error: { code: 'Unauthorized' } } };
      return { status: 201, body: { id, activityId: String(this.nextId) } };
    }
    if (!conversationId) return { status: 404 };

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
      const activityId = kind === 'update' ? subId! : String(++this.nextId);
      this.calls.push({ kind, conversationId, activityId, activity, authorised });
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
