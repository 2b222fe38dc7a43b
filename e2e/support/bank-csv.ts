import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPOSITORY_ROOT } from './app-process';

export const BANK_CSV = path.join(REPOSITORY_ROOT, 'data', 'bank-marketing', 'bank-additional.csv');

/** The bank CSV read with a parser of its own, so expected values never come from the importer. */
export function readBankRows(): Record<string, string>[] {
  const lines = fs
    .readFileSync(BANK_CSV, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const unquote = (cell: string) => cell.replace(/^"(.*)"$/, '$1');
  const header = lines[0].split(';').map(unquote);
  return lines.slice(1).map((line) => {
    const cells = line.split(';').map(unquote);
    return Object.fromEntries(header.map((name, index) => [name, cells[index] ?? '']));
  });
}

export interface ChannelCounts {
  impressions: number;
  conversions: number;
}

/** Impressions (one per row) and conversions (y = yes) per contact channel, for rows passing the filter. */
export function countByChannel(
  rows: Record<string, string>[],
  keep: (row: Record<string, string>) => boolean = () => true,
): Record<string, ChannelCounts> {
  const counts: Record<string, ChannelCounts> = {};
  for (const row of rows.filter(keep)) {
    const channel = (counts[row.contact] ??= { impressions: 0, conversions: 0 });
    channel.impressions += 1;
    channel.conversions += row.y === 'yes' ? 1 : 0;
  }
  return counts;
}
