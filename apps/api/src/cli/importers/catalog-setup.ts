import type { CliApiClient } from '../api-client.js';

interface Listed {
  id: string;
  key: string;
}

/** Finds a catalog entity by key, creating it when it does not exist; returns its id. */
export async function ensureCatalogEntity(
  client: CliApiClient,
  collection: 'offers' | 'channels' | 'categories' | 'schemas',
  body: { key: string } & Record<string, unknown>,
): Promise<{ id: string; created: boolean }> {
  const existing = await findByKey(client, collection, body.key);
  if (existing) {
    return { id: existing.id, created: false };
  }
  const created = await client.request<Listed>('POST', `/api/v1/${collection}`, body);
  return { id: created.body.id, created: true };
}

async function findByKey(
  client: CliApiClient,
  collection: string,
  key: string,
): Promise<Listed | null> {
  const query = new URLSearchParams({ q: key, limit: '200' });
  const page = await client.request<{ data: Listed[] }>(
    'GET',
    `/api/v1/${collection}?${query.toString()}`,
  );
  return page.body.data.find((entity) => entity.key === key) ?? null;
}
