import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { type Observable, firstValueFrom, tap } from 'rxjs';

import { describeHttpError } from '../core/api-error';
import { SessionApi } from './session-api';
import { type SessionIdentity, type SignInOutcome } from './session.model';

/** sessionStorage entry that keeps the API key for the life of the tab. */
export const API_KEY_STORAGE_KEY = 'kaireon.apiKey';

/** Storage for the API key: sessionStorage, so the key is gone when the tab closes. */
export const SESSION_STORAGE = new InjectionToken<Storage>('SESSION_STORAGE', {
  providedIn: 'root',
  factory: () => sessionStorage,
});

/** Message for a 401 on sign-in. */
export const REJECTED_KEY_MESSAGE = 'That key is invalid, expired or revoked';

/** Path of the sign-in page. */
export const SIGN_IN_PATH = '/sign-in';

/**
 * The signed-in API key and the identity behind it. The key lives in sessionStorage, and the
 * identity is fetched again after a reload, which also checks that the key is still valid.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly api = inject(SessionApi);
  private readonly router = inject(Router);
  private readonly storage = inject(SESSION_STORAGE);

  private readonly apiKeyState = signal<string | null>(this.storage.getItem(API_KEY_STORAGE_KEY));
  private readonly identityState = signal<SessionIdentity | null>(null);
  private readonly noticeState = signal<string | null>(null);

  /** The stored API key, or null when signed out. */
  readonly apiKey = this.apiKeyState.asReadonly();

  /** Tenant and role of the key, or null until loaded. */
  readonly identity = this.identityState.asReadonly();

  /** Reason the last session ended or could not be restored, for the sign-in page, or null. */
  readonly notice = this.noticeState.asReadonly();

  readonly signedIn = computed(() => this.apiKeyState() !== null);

  /**
   * Checks `apiKey` against the API and, when it is valid for reading dashboards, stores it.
   * Never throws: failures come back as a message for the user.
   */
  async signIn(apiKey: string): Promise<SignInOutcome> {
    let identity: SessionIdentity;
    try {
      identity = await firstValueFrom(this.api.fetchIdentity(apiKey));
    } catch (error: unknown) {
      const rejected = error instanceof HttpErrorResponse && error.status === 401;

      return { ok: false, message: rejected ? REJECTED_KEY_MESSAGE : describeHttpError(error) };
    }

    if (identity.role === 'ingest') {
      return {
        ok: false,
        message:
          'That is an ingest key, which can only send telemetry. Sign in with a viewer, editor or admin key.',
      };
    }
    this.storage.setItem(API_KEY_STORAGE_KEY, apiKey);
    this.apiKeyState.set(apiKey);
    this.identityState.set(identity);
    this.noticeState.set(null);

    return { ok: true };
  }

  /**
   * Loads the identity of the stored key (after a page reload). A 401 ends the session through the
   * interceptor. Other errors are reported through `notice` and rethrown.
   */
  loadIdentity(): Observable<SessionIdentity> {
    return this.api.fetchIdentity().pipe(
      tap({
        next: (identity) => this.identityState.set(identity),
        error: (error: unknown) => {
          if (!(error instanceof HttpErrorResponse && error.status === 401)) {
            this.noticeState.set(`Could not check the stored API key: ${describeHttpError(error)}`);
          }
        },
      }),
    );
  }

  /** Forgets the key and goes to the sign-in page. */
  signOut(): Promise<boolean> {
    this.clear();
    this.noticeState.set(null);

    return this.router.navigateByUrl(SIGN_IN_PATH);
  }

  /**
   * Ends the session after the API rejected `rejectedKey` (401) and goes to the sign-in page, with
   * a link back to where the user was. Does nothing if another key has been stored since.
   */
  endRejectedSession(rejectedKey: string): void {
    if (this.apiKeyState() !== rejectedKey) {
      return;
    }
    this.clear();
    this.noticeState.set('The API rejected your key (invalid, expired or revoked). Sign in again.');
    void this.router.navigate([SIGN_IN_PATH], { queryParams: { returnUrl: this.currentUrl() } });
  }

  private clear(): void {
    this.storage.removeItem(API_KEY_STORAGE_KEY);
    this.apiKeyState.set(null);
    this.identityState.set(null);
  }

  /** Returns the target of the navigation under way, or else the current URL. */
  private currentUrl(): string {
    const navigation = this.router.currentNavigation();
    const url = navigation ? this.router.serializeUrl(navigation.extractedUrl) : this.router.url;

    return url.startsWith(SIGN_IN_PATH) ? '/' : url;
  }
}
