import { Module } from '@nestjs/common';

import { AuthModule } from '../auth/auth.module.js';
import { DeadLetterController } from './dead-letter.controller.js';
import { DeadLetterDepthService } from './dead-letter-depth.service.js';
import { DeadLetterRepository } from './dead-letter.repository.js';
import { DeadLetterService } from './dead-letter.service.js';

/** The dead-letter queue: events that failed every retry, with retry and purge. */
@Module({
  imports: [AuthModule],
  controllers: [DeadLetterController],
  providers: [DeadLetterRepository, DeadLetterDepthService, DeadLetterService],
  exports: [DeadLetterService],
})
export class DeadLetterModule {}
