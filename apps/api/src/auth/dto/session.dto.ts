import { ApiProperty } from '@nestjs/swagger';

import { ROLES, type Role } from '../roles.js';

/** Who the presented key belongs to; the portal calls this to sign in. */
export class SessionResponseDto {
  @ApiProperty({ format: 'uuid' })
  tenantId: string;

  @ApiProperty({ example: 'default' })
  tenantKey: string;

  @ApiProperty({ example: 'Default' })
  tenantName: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ example: 'bootstrap-admin' })
  keyName: string;

  @ApiProperty({ example: '3f9a0c1b2d4e' })
  keyPrefix: string;
}
