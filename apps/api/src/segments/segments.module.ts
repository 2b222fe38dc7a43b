import { Module } from '@nestjs/common';

/** Segments: materialized views of customer-schema filters, refreshed on demand or on a schedule. */
@Module({})
export class SegmentsModule {}
