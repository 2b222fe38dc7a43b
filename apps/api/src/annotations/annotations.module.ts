import { Module } from '@nestjs/common';

/** Annotations drawn on trend charts: policy changes, catalog changes, deploys, incidents, notes. */
@Module({})
export class AnnotationsModule {}
