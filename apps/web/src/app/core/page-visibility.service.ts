import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { type Observable, Subject } from 'rxjs';

/**
 * Tab visibility from the Page Visibility API (`document.visibilityState`), as a signal and as a
 * stream of changes.
 */
@Injectable({ providedIn: 'root' })
export class PageVisibilityService {
  private readonly document = inject(DOCUMENT);
  private readonly hiddenState = signal(this.isDocumentHidden());
  private readonly changeSubject = new Subject<boolean>();

  /** True while the tab is in the background or minimised. */
  readonly hidden = this.hiddenState.asReadonly();

  /** Emits the new `hidden` value each time the tab is hidden or shown. */
  readonly changes: Observable<boolean> = this.changeSubject.asObservable();

  constructor() {
    const onChange = (): void => {
      const hidden = this.isDocumentHidden();
      this.hiddenState.set(hidden);
      this.changeSubject.next(hidden);
    };
    this.document.addEventListener('visibilitychange', onChange);
    inject(DestroyRef).onDestroy(() => {
      this.document.removeEventListener('visibilitychange', onChange);
      this.changeSubject.complete();
    });
  }

  private isDocumentHidden(): boolean {
    return this.document.visibilityState === 'hidden';
  }
}
