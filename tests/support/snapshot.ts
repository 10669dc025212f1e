// A digest of every table's rows, to prove that an operation changed nothing (or reproduced everything).
// One connection and one statement for every table: the hostile suite takes two snapshots per case,
// and a connection and a round trip per table cost it a second a case.
import pg from 'pg';
import { urlFor } from './database';

export async function snapshot(database: string, exclude: string[] = []): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: urlFor(database) });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name NOT LIKE '\\_%' AND NOT (table_name = ANY($1)) ORDER BY 1`,
      [exclude],
    );
    if (!tables.length) return {};
    const { rows } = await client.query<{ name: string; n: number; digest: string | null }>(
      tables
        .map(
          ({ name }) =>
            `SELECT ${pg.escapeLiteral(name)} AS name, count(*)::int AS n,
                    md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${pg.escapeIdentifier(name)} t`,
        )
        .join('\nUNION ALL\n'),
    );
    return Object.fromEntries(rows.map((row) => [row.name, `${row.n}:${row.digest}`]));
  } finally {
    await client.end();
  }
}
