import { connectPglite } from './connect.js';
import { runMigrations } from './migrate.js';
import { resultRows } from './mapper.js';

describe('migrations on PGlite', () => {
  it('apply to an empty embedded database and create the partitioned tables', async () => {
    const connection = await connectPglite(null);
    try {
      await runMigrations(connection);
      const result = await connection.db.execute(
        "SELECT relname FROM pg_class WHERE relkind = 'p' ORDER BY relname",
      );
      const names = resultRows<{ relname: string }>(result).map((row) => row.relname);
      expect(names).toEqual(['decision_runs', 'decision_traces', 'interactions']);
    } finally {
      await connection.close();
    }
  }, 60_000);
});
