import { ColumnSort } from './column-sort';

interface Row {
  readonly name: string;
  readonly rate: number | null;
}

const ROWS: Row[] = [
  { name: 'Gold card', rate: 0.02 },
  { name: 'Summer promo', rate: null },
  { name: 'Auto loan', rate: 0.12 },
];

describe('ColumnSort', () => {
  it('sorts numbers largest first, then reverses', () => {
    const sort = new ColumnSort<keyof Row>({ key: 'name', direction: 'ascending' }, ['name']);

    sort.toggle('rate');
    expect(sort.apply(ROWS).map((row) => row.rate)).toEqual([0.12, 0.02, null]);
    expect(sort.ariaSort('rate')).toBe('descending');
    expect(sort.ariaSort('name')).toBe('none');

    sort.toggle('rate');
    expect(sort.apply(ROWS).map((row) => row.rate)).toEqual([0.02, 0.12, null]);
    expect(sort.indicator('rate')).toBe('▲');
  });

  it('sorts text A to Z first', () => {
    const sort = new ColumnSort<keyof Row>({ key: 'rate', direction: 'descending' }, ['name']);

    sort.toggle('name');

    expect(sort.apply(ROWS).map((row) => row.name)).toEqual([
      'Auto loan',
      'Gold card',
      'Summer promo',
    ]);
    expect(sort.state()).toEqual({ key: 'name', direction: 'ascending' });
  });
});
