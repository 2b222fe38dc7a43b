import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { apiKeyInterceptor } from './api-key.interceptor';
import { BlankPage, TEST_API_KEY, buildErrorBody, buildIdentity } from './auth.testing';
import { API_KEY_STORAGE_KEY, REJECTED_KEY_MESSAGE, SessionService } from './session.service';

describe('SessionService', () => {
  let session: SessionService;
  let httpTesting: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'sign-in', component: BlankPage }]),
        provideHttpClient(withInterceptors([apiKeyInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    session = TestBed.inject(SessionService);
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    httpTesting.verify();
    sessionStorage.clear();
  });

  it('stores a valid key with its identity', async () => {
    const outcome = session.signIn(TEST_API_KEY);
    const request = httpTesting.expectOne('/api/v1/auth/me');
    expect(request.request.headers.get('Authorization')).toBe(`Bearer ${TEST_API_KEY}`);
    request.flush(buildIdentity({ role: 'admin' }));

    await expect(outcome).resolves.toEqual({ ok: true });
    expect(session.apiKey()).toBe(TEST_API_KEY);
    expect(session.identity()?.role).toBe('admin');
    expect(sessionStorage.getItem(API_KEY_STORAGE_KEY)).toBe(TEST_API_KEY);
  });

  it('rejects a key the API answers with 401', async () => {
    const outcome = session.signIn('krn_revoked');
    httpTesting
      .expectOne('/api/v1/auth/me')
      .flush(buildErrorBody(401, 'API key revoked'), { status: 401, statusText: 'Unauthorized' });

    await expect(outcome).resolves.toEqual({ ok: false, message: REJECTED_KEY_MESSAGE });
    expect(REJECTED_KEY_MESSAGE).toBe('That key is invalid, expired or revoked');
    expect(session.apiKey()).toBeNull();
    expect(sessionStorage.getItem(API_KEY_STORAGE_KEY)).toBeNull();
  });

  it("shows the server's message for other errors", async () => {
    const outcome = session.signIn(TEST_API_KEY);
    httpTesting
      .expectOne('/api/v1/auth/me')
      .flush(buildErrorBody(429, 'Too many sign-in attempts; retry in 60 s'), {
        status: 429,
        statusText: 'Too Many Requests',
      });

    await expect(outcome).resolves.toEqual({
      ok: false,
      message: 'Too many sign-in attempts; retry in 60 s (request id req-1)',
    });
    expect(session.apiKey()).toBeNull();
  });

  it('explains a network failure', async () => {
    const outcome = session.signIn(TEST_API_KEY);
    httpTesting.expectOne('/api/v1/auth/me').error(new ProgressEvent('error'));

    await expect(outcome).resolves.toEqual({
      ok: false,
      message: 'Cannot reach the API server. Check that it is running and try again.',
    });
  });

  it('rejects an ingest key', async () => {
    const outcome = session.signIn(TEST_API_KEY);
    httpTesting.expectOne('/api/v1/auth/me').flush(buildIdentity({ role: 'ingest' }));

    const result = await outcome;
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain('ingest key');
    expect(session.apiKey()).toBeNull();
  });

  it('forgets the key on sign-out', async () => {
    const outcome = session.signIn(TEST_API_KEY);
    httpTesting.expectOne('/api/v1/auth/me').flush(buildIdentity());
    await outcome;

    await session.signOut();

    expect(session.apiKey()).toBeNull();
    expect(session.identity()).toBeNull();
    expect(sessionStorage.getItem(API_KEY_STORAGE_KEY)).toBeNull();
    expect(TestBed.inject(Router).url).toBe('/sign-in');
  });
});
