import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { apiKeyInterceptor } from './api-key.interceptor';
import { BlankPage, TEST_API_KEY, buildErrorBody, buildIdentity } from './auth.testing';
import { SignInComponent, safeReturnUrl } from './sign-in.component';

describe('SignInComponent', () => {
  let harness: RouterTestingHarness;
  let httpTesting: HttpTestingController;

  beforeEach(async () => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'sign-in', component: SignInComponent },
            { path: '**', component: BlankPage },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(withInterceptors([apiKeyInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create(
      '/sign-in?returnUrl=%2Fdashboards%2Fbusiness%3Fdays%3D30',
    );
  });

  afterEach(() => {
    httpTesting.verify();
    sessionStorage.clear();
  });

  function submitKey(apiKey: string): void {
    const input = harness.routeNativeElement!.querySelector<HTMLInputElement>('#api-key')!;
    input.value = apiKey;
    input.dispatchEvent(new Event('input'));
    harness.routeNativeElement!.querySelector('form')!.dispatchEvent(new Event('submit'));
  }

  function errorText(): string | undefined {
    return harness.routeNativeElement!.querySelector('[role="alert"]')?.textContent?.trim();
  }

  it('checks the key and opens the return URL', async () => {
    submitKey(`  ${TEST_API_KEY}\n`);
    const request = httpTesting.expectOne('/api/v1/auth/me');
    expect(request.request.headers.get('Authorization')).toBe(`Bearer ${TEST_API_KEY}`);
    request.flush(buildIdentity());
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/dashboards/business?days=30');
  });

  it('shows the rejection message on a 401', async () => {
    submitKey('krn_expired');
    httpTesting
      .expectOne('/api/v1/auth/me')
      .flush(buildErrorBody(401, 'API key expired'), { status: 401, statusText: 'Unauthorized' });
    await harness.fixture.whenStable();

    expect(errorText()).toBe('That key is invalid, expired or revoked');
    expect(TestBed.inject(Router).url).toContain('/sign-in');
  });

  it('asks for a key that starts with krn_ without calling the API', async () => {
    submitKey('not-a-key');
    await harness.fixture.whenStable();

    httpTesting.expectNone('/api/v1/auth/me');
    expect(errorText()).toBe('API keys start with krn_. Check that you copied the whole key.');
  });
});

describe('safeReturnUrl', () => {
  it.each([
    ['/dashboards/business?days=30', '/dashboards/business?days=30'],
    [undefined, '/dashboards/operations'],
    ['https://evil.example/', '/dashboards/operations'],
    ['//evil.example/', '/dashboards/operations'],
    ['/\\evil.example/', '/dashboards/operations'],
    ['/sign-in?returnUrl=%2F', '/dashboards/operations'],
  ])('maps %p to %p', (input, expected) => {
    expect(safeReturnUrl(input)).toBe(expected);
  });
});
