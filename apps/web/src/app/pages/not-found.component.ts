import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import { DASHBOARDS } from '../dashboards/dashboard-catalog';

/** Page for a URL that matches no route. */
@Component({
  selector: 'app-not-found',
  templateUrl: './not-found.component.html',
  styleUrl: './not-found.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
})
export class NotFoundComponent {
  protected readonly url = inject(Router).url;
  protected readonly dashboards = DASHBOARDS;
}
