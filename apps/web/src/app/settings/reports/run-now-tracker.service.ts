import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { type ReportRunDto } from '@kaireon/api-client';
import { type Subscription } from 'rxjs';

import { toReportProblem } from '../../reports/report-errors';
import { ReportsApi } from '../../reports/reports-api.service';
import { REPORT_RUN_POLL_MS, isFinalRun, pollRunUntilFinished } from '../../reports/run-status';

/** The Run Now of one template: starting, the run as last read, or why it failed to start. */
export interface RunNowState {
  readonly starting: boolean;
  readonly run: ReportRunDto | null;
  readonly problem: string | null;
}

/**
 * Starts Run Now for templates and follows each run until it finishes. `POST run-now` returns
 * 202 with the run id. The run is read at once and then every `REPORT_RUN_POLL_MS` until its
 * status is final (succeeded, failed or missed). The Reports page provides this service, so
 * polling stops when the user leaves the page.
 */
@Injectable()
export class RunNowTracker {
  private readonly api = inject(ReportsApi);
  private readonly pollMs = inject(REPORT_RUN_POLL_MS);
  private readonly states = signal<ReadonlyMap<string, RunNowState>>(new Map());
  private readonly polls = new Map<string, Subscription>();

  /** Counter of changes to the followed runs; the run history reloads when it changes. */
  readonly revision = signal(0);

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      for (const subscription of this.polls.values()) {
        subscription.unsubscribe();
      }
    });
  }

  /** Returns the Run Now state of a template, or undefined if it was not run from this page. */
  stateOf(templateId: string): RunNowState | undefined {
    return this.states().get(templateId);
  }

  /** Queues a run of the template and follows it. Failures end up in the template's state. */
  async start(templateId: string): Promise<void> {
    if (this.stateOf(templateId)?.starting) {
      return;
    }
    this.polls.get(templateId)?.unsubscribe();
    this.set(templateId, { starting: true, run: null, problem: null });
    try {
      const runId = await this.api.runNow(templateId);
      const run = await this.api.getRun(runId);
      this.record(templateId, run);
      if (!isFinalRun(run)) {
        this.follow(templateId, runId);
      }
    } catch (error) {
      const problem = await toReportProblem(error);
      this.set(templateId, { starting: false, run: null, problem: problem.message });
    }
  }

  private follow(templateId: string, runId: string): void {
    const subscription = pollRunUntilFinished(() => this.api.getRun(runId), this.pollMs).subscribe({
      next: (run) => this.record(templateId, run),
      error: (error: unknown) => void this.stopFollowing(templateId, error),
    });
    this.polls.set(templateId, subscription);
  }

  private async stopFollowing(templateId: string, error: unknown): Promise<void> {
    const problem = await toReportProblem(error);
    const run = this.stateOf(templateId)?.run ?? null;
    this.set(templateId, {
      starting: false,
      run,
      problem: `Stopped following the run: ${problem.message}`,
    });
  }

  private record(templateId: string, run: ReportRunDto): void {
    this.set(templateId, { starting: false, run, problem: null });
    this.revision.update((value) => value + 1);
  }

  private set(templateId: string, state: RunNowState): void {
    this.states.update((states) => new Map(states).set(templateId, state));
  }
}
