import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { BlankPage, buildIdentity } from '../auth/auth.testing';
import { type SessionIdentity } from '../auth/session.model';
import { SessionService } from '../auth/session.service';
import { DashboardFrameComponent } from './dashboard-frame.component';

describe('DashboardFrameComponent report actions', () => {
  let harness: RouterTestingHarness;
  const identity = signal<SessionIdentity | null>(buildIdentity({ role: 'editor' }));

  async function open(url: string): Promise<HTMLElement> {
    await harness.navigateByUrl(url);
    for (let round = 0; round < 3; round++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      harness.fixture.detectChanges();
    }

    return harness.fixture.nativeElement as HTMLElement;
  }

  function actions(page: HTMLElement): HTMLButtonElement[] {
    return Array.from(page.querySelectorAll<HTMLButtonElement>('.report-actions button'));
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          {
            path: 'dashboards',
            component: DashboardFrameComponent,
            children: [
              { path: 'operations', data: { dashboard: 'operations' }, component: BlankPage },
            ],
          },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SessionService, useValue: { identity } },
      ],
    });
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
  });

  it('offers Export and Save as Report to an editor', async () => {
    identity.set(buildIdentity({ role: 'editor' }));
    const page = await open('/dashboards/operations');

    expect(actions(page).map((button) => button.textContent?.trim())).toEqual([
      'Export ▾',
      'Save as Report',
    ]);
    expect(actions(page).every((button) => button.getAttribute('aria-disabled') === null)).toBe(
      true,
    );
  });

  it('keeps Export but disables Save as Report for a viewer', async () => {
    identity.set(buildIdentity({ role: 'viewer' }));
    const page = await open('/dashboards/operations');

    const [exportButton, saveButton] = actions(page);
    expect(exportButton.getAttribute('aria-disabled')).toBeNull();
    expect(saveButton.getAttribute('aria-disabled')).toBe('true');
    expect(page.querySelector(`#${saveButton.getAttribute('aria-describedby')}`)?.textContent).toBe(
      'Saving reports needs an editor or admin key; you are signed in as a viewer.',
    );
  });
});
