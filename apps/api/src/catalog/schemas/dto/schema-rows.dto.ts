import { ApiProperty } from '@nestjs/swagger';

import { PageInfoDto } from '../../../common/pagination/page.js';

export class SchemaRowListDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Rows keyed by field name, ordered by the primary key',
  })
  data: Record<string, unknown>[];

  @ApiProperty({ type: PageInfoDto })
  page: PageInfoDto;

  @ApiProperty({ example: 'customer_id' })
  primaryKeyField: string;
}
