import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { KpiCardComponent } from './kpi-card.component';

describe('KpiCardComponent', () => {
  let fixture: ComponentFixture<KpiCardComponent>;

  async function render(inputs: Record<string, unknown>): Promise<HTMLElement> {
    fixture = TestBed.createComponent(KpiCardComponent);
    for (const [name, value] of Object.entries(inputs)) {
      fixture.componentRef.setInput(name, value);
    }
    await fixture.whenStable();

    return fixture.nativeElement as HTMLElement;
  }

  it('shows label and value', async () => {
    const element = await render({ label: 'Total runs', value: '12,345' });

    expect(element.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Total runs');
    expect(element.querySelector('.kpi-value')?.textContent).toBe('12,345');
    expect(element.querySelector('.kpi-change')).toBeNull();
  });

  it('shows a missing value as a dash, not zero', async () => {
    const element = await render({ label: 'Success rate', value: null });

    expect(element.querySelector('.kpi-value')?.textContent).toBe('—');
  });

  it('marks a rise in latency as bad, with arrow and text', async () => {
    const element = await render({
      label: 'P95 latency',
      value: '88.5 ms',
      change: 0.125,
      higherIsBetter: false,
    });

    const change = element.querySelector('.kpi-change')!;
    expect(change.classList).toContain('tone-bad');
    expect(change.textContent).toContain('▲');
    expect(change.textContent).toContain('+12.5% vs previous period');
  });

  it('marks a fall in conversions as bad', async () => {
    const element = await render({ label: 'Conversions', value: '310', change: -0.2 });

    const change = element.querySelector('.kpi-change')!;
    expect(change.classList).toContain('tone-bad');
    expect(change.textContent).toContain('▼');
    expect(change.textContent).toContain('-20.0% vs previous period');
  });

  it('says when there is no previous period', async () => {
    const element = await render({ label: 'Revenue', value: '1.2K', change: null });

    const change = element.querySelector('.kpi-change')!;
    expect(change.classList).toContain('tone-flat');
    expect(change.textContent).toContain('No previous period to compare');
  });
});
