import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';

import { SIGN_IN_PATH, SessionService } from './session.service';

/** Page shown after sign-in when the link names no other page. */
export const DEFAULT_LANDING_PATH = '/dashboards/operations';

/** Prefix of every API key the service issues. */
const API_KEY_PREFIX = 'krn_';

/**
 * Returns `returnUrl` when it is a path inside the portal, otherwise the default landing page, so
 * a crafted link cannot send the user to another site after sign-in.
 */
export function safeReturnUrl(returnUrl: string | null | undefined): string {
  const internal =
    typeof returnUrl === 'string' &&
    returnUrl.startsWith('/') &&
    !returnUrl.startsWith('//') &&
    !returnUrl.startsWith('/\\') &&
    !returnUrl.startsWith(SIGN_IN_PATH);

  return internal ? returnUrl : DEFAULT_LANDING_PATH;
}

/** Sign-in page: the user pastes an API key, which is checked against the API before it is kept. */
@Component({
  selector: 'app-sign-in',
  templateUrl: './sign-in.component.html',
  styleUrl: './sign-in.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInComponent {
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);

  /** Page to open after sign-in, from the `returnUrl` query parameter. */
  readonly returnUrl = input<string>();

  protected readonly apiKey = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly checking = signal(false);
  protected readonly notice = this.session.notice;

  protected updateKey(event: Event): void {
    this.apiKey.set((event.target as HTMLInputElement).value);
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.checking()) {
      return;
    }
    const apiKey = this.apiKey().trim();
    const problem = findKeyProblem(apiKey);
    if (problem !== null) {
      this.error.set(problem);

      return;
    }

    this.checking.set(true);
    this.error.set(null);
    const outcome = await this.session.signIn(apiKey);
    this.checking.set(false);
    if (!outcome.ok) {
      this.error.set(outcome.message);

      return;
    }

    await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
  }
}

function findKeyProblem(apiKey: string): string | null {
  if (apiKey === '') {
    return 'Paste an API key first.';
  }
  if (!apiKey.startsWith(API_KEY_PREFIX)) {
    return `API keys start with ${API_KEY_PREFIX}. Check that you copied the whole key.`;
  }

  return null;
}
