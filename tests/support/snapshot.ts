// A digest of every table's rows, to prove that an operation changed nothing (or reproduced everything).
import { adminQuery } from './database';

export async function snapshot(database: string, exclude: string[] = []): Promise<Record<string, string>> {
  const { rows: tables } = await adminQuery<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE '\\_%' ORDER BY 1`,
    [],
    database,
  );
  const out: Record<string, string> = {};
  for (const { table_name } of tables.filter((t) => !exclude.includes(t.table_name))) {
    const { rows } = await adminQuery<{ n: number; digest: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${table_name}" t`,
      [],
      database,
    );
    out[table_name] = `${rows[0]!.n}:${rows[0]!.digest}`;
  }
  return out;
}
