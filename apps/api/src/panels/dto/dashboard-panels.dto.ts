import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { DASHBOARD_IDS, type DashboardId, type Panel } from '../panel.types.js';

const PANEL_SCHEMA_DESCRIPTION =
  'A panel: kind "kpi" has items; "table" has columns and rows; "bar" and "line" have series, ' +
  'annotations and the same figures as columns and rows.';

export class DashboardPanelsDto {
  @ApiProperty({ enum: DASHBOARD_IDS })
  dashboard: DashboardId;

  @ApiProperty({ example: 'Business' })
  title: string;

  @ApiProperty({ example: '2026-11-28 to 2026-12-04 (7 UTC days)' })
  windowLabel: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  filterLabels: Record<string, string>;

  @ApiProperty({ format: 'date-time' })
  generatedAt: string;

  @ApiPropertyOptional({
    description: PANEL_SCHEMA_DESCRIPTION,
    type: 'array',
    items: { type: 'object', additionalProperties: true },
  })
  panels: Panel[];
}
