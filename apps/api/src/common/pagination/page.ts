import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { encodeCursor } from './cursor.js';

/** `?limit=&cursor=` of every list endpoint. */
export class PageQueryDto {
  @ApiProperty({ required: false, minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer from 1 to 200' })
  @Min(1, { message: 'must be at least 1' })
  @Max(200, { message: 'must be at most 200' })
  limit?: number;

  @ApiProperty({ required: false, description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class PageInfoDto {
  @ApiProperty({ example: 50 })
  limit: number;

  @ApiProperty({ type: String, nullable: true, example: null })
  nextCursor: string | null;

  @ApiProperty({ example: 1234 })
  total: number;
}

export interface Page<T> {
  data: T[];
  page: PageInfoDto;
}

/**
 * Builds a list answer from rows fetched with `limit + 1`: the extra row only
 * tells that another page exists and is dropped.
 */
export function toPage<T extends { id: string }>(
  rows: T[],
  limit: number,
  total: number,
  sortValueOf: (row: T) => string | number,
): Page<T> {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  const nextCursor =
    rows.length > limit && last
      ? encodeCursor({ sortValue: sortValueOf(last), id: last.id })
      : null;
  return { data, page: { limit, nextCursor, total } };
}

export const DEFAULT_PAGE_LIMIT = 50;
