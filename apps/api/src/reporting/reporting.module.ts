import { Module } from '@nestjs/common';

/** Reports: export of any dashboard now, and templates delivered on a schedule. */
@Module({})
export class ReportingModule {}
