/**
 * npm run db:drift: fails if prisma/migrations does not build exactly prisma/schema.prisma, printing
 * the SQL a new migration would need. Run by the test suite, so a schema change without its
 * migration never lands.
 */
import { openSchemaEngine, pendingSchemaChange } from './schema-engine';

async function main(): Promise<void> {
  const { engine, close } = await openSchemaEngine();
  try {
    const sql = await pendingSchemaChange(engine);
    if (sql) {
      console.error('prisma/schema.prisma has changes that no migration makes. Run: npm run db:migration:new -- <name>\n');
      console.error(sql);
      process.exitCode = 1;
    } else {
      console.log('prisma/migrations and prisma/schema.prisma agree.');
    }
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
