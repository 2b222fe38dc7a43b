import { DOCUMENT, Injectable, inject } from '@angular/core';

/**
 * Downloads and object URLs for rendered files, behind an injectable so tests can see what was
 * saved (jsdom has no `URL.createObjectURL`).
 */
@Injectable({ providedIn: 'root' })
export class FileDownloadService {
  private readonly document = inject(DOCUMENT);

  /** Starts the browser download of `blob` under `filename`. */
  save(blob: Blob, filename: string): void {
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = filename;
    this.document.body.append(link);
    link.click();
    link.remove();
    // The click has handed the file to the download manager, so the URL is no longer needed.
    URL.revokeObjectURL(url);
  }

  /** Returns a `blob:` URL for showing `blob` in the page; pass it to `release` when done. */
  createUrl(blob: Blob): string {
    return URL.createObjectURL(blob);
  }

  /** Frees a URL from `createUrl`. */
  release(url: string): void {
    URL.revokeObjectURL(url);
  }
}
