import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { PanelFrameComponent } from './panel-frame.component';
import { type PanelState, derivePanelState } from './panel-state';

@Component({
  imports: [PanelFrameComponent],
  template: `
    <app-panel-frame
      heading="Acceptance rate"
      [state]="state()"
      emptyMessage="No impressions in this period."
      emptyHelp="Send impressions to POST /api/v1/interactions."
      errorMessage="Database unavailable (request id req-7)"
      (retry)="retries = retries + 1"
    >
      <button panelActions type="button">Download CSV</button>
      <p class="content">Chart goes here</p>
    </app-panel-frame>
  `,
})
class PanelHost {
  readonly state = signal<PanelState>('loading');
  retries = 0;
}

describe('PanelFrameComponent', () => {
  let fixture: ComponentFixture<PanelHost>;

  async function render(state: PanelState): Promise<HTMLElement> {
    fixture.componentInstance.state.set(state);
    await fixture.whenStable();

    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(() => {
    fixture = TestBed.createComponent(PanelHost);
  });

  it('labels the panel with its heading and shows actions', async () => {
    const element = await render('ready');

    const section = element.querySelector('section')!;
    const heading = element.querySelector(`#${section.getAttribute('aria-labelledby')}`);
    expect(heading?.textContent).toBe('Acceptance rate');
    expect(element.querySelector('.panel-actions button')?.textContent).toBe('Download CSV');
  });

  it('shows a busy spinner while loading', async () => {
    const element = await render('loading');

    expect(element.querySelector('section')?.getAttribute('aria-busy')).toBe('true');
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Loading…');
    expect(element.querySelector('.content')).toBeNull();
  });

  it('says what is missing and how to send it when empty', async () => {
    const element = await render('empty');

    const body = element.querySelector('.panel-body')!.textContent;
    expect(body).toContain('No impressions in this period.');
    expect(body).toContain('Send impressions to POST /api/v1/interactions.');
    expect(element.querySelector('.content')).toBeNull();
    expect(element.querySelector('section')?.hasAttribute('aria-busy')).toBe(false);
  });

  it('shows the error with a Retry button that emits retry', async () => {
    const element = await render('error');

    const alert = element.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Could not load this panel.');
    expect(alert.textContent).toContain('Database unavailable (request id req-7)');
    expect(element.querySelector('.content')).toBeNull();

    alert.querySelector('button')!.click();
    alert.querySelector('button')!.click();
    expect(fixture.componentInstance.retries).toBe(2);
  });

  it('shows the projected content when ready', async () => {
    const element = await render('ready');

    expect(element.querySelector('.content')?.textContent).toBe('Chart goes here');
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(element.querySelector('[role="status"]')).toBeNull();
  });
});

describe('derivePanelState', () => {
  it.each<[string, Parameters<typeof derivePanelState>[0], PanelState]>([
    ['no response yet', { error: undefined, rows: undefined }, 'loading'],
    ['an empty response', { error: undefined, rows: [] }, 'empty'],
    ['rows', { error: undefined, rows: [{ day: '2026-12-01' }] }, 'ready'],
    ['an error', { error: new Error('boom'), rows: undefined }, 'error'],
    ['an error after earlier rows', { error: new Error('boom'), rows: [{}] }, 'error'],
  ])('gives %s the right state', (_case, request, expected) => {
    expect(derivePanelState(request)).toBe(expected);
  });
});
