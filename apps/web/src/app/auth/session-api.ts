import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ApiConfiguration, getSession } from '@kaireon/api-client';
import { type Observable, map } from 'rxjs';

import { API_KEY_OVERRIDE } from './api-key-context';
import { type SessionIdentity } from './session.model';

/** The portal's call to `GET /api/v1/auth/me`, through the generated API client. */
@Injectable({ providedIn: 'root' })
export class SessionApi {
  private readonly http = inject(HttpClient);
  private readonly config = inject(ApiConfiguration);

  /** Fetches the tenant and role behind `apiKey`, or behind the stored key when omitted. */
  fetchIdentity(apiKey?: string): Observable<SessionIdentity> {
    const context =
      apiKey === undefined ? undefined : new HttpContext().set(API_KEY_OVERRIDE, apiKey);

    return getSession(this.http, this.config.rootUrl, {}, context).pipe(
      map((response) => response.body),
    );
  }
}
