import { Module } from '@nestjs/common';

/** The Business dashboard: offer, channel and funnel performance from the rollups and summaries. */
@Module({})
export class BusinessModule {}
