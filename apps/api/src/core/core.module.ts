import { type DynamicModule, Global, Module } from '@nestjs/common';

import { type AppConfig, CONFIG } from '../config/app-config.js';
import { Clock } from './clock.js';
import { ReadinessState } from './readiness.js';

/** Configuration, the clock and start-up state, available to every module. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, clock: Clock = new Clock()): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
        ReadinessState,
      ],
      exports: [CONFIG, Clock, ReadinessState],
    };
  }
}
