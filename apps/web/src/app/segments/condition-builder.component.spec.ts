import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { ConditionBuilderComponent } from './condition-builder.component';
import { type ConditionDraft, type SchemaFieldOption } from './segment-conditions';

const FIELDS: SchemaFieldOption[] = [
  { name: 'country', type: 'text' },
  { name: 'age', type: 'integer' },
  { name: 'vip', type: 'boolean' },
  { name: 'attributes', type: 'json' },
  { name: 'last_seen_at', type: 'timestamp' },
];

@Component({
  template: `<app-condition-builder
    [fields]="fields"
    [(conditions)]="conditions"
    [problems]="problems()"
  />`,
  imports: [ConditionBuilderComponent],
})
class HostComponent {
  readonly fields = FIELDS;
  readonly conditions = signal<readonly ConditionDraft[]>([]);
  readonly problems = signal<ReadonlyMap<number, readonly string[]>>(new Map());
}

describe('ConditionBuilderComponent', () => {
  let fixture: ComponentFixture<HostComponent>;
  let host: HostComponent;
  let element: HTMLElement;

  beforeEach(async () => {
    fixture = TestBed.createComponent(HostComponent);
    host = fixture.componentInstance;
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  function control<T extends Element>(selector: string, index = 0): T {
    return element.querySelectorAll<T>('.condition')[index].querySelector<T>(selector)!;
  }

  function optionTexts(select: HTMLSelectElement): string[] {
    return Array.from(select.options).map((option) => option.value);
  }

  async function change(
    target: HTMLSelectElement | HTMLInputElement | HTMLTextAreaElement,
    value: string,
  ) {
    target.value = value;
    target.dispatchEvent(new Event(target instanceof HTMLSelectElement ? 'change' : 'input'));
    await fixture.whenStable();
  }

  async function addCondition(): Promise<void> {
    Array.from(element.querySelectorAll<HTMLButtonElement>('button'))
      .find((button) => button.textContent?.trim() === 'Add condition')!
      .click();
    await fixture.whenStable();
  }

  it('adds a condition on the first field with its first operator', async () => {
    await addCondition();

    expect(host.conditions()).toEqual([{ field: 'country', operator: '=', valueText: '' }]);
    expect(control<HTMLInputElement>('input').type).toBe('text');
  });

  it('offers only the operators of the field type', async () => {
    await addCondition();
    const operators = () => optionTexts(element.querySelectorAll<HTMLSelectElement>('select')[1]);

    expect(operators()).toContain('contains');

    await change(element.querySelector<HTMLSelectElement>('select')!, 'age');
    expect(operators()).not.toContain('contains');
    expect(operators()).toContain('>=');

    await change(element.querySelector<HTMLSelectElement>('select')!, 'vip');
    expect(operators()).toEqual(['=', '!=', 'is_null', 'is_not_null']);
  });

  it('types the value input by field and operator', async () => {
    await addCondition();
    const [field, operator] = Array.from(element.querySelectorAll<HTMLSelectElement>('select'));

    await change(field, 'age');
    expect(control<HTMLInputElement>('input').getAttribute('inputmode')).toBe('numeric');

    await change(operator, 'in');
    expect(control<HTMLTextAreaElement>('textarea').placeholder).toBe('One integer value per line');

    await change(element.querySelectorAll<HTMLSelectElement>('select')[1], 'is_null');
    expect(control<HTMLElement>('.no-value').textContent).toBe('No value needed');
    expect(control<HTMLInputElement>('input')).toBeNull();

    await change(element.querySelector<HTMLSelectElement>('select')!, 'vip');
    expect(host.conditions()[0]?.operator).toBe('is_null');
    await change(element.querySelectorAll<HTMLSelectElement>('select')[1], '=');
    const values = element.querySelectorAll<HTMLSelectElement>('select')[2];
    expect(optionTexts(values)).toEqual(['', 'true', 'false']);

    await change(element.querySelector<HTMLSelectElement>('select')!, 'last_seen_at');
    await change(element.querySelectorAll<HTMLSelectElement>('select')[1], '<');
    expect(control<HTMLInputElement>('input').type).toBe('datetime-local');
    expect(control<HTMLElement>('.unit').textContent).toBe('UTC');
  });

  it('writes typed text into the condition', async () => {
    await addCondition();

    await change(control<HTMLInputElement>('input'), 'DE');

    expect(host.conditions()).toEqual([{ field: 'country', operator: '=', valueText: 'DE' }]);
  });

  it('removes a condition', async () => {
    host.conditions.set([
      { field: 'country', operator: '=', valueText: 'DE' },
      { field: 'age', operator: '>', valueText: '30' },
    ]);
    await fixture.whenStable();

    element.querySelector<HTMLButtonElement>('button[aria-label="Remove condition 1"]')!.click();
    await fixture.whenStable();

    expect(host.conditions()).toEqual([{ field: 'age', operator: '>', valueText: '30' }]);
  });

  it('shows problems next to the condition they name', async () => {
    host.conditions.set([
      { field: 'country', operator: '=', valueText: 'DE' },
      { field: 'age', operator: '>', valueText: 'old' },
    ]);
    host.problems.set(new Map([[1, ['value must be an integer for integer field age']]]));
    await fixture.whenStable();

    const rows = element.querySelectorAll('.condition');
    expect(rows[0]?.querySelector('.condition-problems')).toBeNull();
    expect(rows[1]?.querySelector('.condition-problems')?.textContent).toContain(
      'value must be an integer for integer field age',
    );
    expect(rows[1]?.querySelector('input')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps a stored field the schema no longer has visible', async () => {
    host.conditions.set([{ field: 'region', operator: '=', valueText: 'north' }]);
    await fixture.whenStable();

    const field = element.querySelector<HTMLSelectElement>('select')!;
    expect(field.selectedOptions[0]?.textContent?.trim()).toBe('Unknown field region');
  });
});
