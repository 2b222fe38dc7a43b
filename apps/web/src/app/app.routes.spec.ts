import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { routes } from './app.routes';
import { apiKeyInterceptor } from './auth/api-key.interceptor';
import { TEST_API_KEY, buildIdentity } from './auth/auth.testing';
import { API_KEY_STORAGE_KEY } from './auth/session.service';

describe('portal routes', () => {
  let harness: RouterTestingHarness;
  let httpTesting: HttpTestingController;
  let router: Router;

  /** Opens `url` as a signed-in editor of the tenant "Acme Bank". */
  async function openSignedIn(url: string): Promise<HTMLElement> {
    const navigation = harness.navigateByUrl(url);
    await new Promise((resolve) => setTimeout(resolve));
    httpTesting.expectOne('/api/v1/auth/me').flush(buildIdentity({ role: 'editor' }));
    await navigation;
    await harness.fixture.whenStable();

    return harness.fixture.nativeElement as HTMLElement;
  }

  async function open(url: string): Promise<HTMLElement> {
    await harness.navigateByUrl(url);
    await harness.fixture.whenStable();

    return harness.fixture.nativeElement as HTMLElement;
  }

  beforeEach(async () => {
    sessionStorage.clear();
    sessionStorage.setItem(API_KEY_STORAGE_KEY, TEST_API_KEY);
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes, withComponentInputBinding()),
        provideHttpClient(withInterceptors([apiKeyInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    httpTesting.verify();
    sessionStorage.clear();
  });

  it('shows the dashboard header, navigation and session', async () => {
    const page = await openSignedIn('/dashboards/model-health?days=30');

    expect(page.querySelector('h1')?.textContent).toBe('Model Health');
    const current = page.querySelector('nav a[aria-current="page"]');
    expect(current?.textContent?.trim()).toBe('Model Health');
    expect(page.querySelectorAll('nav a[aria-current="page"]')).toHaveLength(1);
    expect(page.querySelector('.tenant')?.textContent).toBe('Acme Bank');
    expect(page.querySelector('.role')?.textContent).toContain('Editor');
    expect(page.querySelector('.skip-link')?.getAttribute('href')).toBe('#main');
    const selected = page.querySelector<HTMLSelectElement>('#period-select')!;
    expect(selected.selectedOptions[0]?.textContent?.trim()).toBe('Last 30 days');
    expect(page.textContent).toContain('This dashboard is not built yet.');
    expect(page.textContent).toContain('Is model accuracy stable?');
  });

  it('keeps the period when switching dashboards', async () => {
    const page = await openSignedIn('/dashboards/attribution?days=90');

    const link = Array.from(page.querySelectorAll<HTMLAnchorElement>('nav a')).find(
      (anchor) => anchor.textContent?.trim() === 'Data Health',
    )!;
    link.click();
    await harness.fixture.whenStable();

    expect(router.url).toBe('/dashboards/data-health?days=90');
    expect(page.querySelector('h1')?.textContent).toBe('Data Health');
    expect(page.querySelector('nav a[aria-current="page"]')?.textContent?.trim()).toBe(
      'Data Health',
    );
  });

  it('offers Export and Save as Report to an editor', async () => {
    const page = await openSignedIn('/dashboards/attribution');

    const buttons = Array.from(page.querySelectorAll<HTMLButtonElement>('.report-actions button'));
    expect(buttons.map((button) => button.textContent?.trim())).toEqual([
      'Export ▾',
      'Save as Report',
    ]);
    for (const button of buttons) {
      expect(button.getAttribute('aria-disabled')).not.toBe('true');
    }
  });

  it('explains an invalid period in the link', async () => {
    const page = await openSignedIn('/dashboards/attribution?days=999');

    expect(page.querySelector('.period-problem')?.textContent).toContain(
      'days must be a whole number from 1 to 365 (got "999"). Showing the last 7 days instead.',
    );
  });

  it('puts a chosen preset in the URL', async () => {
    const page = await openSignedIn('/dashboards/attribution?refresh=off');

    const select = page.querySelector<HTMLSelectElement>('#period-select')!;
    select.value = '90d';
    select.dispatchEvent(new Event('change'));
    await harness.fixture.whenStable();

    expect(router.parseUrl(router.url).queryParams).toEqual({ days: '90', refresh: 'off' });
  });

  it('rejects a custom range over 365 days and applies a valid one', async () => {
    const page = await openSignedIn('/dashboards/attribution');
    const select = page.querySelector<HTMLSelectElement>('#period-select')!;
    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
    await harness.fixture.whenStable();

    const setDate = (name: string, value: string) => {
      const input = page.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    setDate('from', '2025-01-01');
    setDate('to', '2026-01-01');
    page.querySelector('.custom-range')!.dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();

    expect(page.querySelector('.custom-problem')?.textContent).toBe(
      'A custom range can cover at most 365 days, but this one covers 366.',
    );
    expect(router.parseUrl(router.url).queryParams).toEqual({});

    setDate('to', '2025-01-31');
    page.querySelector('.custom-range')!.dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();

    expect(router.parseUrl(router.url).queryParams).toEqual({
      from: '2025-01-01',
      to: '2025-02-01',
    });
  });

  it('opens Settings → Reports from the sidebar', async () => {
    const navigation = harness.navigateByUrl('/settings/reports');
    await new Promise((resolve) => setTimeout(resolve));
    httpTesting.expectOne('/api/v1/auth/me').flush(buildIdentity({ role: 'editor' }));
    await navigation;
    // The page loads its lists in waves; answer every wave with an empty page.
    for (let wave = 0; wave < 5; wave++) {
      await new Promise((resolve) => setTimeout(resolve));
      for (const request of httpTesting.match(() => true)) {
        request.flush({ data: [], page: { limit: 200, nextCursor: null, total: 0 } });
      }
    }
    await harness.fixture.whenStable();
    const page = harness.fixture.nativeElement as HTMLElement;

    expect(page.querySelector('h1')?.textContent).toBe('Reports');
    expect(page.querySelector('nav a[aria-current="page"]')?.textContent?.trim()).toBe('Reports');
  });

  it('shows a 404 page for an unknown address', async () => {
    await openSignedIn('/dashboards/attribution');

    const page = await open('/no/such/page');

    expect(page.querySelector('h1')?.textContent).toBe('Page not found');
    expect(page.textContent).toContain('/no/such/page');
  });
});
