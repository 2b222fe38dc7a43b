import { Injectable } from '@nestjs/common';

import type { ScheduleSource } from './schedule-source.js';

/** The schedule sources of every module; modules register theirs in `onModuleInit`. */
@Injectable()
export class ScheduleSourceRegistry {
  private readonly registered = new Map<string, ScheduleSource>();

  register(source: ScheduleSource): void {
    if (this.registered.has(source.kind)) {
      throw new Error(`A schedule source of kind ${source.kind} is already registered`);
    }
    this.registered.set(source.kind, source);
  }

  sources(): ScheduleSource[] {
    return [...this.registered.values()];
  }
}
