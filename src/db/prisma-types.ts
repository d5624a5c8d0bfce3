import type { PrismaClient } from '../generated/prisma/client';

/**
 * What a repository runs its queries on: the root client or the client of an open transaction.
 * Repositories never reach for the root client themselves: on the embedded database a query on
 * the root client inside a transaction waits for the transaction to end, which never comes.
 */
export type Db = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
