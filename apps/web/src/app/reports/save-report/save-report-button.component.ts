import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';

import { SessionService } from '../../auth/session.service';
import { type DashboardKey } from '../../dashboards/dashboard-catalog';
import { canManageReports } from '../report-roles';
import { SaveReportDialogComponent } from './save-report-dialog.component';

let nextButtonId = 0;

/**
 * The Save as Report button of the dashboard header. Editors and admins open the dialog; for
 * viewers the button stays visible but disabled, with the reason as its description.
 */
@Component({
  selector: 'app-save-report-button',
  templateUrl: './save-report-button.component.html',
  styleUrl: './save-report-button.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SaveReportDialogComponent],
})
export class SaveReportButtonComponent {
  private readonly session = inject(SessionService);

  readonly dashboard = input.required<DashboardKey>();

  protected readonly reasonId = `save-report-reason-${nextButtonId++}`;
  protected readonly dialogOpen = signal(false);

  /** Reason the button is disabled, or null when the user may save reports. */
  protected readonly disabledReason = computed(() => {
    const role = this.session.identity()?.role;
    if (role === undefined) {
      return 'Checking your role…';
    }

    return canManageReports(role)
      ? null
      : 'Saving reports needs an editor or admin key; you are signed in as a viewer.';
  });

  protected open(): void {
    if (this.disabledReason() === null) {
      this.dialogOpen.set(true);
    }
  }
}
