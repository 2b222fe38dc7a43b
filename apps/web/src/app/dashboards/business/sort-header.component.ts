import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { type TableSort } from './table-sort';

const INDICATORS = { ascending: '▲', descending: '▼', none: '↕' } as const;

/**
 * A sortable column header: `<th appSortHeader [sort]="sort" column="impressions">Impressions</th>`.
 * The header gets `aria-sort`, and its text becomes a button that sorts by the column.
 */
@Component({
  selector: 'th[appSortHeader]',
  template: `<button type="button" class="sort-button" (click)="sort().toggle(column())">
    <ng-content /><span class="sort-indicator" aria-hidden="true">{{ indicator() }}</span>
  </button>`,
  styles: `
    .sort-button {
      display: inline-flex;
      align-items: center;
      gap: 0.3em;
      padding: 0;
      border: 0;
      background: none;
      color: inherit;
      font: inherit;
      font-weight: 600;
      text-align: inherit;
      cursor: pointer;
    }

    .sort-indicator {
      color: var(--color-text-muted);
      font-size: 0.8em;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.aria-sort]': 'sort().ariaSort(column())', scope: 'col' },
})
export class SortHeaderComponent<Key extends string> {
  readonly sort = input.required<TableSort<Key>>();
  readonly column = input.required<Key>();

  protected readonly indicator = computed(() => INDICATORS[this.sort().ariaSort(this.column())]);
}
