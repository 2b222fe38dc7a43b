import { TestBed } from '@angular/core/testing';

import { StatusBadgeComponent, type StatusTone } from './status-badge.component';

describe('StatusBadgeComponent', () => {
  it.each<[StatusTone, string, string]>([
    ['green', 'Healthy', '✓'],
    ['amber', 'Degraded', '!'],
    ['red', 'Failed', '✕'],
    ['neutral', 'Unknown', '•'],
  ])('shows %s as text with a symbol', async (tone, label, symbol) => {
    const fixture = TestBed.createComponent(StatusBadgeComponent);
    fixture.componentRef.setInput('tone', tone);
    fixture.componentRef.setInput('label', label);
    await fixture.whenStable();

    const element = fixture.nativeElement as HTMLElement;
    expect(element.classList).toContain(`tone-${tone}`);
    expect(element.textContent).toBe(`${symbol}${label}`);
    expect(element.querySelector('.symbol')?.getAttribute('aria-hidden')).toBe('true');
  });
});
