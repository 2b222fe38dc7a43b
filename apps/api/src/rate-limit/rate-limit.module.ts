import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';

import { WriteRateLimitInterceptor } from './write-rate-limit.interceptor.js';

/** Per-tenant limits on write requests; exports have their own limit in reporting. */
@Module({
  providers: [{ provide: APP_INTERCEPTOR, useClass: WriteRateLimitInterceptor }],
})
export class RateLimitModule {}
