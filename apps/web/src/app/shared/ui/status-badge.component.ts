import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** Colour of a status badge. The label carries the meaning and the colour repeats it. */
export type StatusTone = 'green' | 'amber' | 'red' | 'neutral';

const TONE_SYMBOLS: Record<StatusTone, string> = {
  green: '✓',
  amber: '!',
  red: '✕',
  neutral: '•',
};

/**
 * A status as text with a colour and a symbol, so colour is never the only signal:
 * `<app-status-badge tone="red" label="Failed" />`.
 */
@Component({
  selector: 'app-status-badge',
  template: `<span class="symbol" aria-hidden="true">{{ symbol() }}</span
    >{{ label() }}`,
  styleUrl: './status-badge.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': '"tone-" + tone()' },
})
export class StatusBadgeComponent {
  readonly tone = input.required<StatusTone>();
  readonly label = input.required<string>();

  protected readonly symbol = computed(() => TONE_SYMBOLS[this.tone()]);
}
