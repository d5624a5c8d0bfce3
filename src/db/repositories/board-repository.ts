import type { Db } from '../prisma-types';

/** The outbox purpose of a thread's first message. */
export const BOARD_THREAD_PURPOSE = 'board-thread';

export interface BoardChannelRecord {
  readonly teamId: string;
  readonly channelId: string;
  readonly serviceUrl: string;
  readonly tenantId: string | null;
  readonly setById: string | null;
  readonly setAt: Date;
}

export interface BoardThreadRecord {
  readonly id: string;
  readonly indicatorId: string;
  readonly period: string;
  readonly channelId: string;
  readonly outboxMessageId: string;
  readonly status: string;
  readonly createdAt: Date;
}

export type NewBoardThread = Omit<BoardThreadRecord, 'id' | 'createdAt'>;

export interface CommentaryRecord {
  readonly id: string;
  readonly threadId: string;
  readonly teamsMessageId: string;
  readonly authorId: string | null;
  readonly authorName: string;
  readonly authorAadObjectId: string | null;
  readonly text: string;
  /** The period the reply was about (its exception's latest when posted); null before exceptions. */
  readonly period: string | null;
  readonly postedAt: Date;
}

export type NewCommentary = Omit<CommentaryRecord, 'id' | 'period'> & { readonly period?: string | null };

/** The Performance Board's channel, its indicator threads and the commentary posted in them. */
export class BoardRepository {
  constructor(private readonly db: Db) {}

  channel(): Promise<BoardChannelRecord | null> {
    return this.db.boardChannel.findUnique({ where: { id: 'board' } });
  }

  setChannel(channel: BoardChannelRecord): Promise<BoardChannelRecord> {
    return this.db.boardChannel.upsert({ where: { id: 'board' }, create: { id: 'board', ...channel }, update: channel });
  }

  /** Records threads not recorded before (one per indicator and period); returns how many were new. */
  async addThreads(threads: readonly NewBoardThread[]): Promise<number> {
    if (threads.length === 0) return 0;
    const result = await this.db.boardThread.createMany({ data: [...threads], skipDuplicates: true });
    return result.count;
  }

  threadsFor(period: string): Promise<BoardThreadRecord[]> {
    return this.db.boardThread.findMany({ where: { period }, orderBy: { createdAt: 'asc' } });
  }

  thread(indicatorId: string, period: string): Promise<BoardThreadRecord | null> {
    return this.db.boardThread.findUnique({ where: { indicatorId_period: { indicatorId, period } } });
  }

  threadsByIds(ids: readonly string[]): Promise<BoardThreadRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.boardThread.findMany({ where: { id: { in: [...ids] } } });
  }

  threadsOfIndicator(indicatorId: string): Promise<BoardThreadRecord[]> {
    return this.db.boardThread.findMany({ where: { indicatorId }, orderBy: { createdAt: 'asc' } });
  }

  /**
   * The thread a reply belongs to: replies arrive in the conversation "<channel>;messageid=<root>",
   * which is the conversation the outbox recorded when it started the thread.
   */
  async threadByConversation(conversationId: string): Promise<BoardThreadRecord | null> {
    const sent = await this.db.outboxMessage.findFirst({ where: { sentConversationId: conversationId, purpose: BOARD_THREAD_PURPOSE }, select: { id: true } });
    if (!sent) return null;
    return this.db.boardThread.findUnique({ where: { outboxMessageId: sent.id } });
  }

  /** Stores a reply once: false when this Teams message was stored before (a replayed activity). */
  async addCommentary(commentary: NewCommentary): Promise<boolean> {
    const result = await this.db.boardCommentary.createMany({ data: [commentary], skipDuplicates: true });
    return result.count === 1;
  }

  /**
   * Takes a leaver out of the Board's commentary through the database's anonymise_commentary_author():
   * their replies' author name becomes `placeholder` and their Entra id is cleared, and each of
   * `texts` (their name, email and Entra id as they were) becomes `placeholder` wherever it appears
   * in a reply. Rows, threads and times stay. Only the schema's owner may call it. Returns how many
   * replies changed.
   */
  async anonymiseAuthor(personId: string, placeholder: string, texts: readonly string[]): Promise<number> {
    const [row] = await this.db.$queryRaw<{ changed: number }[]>`
      SELECT anonymise_commentary_author(${personId}, ${placeholder}, ${[...texts]}::text[]) AS changed`;
    return Number(row?.changed ?? 0);
  }

  commentaryFor(threadIds: readonly string[]): Promise<CommentaryRecord[]> {
    if (threadIds.length === 0) return Promise.resolve([]);
    return this.db.boardCommentary.findMany({ where: { threadId: { in: [...threadIds] } }, orderBy: [{ postedAt: 'asc' }, { id: 'asc' }] });
  }
}
