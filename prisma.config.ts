// Prisma 7 reads its CLI settings from here. The datasource URL is only used by the Prisma CLI's
// own commands (for example `prisma migrate status` run by a council's DBA against PostgreSQL);
// the application opens its database through driver adapters (src/db/open-database.ts).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/postgres' },
});
