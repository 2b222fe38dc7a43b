import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { API_KEY_OVERRIDE } from './api-key-context';
import { apiKeyInterceptor } from './api-key.interceptor';
import { BlankPage, TEST_API_KEY, buildErrorBody } from './auth.testing';
import { API_KEY_STORAGE_KEY, SessionService } from './session.service';

describe('apiKeyInterceptor', () => {
  let http: HttpClient;
  let httpTesting: HttpTestingController;
  let router: Router;

  function configure(storedKey: string | null): void {
    sessionStorage.clear();
    if (storedKey !== null) {
      sessionStorage.setItem(API_KEY_STORAGE_KEY, storedKey);
    }
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'sign-in', component: BlankPage },
          { path: 'dashboards/business', component: BlankPage },
        ]),
        provideHttpClient(withInterceptors([apiKeyInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    httpTesting = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  }

  afterEach(() => {
    httpTesting.verify();
    sessionStorage.clear();
  });

  it('adds the stored key to API requests', () => {
    configure(TEST_API_KEY);

    http.get('/api/v1/dashboard-data').subscribe();

    const request = httpTesting.expectOne('/api/v1/dashboard-data');
    expect(request.request.headers.get('Authorization')).toBe(`Bearer ${TEST_API_KEY}`);
    request.flush({});
  });

  it.each(['/assets/logo.svg', 'https://example.com/api/v1/x', '/apiary', 'api/v1/x'])(
    'sends no key to %s',
    (url) => {
      configure(TEST_API_KEY);

      http.get(url).subscribe();

      const request = httpTesting.expectOne(url);
      expect(request.request.headers.has('Authorization')).toBe(false);
      request.flush({});
    },
  );

  it('sends no header when signed out', () => {
    configure(null);

    http.get('/api/v1/auth/me').subscribe({ error: () => undefined });

    const request = httpTesting.expectOne('/api/v1/auth/me');
    expect(request.request.headers.has('Authorization')).toBe(false);
    request.flush(null, { status: 401, statusText: 'Unauthorized' });
  });

  it('sends the key from the request context in place of the stored one', () => {
    configure(TEST_API_KEY);
    const context = new HttpContext().set(API_KEY_OVERRIDE, 'krn_candidate');

    http.get('/api/v1/auth/me', { context }).subscribe();

    const request = httpTesting.expectOne('/api/v1/auth/me');
    expect(request.request.headers.get('Authorization')).toBe('Bearer krn_candidate');
    request.flush({});
  });

  it('signs out and opens sign-in on a 401', async () => {
    configure(TEST_API_KEY);
    await router.navigateByUrl('/dashboards/business?days=30');
    const failure = firstValueFrom(http.get('/api/v1/dashboard-data'));

    httpTesting
      .expectOne('/api/v1/dashboard-data')
      .flush(buildErrorBody(401, 'invalid API key'), { status: 401, statusText: 'Unauthorized' });

    await expect(failure).rejects.toMatchObject({ status: 401 });
    await TestBed.inject(ApplicationRef).whenStable();
    const session = TestBed.inject(SessionService);
    expect(session.apiKey()).toBeNull();
    expect(sessionStorage.getItem(API_KEY_STORAGE_KEY)).toBeNull();
    expect(session.notice()).toContain('rejected your key');
    const target = router.parseUrl(router.url);
    expect(target.root.children['primary']?.toString()).toBe('sign-in');
    expect(target.queryParams['returnUrl']).toBe('/dashboards/business?days=30');
  });

  it('keeps the session on a 401 for a key being checked', async () => {
    configure(TEST_API_KEY);
    await router.navigateByUrl('/dashboards/business');
    const context = new HttpContext().set(API_KEY_OVERRIDE, 'krn_wrong');
    const failure = firstValueFrom(http.get('/api/v1/auth/me', { context }));

    httpTesting
      .expectOne('/api/v1/auth/me')
      .flush(null, { status: 401, statusText: 'Unauthorized' });

    await expect(failure).rejects.toMatchObject({ status: 401 });
    expect(TestBed.inject(SessionService).apiKey()).toBe(TEST_API_KEY);
    expect(router.url).toBe('/dashboards/business');
  });

  it('keeps the session on a 403', async () => {
    configure(TEST_API_KEY);
    await router.navigateByUrl('/dashboards/business');
    const failure = firstValueFrom(http.get('/api/v1/admin/dlq'));

    httpTesting
      .expectOne('/api/v1/admin/dlq')
      .flush(buildErrorBody(403, 'admin role required'), { status: 403, statusText: 'Forbidden' });

    await expect(failure).rejects.toMatchObject({ status: 403 });
    expect(TestBed.inject(SessionService).apiKey()).toBe(TEST_API_KEY);
    expect(router.url).toBe('/dashboards/business');
  });
});
