import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { apiKeyInterceptor } from './api-key.interceptor';
import { authGuard } from './auth.guard';
import { BlankPage, TEST_API_KEY, buildErrorBody, buildIdentity } from './auth.testing';
import { API_KEY_STORAGE_KEY, SessionService } from './session.service';

describe('authGuard', () => {
  let router: Router;
  let httpTesting: HttpTestingController;

  function configure(storedKey: string | null): void {
    sessionStorage.clear();
    if (storedKey !== null) {
      sessionStorage.setItem(API_KEY_STORAGE_KEY, storedKey);
    }
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'sign-in', component: BlankPage },
          { path: 'dashboards/:name', component: BlankPage, canActivate: [authGuard] },
        ]),
        provideHttpClient(withInterceptors([apiKeyInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    router = TestBed.inject(Router);
    httpTesting = TestBed.inject(HttpTestingController);
  }

  /** Waits until the router and pending HTTP-driven work have finished. */
  function settle(): Promise<void> {
    return TestBed.inject(ApplicationRef).whenStable();
  }

  /** Lets the guard start its request, then returns it. */
  async function expectIdentityRequest() {
    await new Promise((resolve) => setTimeout(resolve));

    return httpTesting.expectOne('/api/v1/auth/me');
  }

  function currentPath(): string | undefined {
    return router.parseUrl(router.url).root.children['primary']?.toString();
  }

  afterEach(() => {
    httpTesting.verify();
    sessionStorage.clear();
  });

  it('sends a signed-out user to sign-in with the return URL', async () => {
    configure(null);

    await router.navigateByUrl('/dashboards/business?days=30&refresh=off');

    expect(currentPath()).toBe('sign-in');
    expect(router.parseUrl(router.url).queryParams).toEqual({
      returnUrl: '/dashboards/business?days=30&refresh=off',
    });
  });

  it('loads the identity of a stored key and lets the user in', async () => {
    configure(TEST_API_KEY);

    const navigation = router.navigateByUrl('/dashboards/operations');
    const request = await expectIdentityRequest();
    expect(request.request.headers.get('Authorization')).toBe(`Bearer ${TEST_API_KEY}`);
    request.flush(buildIdentity({ tenantName: 'Globex' }));

    await expect(navigation).resolves.toBe(true);
    expect(router.url).toBe('/dashboards/operations');
    expect(TestBed.inject(SessionService).identity()?.tenantName).toBe('Globex');
  });

  it('lets the user in without a request once the identity is loaded', async () => {
    configure(TEST_API_KEY);
    const first = router.navigateByUrl('/dashboards/operations');
    (await expectIdentityRequest()).flush(buildIdentity());
    await first;

    await router.navigateByUrl('/dashboards/business');

    httpTesting.expectNone('/api/v1/auth/me');
    expect(router.url).toBe('/dashboards/business');
  });

  it('signs out when the stored key is rejected', async () => {
    configure(TEST_API_KEY);

    void router.navigateByUrl('/dashboards/model-health?days=90');
    (await expectIdentityRequest()).flush(buildErrorBody(401, 'API key revoked'), {
      status: 401,
      statusText: 'Unauthorized',
    });
    await settle();

    expect(currentPath()).toBe('sign-in');
    expect(router.parseUrl(router.url).queryParams['returnUrl']).toBe(
      '/dashboards/model-health?days=90',
    );
    expect(sessionStorage.getItem(API_KEY_STORAGE_KEY)).toBeNull();
  });

  it('keeps the key and explains when the API is unreachable', async () => {
    configure(TEST_API_KEY);

    void router.navigateByUrl('/dashboards/attribution');
    (await expectIdentityRequest()).flush(buildErrorBody(503, 'database unavailable'), {
      status: 503,
      statusText: 'Service Unavailable',
    });
    await settle();

    const session = TestBed.inject(SessionService);
    expect(currentPath()).toBe('sign-in');
    expect(router.parseUrl(router.url).queryParams['returnUrl']).toBe('/dashboards/attribution');
    expect(session.apiKey()).toBe(TEST_API_KEY);
    expect(session.notice()).toBe(
      'Could not check the stored API key: database unavailable (request id req-1)',
    );
  });
});
