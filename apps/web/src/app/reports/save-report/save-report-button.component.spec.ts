import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { buildIdentity } from '../../auth/auth.testing';
import { type SessionIdentity } from '../../auth/session.model';
import { SessionService } from '../../auth/session.service';
import { NEXT_RUNS_DEBOUNCE_MS } from '../schedule/schedule-fields.component';
import { SaveReportButtonComponent } from './save-report-button.component';

describe('SaveReportButtonComponent', () => {
  let fixture: ComponentFixture<SaveReportButtonComponent>;
  let httpTesting: HttpTestingController;
  const identity = signal<SessionIdentity | null>(null);

  function render(): HTMLElement {
    fixture = TestBed.createComponent(SaveReportButtonComponent);
    fixture.componentRef.setInput('dashboard', 'business');
    fixture.detectChanges();

    return fixture.nativeElement as HTMLElement;
  }

  function saveButton(host: HTMLElement): HTMLButtonElement {
    return host.querySelector<HTMLButtonElement>('button')!;
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SessionService, useValue: { identity } },
        { provide: NEXT_RUNS_DEBOUNCE_MS, useValue: 1 },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
  });

  it('disables the button for viewers and says why', () => {
    identity.set(buildIdentity({ role: 'viewer' }));
    const host = render();

    const button = saveButton(host);
    expect(button.textContent?.trim()).toBe('Save as Report');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    const reason = host.querySelector(`#${button.getAttribute('aria-describedby')}`);
    expect(reason?.textContent).toBe(
      'Saving reports needs an editor or admin key; you are signed in as a viewer.',
    );
    button.click();
    fixture.detectChanges();
    expect(host.querySelector('[role="dialog"]')).toBeNull();
  });

  it('waits for the role before enabling the button', () => {
    identity.set(null);
    const host = render();

    expect(saveButton(host).getAttribute('aria-disabled')).toBe('true');
    expect(host.textContent).toContain('Checking your role…');
  });

  it.each(['editor', 'admin'] as const)('opens the dialog for an %s', async (role) => {
    identity.set(buildIdentity({ role }));
    const host = render();

    expect(saveButton(host).getAttribute('aria-disabled')).toBeNull();
    saveButton(host).click();
    fixture.detectChanges();

    expect(host.querySelector('[role="dialog"]')).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 10));
    httpTesting.match(() => true);
  });
});
