import { ApiProperty } from '@nestjs/swagger';

import type { TickResult } from '../scheduling.service.js';

/** Counts of one tick in the replica that served the request. */
export class TickResultDto {
  @ApiProperty({ enum: ['schedule', 'tick'] })
  trigger: 'schedule' | 'tick';

  @ApiProperty({ format: 'date-time', description: 'The instant the tick planned for' })
  now: string;

  @ApiProperty({ description: 'Schedules listed as possibly due' })
  schedules: number;

  @ApiProperty({ description: 'Due occurrences this replica claimed and ran' })
  claimed: number;

  @ApiProperty({ description: 'Occurrences skipped by downtime and recorded as missed' })
  missed: number;

  @ApiProperty()
  succeeded: number;

  @ApiProperty()
  failed: number;

  @ApiProperty({
    description: 'Sources or schedules that could not be listed or planned (see the log)',
  })
  errors: number;
}

export function toTickResultDto(result: TickResult): TickResultDto {
  return { ...result, now: result.now.toISOString() };
}
