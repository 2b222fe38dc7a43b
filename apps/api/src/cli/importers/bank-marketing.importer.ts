import * as fs from 'node:fs';

import { parse } from 'csv-parse';

import type { CliApiClient } from '../api-client.js';
import {
  BANK_CHANNELS,
  BANK_OFFER_KEY,
  BANK_SCHEMA_KEY,
  cleanColumnName,
  columnType,
  eventsOfRow,
} from './bank-marketing.mapping.js';
import { ensureCatalogEntity } from './catalog-setup.js';
import type { ImportProgress } from './import-progress.js';

const ROW_CHUNK = 1000;
const INTERACTION_CHUNK = 2000;

interface BatchAnswer {
  accepted: number;
  rejected: { index: number; field: string; value: unknown; reason: string }[];
}

export interface ImportSummary {
  rows: number;
  customersAccepted: number;
  interactionsAccepted: number;
  rejected: string[];
}

/**
 * Imports the UCI bank-marketing CSV: a customer schema with the CSV's
 * columns, the term_deposit offer, the cellular and telephone channels, and
 * an impression plus a response per row. Safe to run twice: rows upsert on
 * customer id and interactions carry idempotency keys.
 */
export async function importBankMarketing(params: {
  client: CliApiClient;
  file: string;
  today: Date;
  progress: ImportProgress;
}): Promise<ImportSummary> {
  const { client, file, today, progress } = params;
  const rows = await readCsv(file);
  if (rows.length === 0) {
    throw new Error(`${file} has no data rows`);
  }
  const schemaId = await setUpCatalog(client, Object.keys(rows[0]));
  const summary: ImportSummary = {
    rows: rows.length,
    customersAccepted: 0,
    interactionsAccepted: 0,
    rejected: [],
  };
  const events = rows.map((row, index) => eventsOfRow(row, index + 1, today));

  progress.start('customers', events.length);
  for (let start = 0; start < events.length; start += ROW_CHUNK) {
    const chunk = events.slice(start, start + ROW_CHUNK).map((event) => event.customerRow);
    const answer = await postBatch(client, `/api/v1/schemas/${schemaId}/rows`, chunk);
    summary.customersAccepted += answer.accepted;
    summary.rejected.push(...describeRejections(answer, start, 'customer row'));
    progress.advance(chunk.length);
  }
  progress.finish();

  const interactions = events.flatMap((event) => [event.impression, event.response]);
  progress.start('interactions', interactions.length);
  for (let start = 0; start < interactions.length; start += INTERACTION_CHUNK) {
    const chunk = interactions.slice(start, start + INTERACTION_CHUNK);
    const answer = await postBatch(client, '/api/v1/interactions', chunk);
    summary.interactionsAccepted += answer.accepted;
    summary.rejected.push(...describeRejections(answer, start, 'interaction'));
    progress.advance(chunk.length);
  }
  progress.finish();
  return summary;
}

async function setUpCatalog(client: CliApiClient, columns: string[]): Promise<string> {
  const fields = [
    { name: 'customer_id', type: 'text', nullable: false },
    ...columns.map((column) => ({
      name: cleanColumnName(column),
      type: columnType(column),
      nullable: true,
    })),
  ];
  const schema = await ensureCatalogEntity(client, 'schemas', {
    key: BANK_SCHEMA_KEY,
    name: 'Bank marketing customers',
    entityType: 'customer',
    fields,
    primaryKeyField: 'customer_id',
  });
  await ensureCatalogEntity(client, 'offers', {
    key: BANK_OFFER_KEY,
    name: 'Term deposit',
    status: 'active',
  });
  for (const channel of BANK_CHANNELS) {
    await ensureCatalogEntity(client, 'channels', {
      key: channel,
      name: channel === 'cellular' ? 'Cellular call' : 'Telephone call',
      type: 'phone',
      deliveryMode: 'manual',
      impressionMode: 'explicit',
    });
  }
  return schema.id;
}

async function postBatch(
  client: CliApiClient,
  urlPath: string,
  items: unknown[],
): Promise<BatchAnswer> {
  const answer = await client.request<BatchAnswer>('POST', urlPath, items);
  return answer.body;
}

function describeRejections(answer: BatchAnswer, offset: number, what: string): string[] {
  return answer.rejected.map(
    (rejection) =>
      `${what} ${offset + rejection.index + 1}: ${rejection.field} ${JSON.stringify(rejection.value)} ${rejection.reason}`,
  );
}

async function readCsv(file: string): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  const parser = fs
    .createReadStream(file)
    .pipe(parse({ delimiter: ';', columns: true, bom: true, trim: true }));
  for await (const row of parser) {
    rows.push(row as Record<string, string>);
  }
  return rows;
}
