import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';

import { SessionService } from '../auth/session.service';
import { DASHBOARDS } from '../dashboards/dashboard-catalog';
import { PRODUCT_NAME } from '../page-title.strategy';

/**
 * Signed-in layout: a header with tenant, role and Sign out, the sidebar navigation, and the main
 * content.
 * Below 900 px wide the sidebar folds behind a Menu button.
 */
@Component({
  selector: 'app-shell',
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  host: { '(document:keydown.escape)': 'closeMenu()' },
})
export class ShellComponent {
  private readonly session = inject(SessionService);
  private readonly document = inject(DOCUMENT);

  protected readonly productName = PRODUCT_NAME;
  protected readonly dashboards = DASHBOARDS;
  protected readonly identity = this.session.identity;
  protected readonly menuOpen = signal(false);

  protected readonly roleLabel = computed(() => {
    const role = this.identity()?.role;

    return role ? role.charAt(0).toUpperCase() + role.slice(1) : '';
  });

  constructor() {
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.menuOpen.set(false));
  }

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  protected closeMenu(): void {
    this.menuOpen.set(false);
  }

  /** Moves focus to the main region without changing the URL's fragment (the router owns it). */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.document.getElementById('main')?.focus();
  }

  protected signOut(): void {
    void this.session.signOut();
  }
}
