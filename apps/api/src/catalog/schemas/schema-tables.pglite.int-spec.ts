import { setLogLevel } from '../../common/logging/logger.js';
import { connectPglite } from '../../database/connect.js';
import type { DatabaseConnection } from '../../database/database.types.js';
import { runMigrations } from '../../database/migrate.js';
import { tenantSchemaName } from '../../database/tenant-schema.js';
import type { SchemaField } from './schema-fields.js';
import { parseRows } from './schema-rows.js';
import { type SchemaTable, SchemaTablesRepository } from './schema-tables.repository.js';

// PGlite takes a few seconds to start; jest's 5 s default is too short on a busy machine.
jest.setTimeout(60_000);

/** The raw SQL of ds_ tables on the embedded PGlite database (PostgreSQL 18). */
describe('schema tables on PGlite', () => {
  const tenantId = '7c1e2b3c-4d5e-4f60-8172-839405a6b7c8';
  const table: SchemaTable = { schemaName: tenantSchemaName(tenantId), tableName: 'ds_people' };
  const fields: SchemaField[] = [
    { name: 'id', type: 'integer', nullable: false },
    { name: 'default', type: 'text', nullable: true },
    { name: 'user', type: 'json', nullable: true },
    { name: 'seen', type: 'timestamp', nullable: true },
    { name: 'born', type: 'date', nullable: true },
    { name: 'balance', type: 'decimal', nullable: true },
  ];
  const primaryKey: SchemaField = { name: 'id', type: 'integer', nullable: false };
  let connection: DatabaseConnection;
  let tables: SchemaTablesRepository;

  beforeAll(async () => {
    setLogLevel(process.env.TEST_LOG_LEVEL ?? 'error');
    connection = await connectPglite(null);
    await runMigrations(connection);
    await connection.execScript(`CREATE SCHEMA "${table.schemaName}"`);
    tables = new SchemaTablesRepository(connection.db);
    await tables.create(table, fields, 'id');
  });

  afterAll(async () => {
    await connection.close();
  });

  it('upserts rows and reads them back in key order with typed values', async () => {
    const parsed = parseRows(fields, [
      {
        id: 2,
        default: 'two',
        user: { a: [1] },
        seen: '2026-12-04T10:00:00+01:00',
        born: '2000-01-31',
        balance: '10.50',
      },
      { id: '1', default: 'one' },
    ]);
    expect(parsed.rejected).toEqual([]);
    await connection.db.transaction((tx) =>
      tables.upsertRows(table, fields, 'id', parsed.rows, tx),
    );
    await tables.upsertRows(
      table,
      fields,
      'id',
      parseRows(fields, [{ id: 1, default: 'uno' }]).rows,
    );

    const rows = await tables.listRows(table, primaryKey, 10, null);
    expect(rows.map((row) => row.cursorKey)).toEqual(['1', '2']);
    expect(rows[0]?.values).toEqual({
      id: 1,
      default: 'uno',
      user: null,
      seen: null,
      born: null,
      balance: null,
    });
    expect(rows[1]?.values).toMatchObject({ user: { a: [1] }, born: '2000-01-31', balance: 10.5 });
    expect(new Date(String(rows[1]?.values.seen)).toISOString()).toBe('2026-12-04T09:00:00.000Z');
    expect(await tables.countRows(table)).toBe(2);
  });

  it('continues after a cursor key and finds one row by key', async () => {
    const after = await tables.listRows(table, primaryKey, 10, '1');
    expect(after.map((row) => row.cursorKey)).toEqual(['2']);
    const found = await tables.findRow(table, primaryKey, '2');
    expect(found?.values.default).toBe('two');
    expect(await tables.findRow(table, primaryKey, '3')).toBeNull();
  });

  it('adds columns and drops the table', async () => {
    await tables.addColumns(table, [{ name: 'select', type: 'boolean', nullable: true }]);
    const withColumn = [...fields, { name: 'select', type: 'boolean' as const, nullable: true }];
    await tables.upsertRows(table, withColumn, 'id', [
      { ...parseRows(fields, { id: 5 }).rows[0], select: true },
    ]);
    expect((await tables.findRow(table, primaryKey, '5'))?.values.select).toBe(true);
    await tables.drop(table);
    await expect(tables.countRows(table)).rejects.toThrow();
  });
});
