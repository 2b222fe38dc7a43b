import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';

/** Product name, the suffix of every document title. */
export const PRODUCT_NAME = 'Kaireon Dashboards';

/** Sets the document title to "<route title> · Kaireon Dashboards". */
@Injectable({ providedIn: 'root' })
export class PageTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const pageTitle = this.buildTitle(snapshot);
    this.title.setTitle(pageTitle ? `${pageTitle} · ${PRODUCT_NAME}` : PRODUCT_NAME);
  }
}
