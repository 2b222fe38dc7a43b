import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

import { PageInfoDto } from '../../../common/pagination/page.js';
import { CatalogKey } from '../../common/catalog-key.js';
import { CatalogListQueryDto } from '../../common/catalog-list.js';
import { CatalogName, IdempotencyKeyProperty, PresentOnly } from '../../common/catalog-dto.js';
import {
  CHANNEL_TYPES,
  type ChannelRow,
  type ChannelType,
  type ChannelValues,
  DELIVERY_MODES,
  type DeliveryMode,
  IMPRESSION_MODES,
  type ImpressionMode,
} from '../channels.repository.js';

const TYPE_RULE = `must be one of ${CHANNEL_TYPES.join(', ')}`;
const DELIVERY_RULE = `must be one of ${DELIVERY_MODES.join(', ')}`;
const IMPRESSION_RULE = `must be one of ${IMPRESSION_MODES.join(', ')}`;
const IMPRESSION_HELP =
  'explicit: the platform reports impressions; implicit: every recommendation counts as shown';

export class ChannelCreateDto {
  @CatalogKey('email')
  key: string;

  @CatalogName('Email')
  name: string;

  @ApiProperty({ enum: CHANNEL_TYPES, example: 'email' })
  @IsIn(CHANNEL_TYPES, { message: TYPE_RULE })
  type: ChannelType;

  @ApiPropertyOptional({ enum: DELIVERY_MODES, default: 'api' })
  @IsOptional()
  @IsIn(DELIVERY_MODES, { message: DELIVERY_RULE })
  deliveryMode?: DeliveryMode;

  @ApiPropertyOptional({
    enum: IMPRESSION_MODES,
    default: 'explicit',
    description: IMPRESSION_HELP,
  })
  @IsOptional()
  @IsIn(IMPRESSION_MODES, { message: IMPRESSION_RULE })
  impressionMode?: ImpressionMode;

  @IdempotencyKeyProperty()
  idempotencyKey?: string;
}

export class ChannelUpdateDto {
  @CatalogKey('email', {
    optional: true,
    description: 'Cannot change (422): telemetry refers to channels by key',
  })
  key?: string;

  @CatalogName('Email', { optional: true })
  name?: string;

  @ApiPropertyOptional({ enum: CHANNEL_TYPES })
  @PresentOnly()
  @IsIn(CHANNEL_TYPES, { message: TYPE_RULE })
  type?: ChannelType;

  @ApiPropertyOptional({ enum: DELIVERY_MODES })
  @PresentOnly()
  @IsIn(DELIVERY_MODES, { message: DELIVERY_RULE })
  deliveryMode?: DeliveryMode;

  @ApiPropertyOptional({ enum: IMPRESSION_MODES, description: IMPRESSION_HELP })
  @PresentOnly()
  @IsIn(IMPRESSION_MODES, { message: IMPRESSION_RULE })
  impressionMode?: ImpressionMode;
}

export class ChannelListQueryDto extends CatalogListQueryDto {
  @ApiPropertyOptional({ enum: CHANNEL_TYPES })
  @IsOptional()
  @IsIn(CHANNEL_TYPES, { message: TYPE_RULE })
  type?: ChannelType;
}

export class ChannelResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'email' })
  key: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: CHANNEL_TYPES })
  type: ChannelType;

  @ApiProperty({ enum: DELIVERY_MODES })
  deliveryMode: DeliveryMode;

  @ApiProperty({ enum: IMPRESSION_MODES, description: IMPRESSION_HELP })
  impressionMode: ImpressionMode;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class ChannelListDto {
  @ApiProperty({ type: [ChannelResponseDto] })
  data: ChannelResponseDto[];

  @ApiProperty({ type: PageInfoDto })
  page: PageInfoDto;
}

/** Returns the editable fields of a channel as JSON, for change detection and annotations. */
export function channelFields(row: ChannelValues): Record<string, unknown> {
  return {
    key: row.key,
    name: row.name,
    type: row.type,
    deliveryMode: row.deliveryMode,
    impressionMode: row.impressionMode,
  };
}

export function channelValues(item: ChannelCreateDto): ChannelValues {
  return {
    key: item.key,
    name: item.name,
    type: item.type,
    deliveryMode: item.deliveryMode ?? 'api',
    impressionMode: item.impressionMode ?? 'explicit',
  };
}

export function toChannelResponse(row: ChannelRow): ChannelResponseDto {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    type: row.type,
    deliveryMode: row.deliveryMode,
    impressionMode: row.impressionMode,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
