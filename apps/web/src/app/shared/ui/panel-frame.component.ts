import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

import { type PanelState } from './panel-state';

let nextPanelId = 0;

/**
 * Frame of a dashboard panel: heading, optional description and actions, and one of four bodies.
 *
 * - `loading`: a spinner, with `aria-busy` on the panel.
 * - `empty`: `emptyMessage` (what data is missing) and `emptyHelp` (how to send it).
 * - `error`: `errorMessage` and a Retry button that emits `retry`.
 * - `ready`: the projected content.
 *
 * Projected content is created even while hidden, so guard heavy children (charts) with `@if` on
 * the data. Put header actions in an element with the `panelActions` attribute.
 *
 * ```html
 * <app-panel-frame heading="Acceptance rate" [state]="state()" [errorMessage]="error()"
 *   emptyHelp="Send impressions and responses to POST /api/v1/interactions." (retry)="reload()">
 *   @if (rows(); as data) { <app-bar-chart [rows]="data" /> }
 * </app-panel-frame>
 * ```
 */
@Component({
  selector: 'app-panel-frame',
  templateUrl: './panel-frame.component.html',
  styleUrl: './panel-frame.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PanelFrameComponent {
  readonly heading = input.required<string>();
  readonly description = input<string>();
  readonly state = input.required<PanelState>();
  /** Description of the missing data, for the empty state. */
  readonly emptyMessage = input('No data in this period.');
  /** How to send the missing data, for the empty state. */
  readonly emptyHelp = input<string>();
  /** Cause of the failure for the error state, usually the server's message. */
  readonly errorMessage = input('The data could not be loaded.');

  /** Emits when the user presses Retry in the error state. */
  readonly retry = output<void>();

  protected readonly headingId = `panel-heading-${nextPanelId++}`;
}
