import { Injectable } from '@nestjs/common';

/** Start-up steps that must finish before /api/ready answers 200. */
export type StartupStep = 'migrations' | 'first-start' | 'demo-seed';

@Injectable()
export class ReadinessState {
  private readonly pending = new Set<StartupStep>(['migrations', 'first-start']);

  expect(step: StartupStep): void {
    this.pending.add(step);
  }

  complete(step: StartupStep): void {
    this.pending.delete(step);
  }

  pendingSteps(): StartupStep[] {
    return [...this.pending];
  }
}
