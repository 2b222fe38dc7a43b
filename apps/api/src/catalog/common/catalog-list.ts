import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

import { InvalidParameterError } from '../../common/errors/domain-errors.js';
import { decodeCursor } from '../../common/pagination/cursor.js';
import { type Page, PageQueryDto, toPage } from '../../common/pagination/page.js';
import { isUuid } from '../../common/validation/uuid-pipe.js';

/** `?limit=&cursor=&q=` of the catalog lists. */
export class CatalogListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive search in key and name', maxLength: 100 })
  @IsOptional()
  @IsString({ message: 'must be a string of 1 to 100 characters' })
  @Length(1, 100, { message: 'must be a string of 1 to 100 characters' })
  q?: string;
}

/** Position after which a catalog list (ordered by key, unique per tenant) continues. */
export interface KeyCursor {
  key: string;
  id: string;
}

export function decodeKeyCursor(cursor: string | undefined): KeyCursor | null {
  const decoded = decodeCursor(cursor);
  if (!decoded) {
    return null;
  }
  if (typeof decoded.sortValue !== 'string' || !isUuid(decoded.id)) {
    throw InvalidParameterError.forField('cursor', cursor, 'is not a cursor returned by this list');
  }
  return { key: decoded.sortValue, id: decoded.id };
}

/** Builds the page of a catalog list fetched with `limit + 1` rows ordered by key. */
export function toKeyPage<T extends { id: string; key: string }>(
  rows: T[],
  limit: number,
  total: number,
): Page<T> {
  return toPage(rows, limit, total, (row) => row.key);
}
