import { ApiProperty } from '@nestjs/swagger';

import { PageInfoDto } from '../../../common/pagination/page.js';
import { CatalogKey } from '../../common/catalog-key.js';
import { CatalogListQueryDto } from '../../common/catalog-list.js';
import {
  CatalogDescription,
  CatalogName,
  IdempotencyKeyProperty,
} from '../../common/catalog-dto.js';
import type { CategoryRow } from '../categories.repository.js';

export class CategoryCreateDto {
  @CatalogKey('credit_cards')
  key: string;

  @CatalogName('Credit cards')
  name: string;

  @CatalogDescription()
  description?: string | null;

  @IdempotencyKeyProperty()
  idempotencyKey?: string;
}

export class CategoryUpdateDto {
  @CatalogKey('credit_cards', {
    optional: true,
    description: 'A new key; offers of the category follow it (their categoryKey is updated)',
  })
  key?: string;

  @CatalogName('Credit cards', { optional: true })
  name?: string;

  @CatalogDescription()
  description?: string | null;
}

export class CategoryListQueryDto extends CatalogListQueryDto {}

export class CategoryResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'credit_cards' })
  key: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class CategoryListDto {
  @ApiProperty({ type: [CategoryResponseDto] })
  data: CategoryResponseDto[];

  @ApiProperty({ type: PageInfoDto })
  page: PageInfoDto;
}

/** Returns the editable fields of a category as JSON, for change detection and annotations. */
export function categoryFields(row: CategoryRow): Record<string, unknown> {
  return { key: row.key, name: row.name, description: row.description };
}

export function toCategoryResponse(row: CategoryRow): CategoryResponseDto {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
