import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

import { LocalTimePipe } from '../../shared/format/local-time.pipe';
import { RefreshService } from './refresh.service';

/** Refresh controls of the dashboard header: countdown, auto-refresh switch and Refresh now. */
@Component({
  selector: 'app-refresh-bar',
  templateUrl: './refresh-bar.component.html',
  styleUrl: './refresh-bar.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LocalTimePipe],
})
export class RefreshBarComponent {
  protected readonly refresh = inject(RefreshService);

  protected togglePaused(): void {
    void this.refresh.setPaused(!this.refresh.paused());
  }
}
