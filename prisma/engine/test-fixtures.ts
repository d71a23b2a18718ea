// Small throwaway migration histories for the engine tests, written under os.tmpdir()
// (never the project's real prisma/ folder).
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

export const GOOD_MIGRATIONS: Record<string, string> = {
  '20240101000000_init': `
CREATE TYPE "Kind" AS ENUM ('A', 'B');
CREATE TABLE "Item" ("id" SERIAL PRIMARY KEY, "name" TEXT NOT NULL, "kind" "Kind" NOT NULL DEFAULT 'A');
`,
  // A $$ body and a string with semicolons: the script must reach the database in one piece.
  '20240102000000_trigger': `
CREATE FUNCTION item_name_suffix() RETURNS trigger AS $$
BEGIN NEW."name" := NEW."name" || ';x'; RETURN NEW; END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER item_name_suffix BEFORE INSERT ON "Item" FOR EACH ROW EXECUTE FUNCTION item_name_suffix();
INSERT INTO "Item" ("name") VALUES ('a;b');
`,
}

/** Creates "Broken" and then fails: the whole migration must roll back and be recorded as failed. */
export const FAILING_MIGRATION: [string, string] = ['20240103000000_broken', `CREATE TABLE "Broken" ("id" INT);\nINSERT INTO "DoesNotExist" VALUES (1);\n`]

export const SCHEMA = `
datasource db {
  provider = "postgresql"
}

enum Kind {
  A
  B
}

model Item {
  id   Int    @id @default(autoincrement())
  name String
  kind Kind   @default(A)
}
`

export async function makeTempDir(prefix: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`))
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}

export async function writeMigrations(migrationsDir: string, migrations: Record<string, string>): Promise<void> {
  await mkdir(migrationsDir, { recursive: true })
  await writeFile(path.join(migrationsDir, 'migration_lock.toml'), 'provider = "postgresql"\n')
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(path.join(migrationsDir, name), { recursive: true })
    await writeFile(path.join(migrationsDir, name, 'migration.sql'), sql)
  }
}
