import { CdkTrapFocus } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

let nextDialogId = 0;

/**
 * A modal dialog over the page, labelled by its heading. While it is open, focus stays inside
 * (Tab wraps around). On open it focuses the element marked `cdkFocusInitial`, or else the first
 * focusable one, and on close it returns focus to the element that had it before. Escape and the
 * close button emit `closed`, and the parent then removes the dialog.
 *
 * ```html
 * @if (open()) {
 *   <app-modal-dialog heading="Save as Report" (closed)="open.set(false)">…</app-modal-dialog>
 * }
 * ```
 */
@Component({
  selector: 'app-modal-dialog',
  templateUrl: './modal-dialog.component.html',
  styleUrl: './modal-dialog.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CdkTrapFocus],
})
export class ModalDialogComponent {
  readonly heading = input.required<string>();
  /** Id of an element inside the dialog that describes it, for `aria-describedby`. */
  readonly describedBy = input<string | null>(null);
  /** Wider layout for forms and previews. */
  readonly wide = input(false);

  /** Emits when the user presses Escape or the close button. */
  readonly closed = output<void>();

  protected readonly headingId = `modal-dialog-heading-${nextDialogId++}`;

  protected close(event?: Event): void {
    event?.stopPropagation();
    this.closed.emit();
  }
}
