import type { PGlite } from '@electric-sql/pglite';

import type { SchemaTableInfo } from '../catalog/index.js';
import { setLogLevel } from '../common/logging/logger.js';
import { connectPglite } from '../database/connect.js';
import type { DatabaseConnection } from '../database/database.types.js';
import { runMigrations } from '../database/migrate.js';
import { compileConditions, type ConditionField } from './segment-conditions.js';
import { segmentViewNames } from './segment-view-names.js';
import { SegmentViewsRepository } from './segment-views.repository.js';
import { SegmentViewsService } from './segment-views.service.js';
import {
  createCustomerSchema,
  CUSTOMER_FIELDS,
  insertCustomers,
  type SqlRunner,
} from './testing/customer-table.js';

// PGlite takes a few seconds to start; jest's 5 s default is too short on a busy machine.
jest.setTimeout(60_000);

/** Segment view DDL on the embedded PGlite database: build, swap, refresh concurrently. */
describe('segment views on PGlite', () => {
  const tenantId = '5a1e2b3c-4d5e-4f60-8172-839405a6b7c8';
  const segmentId = '9f8e7d6c-5b4a-4321-8fed-cba987654321';
  let connection: DatabaseConnection;
  let run: SqlRunner;
  let service: SegmentViewsService;
  const base: SchemaTableInfo = {
    id: 'schema',
    key: 'customers',
    name: 'Customers',
    entityType: 'customer',
    tableName: `"tenant_5a1e2b3c4d5e"."ds_customers"`,
    schemaName: 'tenant_5a1e2b3c4d5e',
    table: 'ds_customers',
    fields: [],
    primaryKeyField: 'customer_id',
  };
  const fields = CUSTOMER_FIELDS as ConditionField[];

  beforeAll(async () => {
    setLogLevel(process.env.TEST_LOG_LEVEL ?? 'error');
    connection = await connectPglite(null);
    await runMigrations(connection);
    const client = (connection.db as unknown as { $client: PGlite }).$client;
    run = async (text, params) => client.query<Record<string, unknown>>(text, params);
    await createCustomerSchema(run, tenantId);
    await insertCustomers(run, tenantId, [
      { customerId: 'c1', country: 'DE', age: 40, tier: 'gold' },
      { customerId: 'c2', country: "x' OR '1'='1", age: 22 },
      { customerId: 'c3', country: 'FR', age: 31, prefs: { tags: ['b'] } },
    ]);
    service = new SegmentViewsService(new SegmentViewsRepository(connection.db));
  });

  afterAll(async () => {
    await connection.close();
  });

  async function rebuild(conditions: unknown[]): Promise<string[]> {
    const built = await service.buildTemporary({
      tenantId,
      segmentId,
      base,
      conditions: compileConditions(conditions, fields).compiled,
    });
    await connection.db.transaction(async (tx) => {
      await service.swapIn(built, tx);
    });
    const names = segmentViewNames(tenantId, segmentId);
    const rows = await run(`SELECT customer_id FROM "${names.schema}"."${names.view}" ORDER BY 1`);
    return rows.rows.map((row) => String(row.customer_id));
  }

  it('builds and swaps views for typed conditions', async () => {
    expect(await rebuild([{ field: 'age', operator: '>', value: 30 }])).toEqual(['c1', 'c3']);
    expect(await rebuild([{ field: 'country', operator: '=', value: "x' OR '1'='1" }])).toEqual([
      'c2',
    ]);
    expect(await rebuild([{ field: 'country', operator: 'not_in', value: ['DE', 'FR'] }])).toEqual([
      'c2',
    ]);
    expect(
      await rebuild([{ field: 'prefs', operator: 'contains', value: { tags: ['b'] } }]),
    ).toEqual(['c3']);
    expect(await rebuild([{ field: 'default', operator: 'is_not_null' }])).toEqual(['c1']);
  });

  it('refreshes concurrently and counts the customers', async () => {
    await rebuild([{ field: 'age', operator: '>=', value: 18 }]);
    await insertCustomers(run, tenantId, [{ customerId: 'c4', age: 50 }]);
    expect(await service.refresh(tenantId, segmentId)).toBe(4);
    const leftovers = await run(
      `SELECT relname FROM pg_class WHERE relname LIKE 'seg\\_%' ORDER BY 1`,
    );
    expect(leftovers.rows.map((row) => row.relname)).toEqual([
      'seg_9f8e7d6c5b4a',
      'seg_9f8e7d6c5b4a_customer_uq',
    ]);
  });
});
