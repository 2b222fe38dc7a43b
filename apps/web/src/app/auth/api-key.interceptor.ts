import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';

import { API_KEY_OVERRIDE } from './api-key-context';
import { SessionService } from './session.service';

/** True for same-origin API paths, the only URLs the interceptor sends the key to. */
export function isApiRequest(url: string): boolean {
  return url.startsWith('/api/');
}

/**
 * Adds `Authorization: Bearer <key>` to requests for `/api/`, and on a 401 for the stored key
 * signs out and returns to the sign-in page.
 */
export const apiKeyInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiRequest(request.url)) {
    return next(request);
  }
  const session = inject(SessionService);
  const override = request.context.get(API_KEY_OVERRIDE);
  const apiKey = override ?? session.apiKey();
  if (apiKey === null || request.headers.has('Authorization')) {
    return next(request);
  }
  const authorised = request.clone({ setHeaders: { Authorization: `Bearer ${apiKey}` } });

  return next(authorised).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && override === null) {
        session.endRejectedSession(apiKey);
      }

      return throwError(() => error);
    }),
  );
};
