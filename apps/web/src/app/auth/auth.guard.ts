import { inject } from '@angular/core';
import { type CanActivateFn, Router, type UrlTree } from '@angular/router';
import { type Observable, catchError, map, of } from 'rxjs';

import { SIGN_IN_PATH, SessionService } from './session.service';

/**
 * Lets signed-in users through and sends everyone else to `/sign-in?returnUrl=<requested URL>`.
 * After a page reload it first loads the identity of the stored key.
 */
export const authGuard: CanActivateFn = (
  _route,
  state,
): boolean | UrlTree | Observable<boolean | UrlTree> => {
  const session = inject(SessionService);
  const router = inject(Router);
  const signInTree = router.createUrlTree([SIGN_IN_PATH], {
    queryParams: { returnUrl: state.url },
  });

  if (session.apiKey() === null) {
    return signInTree;
  }
  if (session.identity() !== null) {
    return true;
  }

  return session.loadIdentity().pipe(
    map(() => true),
    // On a 401 the interceptor has already signed out. Other errors keep the key for a retry.
    catchError(() => of(signInTree)),
  );
};
