import { type Signal, type WritableSignal, computed, signal } from '@angular/core';

export type SortDirection = 'asc' | 'desc';

export interface SortState<Key extends string> {
  readonly key: Key;
  readonly direction: SortDirection;
}

/**
 * Sorts a copy of `rows` by one column: numbers numerically, text in the locale's order, and
 * missing values (null, undefined) last in either direction.
 */
export function sortRows<Row, Key extends keyof Row & string>(
  rows: readonly Row[],
  state: SortState<Key>,
  locale?: string,
): Row[] {
  const factor = state.direction === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });

  return [...rows].sort((left, right) => {
    const a = left[state.key] as unknown;
    const b = right[state.key] as unknown;
    const aMissing = a === null || a === undefined;
    const bMissing = b === null || b === undefined;
    if (aMissing && bMissing) {
      return 0;
    }
    if (aMissing) {
      return 1;
    }
    if (bMissing) {
      return -1;
    }
    if (typeof a === 'number' && typeof b === 'number') {
      return (a - b) * factor;
    }

    return collator.compare(cellText(a), cellText(b)) * factor;
  });
}

function cellText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Sort state of one table. The first click on a column sorts it in the column's natural
 * direction (descending for figures, ascending for names); the next click reverses it.
 */
export class TableSort<Key extends string> {
  private readonly current: WritableSignal<SortState<Key>>;
  private readonly textColumns: readonly Key[];

  /** The column and direction in effect. */
  readonly state: Signal<SortState<Key>>;

  /** `textColumns` sort ascending on their first click, every other column descending. */
  constructor(initial: SortState<Key>, textColumns: readonly Key[] = []) {
    this.current = signal(initial);
    this.state = this.current.asReadonly();
    this.textColumns = textColumns;
  }

  toggle(key: Key): void {
    const state = this.current();
    if (state.key === key) {
      this.current.set({ key, direction: state.direction === 'asc' ? 'desc' : 'asc' });

      return;
    }
    this.current.set({ key, direction: this.textColumns.includes(key) ? 'asc' : 'desc' });
  }

  /** Value of the column header's `aria-sort`. */
  ariaSort(key: Key): 'ascending' | 'descending' | 'none' {
    const state = this.current();
    if (state.key !== key) {
      return 'none';
    }

    return state.direction === 'asc' ? 'ascending' : 'descending';
  }

  /** Returns a signal of `rows()` sorted by the current state. */
  sorted<Row extends Record<Key, unknown>>(
    rows: Signal<readonly Row[] | undefined>,
  ): Signal<Row[]> {
    return computed(() => sortRows<Row, Key & keyof Row>(rows() ?? [], this.current()));
  }
}
