import { randomUUID } from 'node:crypto';
import type { Db } from '../prisma-types';

export interface NewReportPackFile {
  readonly name: string;
  readonly mediaType: string;
  readonly description: string;
  readonly bytes: Uint8Array;
}

export interface NewReportPack {
  /** The quarter's periodKey: "2026/27 Q2". */
  readonly quarter: string;
  readonly edition: string;
  readonly generatedAt: Date;
  readonly generatedById: string | null;
  readonly files: readonly NewReportPackFile[];
}

export interface ReportPackFileRecord {
  readonly name: string;
  readonly mediaType: string;
  readonly description: string;
  readonly size: number;
}

export interface ReportPackRecord {
  readonly id: string;
  readonly quarter: string;
  readonly edition: string;
  readonly generatedAt: Date;
  readonly generatedById: string | null;
  /** In the order the edition lists them. */
  readonly files: readonly ReportPackFileRecord[];
}

export interface StoredReportPackFile {
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

const fileSummary = { name: true, mediaType: true, description: true, size: true } as const;

/**
 * Generated quarterly report packs (#15), kept whole and never changed (the tables refuse UPDATE
 * and DELETE). `add` writes a pack's row and its files' rows; call it inside store.transaction so a
 * pack is stored whole or not at all.
 */
export class ReportPackRepository {
  constructor(private readonly db: Db) {}

  async add(pack: NewReportPack): Promise<ReportPackRecord> {
    if (pack.files.length === 0) throw new Error(`A report pack needs at least one file (${pack.quarter}, ${pack.edition}).`);
    const created = await this.db.reportPack.create({
      data: { quarter: pack.quarter, edition: pack.edition, generatedAt: pack.generatedAt, generatedById: pack.generatedById },
    });
    for (const [position, file] of pack.files.entries()) {
      // The bytes go as base64 text, decoded by the database: the embedded driver writes a bytea
      // parameter as hex a byte at a time in JavaScript, about a second for a public pack's 3 MB.
      await this.db.$executeRaw`
        INSERT INTO report_pack_file (id, pack_id, name, media_type, description, bytes, size, position)
        VALUES (${randomUUID()}, ${created.id}, ${file.name}, ${file.mediaType}, ${file.description},
                decode(${Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength).toString('base64')}, 'base64'),
                ${file.bytes.byteLength}, ${position})`;
    }
    return {
      ...created,
      files: pack.files.map((file) => ({ name: file.name, mediaType: file.mediaType, description: file.description, size: file.bytes.byteLength })),
    };
  }

  /** Every pack with its files' summaries (not their bytes), newest quarter first, then newest generated first. */
  async list(): Promise<ReportPackRecord[]> {
    const rows = await this.db.reportPack.findMany({
      orderBy: [{ generatedAt: 'desc' }, { id: 'asc' }],
      include: { files: { select: fileSummary, orderBy: { position: 'asc' } } },
    });
    // Quarter keys of the one form "2026/27 Q2" sort as text in time order.
    return rows.sort((a, b) => (a.quarter === b.quarter ? 0 : a.quarter < b.quarter ? 1 : -1));
  }

  async file(packId: string, name: string): Promise<StoredReportPackFile | null> {
    const row = await this.db.reportPackFile.findUnique({ where: { packId_name: { packId, name } }, select: { name: true, mediaType: true, bytes: true } });
    return row ? { name: row.name, mediaType: row.mediaType, bytes: new Uint8Array(row.bytes) } : null;
  }
}
