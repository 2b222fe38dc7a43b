import { type Signal, type WritableSignal, signal } from '@angular/core';

export type SortDirection = 'ascending' | 'descending';

/** The column a table is sorted by, and in which direction. */
export interface SortState<Key extends string> {
  readonly key: Key;
  readonly direction: SortDirection;
}

const INDICATORS = { ascending: '▲', descending: '▼', none: '↕' } as const;

function compareValues(left: unknown, right: unknown): number {
  if (typeof left === 'number' && typeof right === 'number') {
    return left - right;
  }

  return String(left).localeCompare(String(right));
}

/**
 * Sort state of a table whose headers are buttons. A first click on a text column sorts it A to Z,
 * on a number column largest first; a second click reverses. Missing values (null) always sort
 * last.
 */
export class ColumnSort<Key extends string> {
  private readonly current: WritableSignal<SortState<Key>>;
  private readonly textColumns: readonly Key[];

  /** The column and direction in effect. */
  readonly state: Signal<SortState<Key>>;

  constructor(initial: SortState<Key>, textColumns: readonly Key[]) {
    this.current = signal(initial);
    this.state = this.current.asReadonly();
    this.textColumns = textColumns;
  }

  toggle(key: Key): void {
    const { key: currentKey, direction } = this.current();
    if (key === currentKey) {
      this.current.set({ key, direction: direction === 'ascending' ? 'descending' : 'ascending' });

      return;
    }
    this.current.set({
      key,
      direction: this.textColumns.includes(key) ? 'ascending' : 'descending',
    });
  }

  /** Value of the header's `aria-sort`. */
  ariaSort(key: Key): SortDirection | 'none' {
    const state = this.current();

    return state.key === key ? state.direction : 'none';
  }

  /** Arrow shown beside the header text. */
  indicator(key: Key): string {
    return INDICATORS[this.ariaSort(key)];
  }

  /** Returns a sorted copy of `rows`. */
  apply<Row extends { readonly [K in Key]: unknown }>(rows: readonly Row[]): Row[] {
    const { key, direction } = this.current();
    const sign = direction === 'ascending' ? 1 : -1;

    return [...rows].sort((left, right) => {
      const leftValue = left[key];
      const rightValue = right[key];
      if (leftValue === null && rightValue === null) {
        return 0;
      }
      if (leftValue === null) {
        return 1;
      }
      if (rightValue === null) {
        return -1;
      }

      return sign * compareValues(leftValue, rightValue);
    });
  }
}
