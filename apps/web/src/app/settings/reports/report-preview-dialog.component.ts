import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  type OnInit,
  input,
  output,
  signal,
} from '@angular/core';
import { DomSanitizer, type SafeResourceUrl } from '@angular/platform-browser';
import { type ReportTemplateDto } from '@kaireon/api-client';
import { type Subscription } from 'rxjs';

import { filenameFromContentDisposition } from '../../reports/content-disposition';
import { FileDownloadService } from '../../reports/file-download.service';
import { type ReportFormat, formatExtension, formatLabel } from '../../reports/report-formats';
import { toReportProblem } from '../../reports/report-errors';
import { ReportsApi } from '../../reports/reports-api.service';
import { ModalDialogComponent } from '../../reports/ui/modal-dialog.component';

/** Maximum characters of a text preview; the download contains the whole file. */
const MAX_TEXT_PREVIEW_CHARS = 200_000;

/** A rendered preview, ready to show. */
interface RenderedPreview {
  readonly blob: Blob;
  readonly filename: string;
  /** `blob:` URL of the file, for PDF, PNG and HTML. */
  readonly url: string | null;
  readonly frameUrl: SafeResourceUrl | null;
  /** Start of the file as text, for CSV and Markdown. */
  readonly text: string | null;
  readonly truncated: boolean;
}

/**
 * Shows a template rendered now (`GET /reports/templates/{id}/preview`), without storing or
 * sending it. PDF opens in the browser's viewer, PNG as an image, and CSV and Markdown as text.
 * HTML runs in a sandboxed frame: its chart scripts run in an opaque origin, so they cannot reach
 * the portal or the API key. Each file can be downloaded under the server's file name.
 */
@Component({
  selector: 'app-report-preview-dialog',
  templateUrl: './report-preview-dialog.component.html',
  styleUrl: './report-preview-dialog.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ModalDialogComponent],
})
export class ReportPreviewDialogComponent implements OnInit {
  private readonly api = inject(ReportsApi);
  private readonly files = inject(FileDownloadService);
  private readonly sanitizer = inject(DomSanitizer);

  readonly template = input.required<ReportTemplateDto>();
  readonly format = input.required<ReportFormat>();

  readonly closed = output<void>();

  protected readonly heading = computed(
    () => `Preview: ${this.template().name} (${formatLabel(this.format())})`,
  );
  protected readonly formatName = computed(() => formatLabel(this.format()));
  protected readonly loading = signal(true);
  protected readonly problem = signal<string | null>(null);
  protected readonly preview = signal<RenderedPreview | null>(null);

  private request: Subscription | null = null;

  constructor() {
    const destroyRef = inject(DestroyRef);
    destroyRef.onDestroy(() => {
      this.request?.unsubscribe();
      const url = this.preview()?.url;
      if (url) {
        this.files.release(url);
      }
    });
  }

  /** Starts rendering once the inputs are set. */
  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.problem.set(null);
    const format = this.format();
    this.request = this.api.previewFile(this.template().id, format).subscribe({
      next: (response) =>
        void this.show(response.body, response.headers.get('Content-Disposition')),
      error: (error: unknown) => void this.fail(error),
    });
  }

  protected download(): void {
    const preview = this.preview();
    if (preview) {
      this.files.save(preview.blob, preview.filename);
    }
  }

  private async show(blob: Blob, disposition: string | null): Promise<void> {
    const format = this.format();
    const filename = filenameFromContentDisposition(
      disposition,
      `${this.template().dashboard}.${formatExtension(format)}`,
    );
    const isText = format === 'csv' || format === 'markdown';
    const text = isText ? await blob.text() : null;
    const url = isText ? null : this.files.createUrl(blob);
    this.preview.set({
      blob,
      filename,
      url,
      // The URL is a blob: URL this component just created for the server's file.
      frameUrl: url === null ? null : this.sanitizer.bypassSecurityTrustResourceUrl(url),
      text: text === null ? null : text.slice(0, MAX_TEXT_PREVIEW_CHARS),
      truncated: text !== null && text.length > MAX_TEXT_PREVIEW_CHARS,
    });
    this.loading.set(false);
  }

  private async fail(error: unknown): Promise<void> {
    const problem = await toReportProblem(error);
    this.problem.set(problem.message);
    this.loading.set(false);
  }
}
