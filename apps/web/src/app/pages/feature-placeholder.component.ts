import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import { PanelFrameComponent } from '../shared/ui/panel-frame.component';

/** Description of a page that is not built yet, given in the route's `data.page`. */
export interface FeaturePlaceholder {
  readonly title: string;
  readonly summary: string;
  readonly capabilities: readonly string[];
}

/** Stand-in page for a portal section that is not built yet (Segments, Settings → Reports). */
@Component({
  selector: 'app-feature-placeholder',
  templateUrl: './feature-placeholder.component.html',
  styleUrl: './feature-placeholder.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PanelFrameComponent],
})
export class FeaturePlaceholderComponent {
  /** Page to describe, from the route's `data.page`. */
  readonly page = input.required<FeaturePlaceholder>();
}

export const SEGMENTS_PAGE: FeaturePlaceholder = {
  title: 'Segments',
  summary:
    'Named groups of customers, defined by conditions on a customer schema. Dashboards that support segments can be filtered by them.',
  capabilities: [
    'Define conditions on schema fields (=, !=, >, >=, <, <=, in, not in, contains, is null, is not null), combined with AND.',
    'See how many customers each segment holds and when it was last refreshed.',
    'Refresh a segment now or on a schedule.',
  ],
};

export const REPORTS_PAGE: FeaturePlaceholder = {
  title: 'Reports',
  summary:
    'Dashboards saved as reports: a dashboard with its filters, rendered on a schedule and delivered by email, webhook, Slack or to a directory.',
  capabilities: [
    'List report templates and their schedules with the next run time.',
    'See the run history with the delivery result for each destination.',
    'Run a report now.',
  ],
};
