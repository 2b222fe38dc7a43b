import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';

import {
  DESTINATION_TYPES,
  type DestinationDraft,
  type DestinationType,
  MAX_DESTINATIONS,
  emptyDestination,
} from '../destination-draft';
import { type FormErrors, destinationFieldKey } from './schedule-form';

type TextField = 'host' | 'port' | 'from' | 'to' | 'username' | 'url' | 'path';
type SecretField = 'password' | 'secret' | 'webhookUrl';

/** A plain input of a destination type. */
interface TextFieldSpec {
  readonly key: TextField;
  readonly label: string;
  readonly inputType: 'text' | 'url';
  readonly hint?: string;
  readonly inputMode?: 'numeric' | 'email' | 'url';
}

/** A write-only input: the API stores it encrypted and never returns it. */
interface SecretFieldSpec {
  readonly key: SecretField;
  readonly label: string;
  /** False when the API requires the field (Slack), so it can be replaced but not removed. */
  readonly clearable: boolean;
  readonly hint: string;
}

const TEXT_FIELDS: Record<DestinationType, readonly TextFieldSpec[]> = {
  email: [
    { key: 'host', label: 'SMTP host', inputType: 'text' },
    {
      key: 'port',
      label: 'SMTP port',
      inputType: 'text',
      inputMode: 'numeric',
      hint: 'Leave empty for 465 with implicit TLS, or 587 without.',
    },
    { key: 'from', label: 'From address', inputType: 'text', inputMode: 'email' },
    {
      key: 'to',
      label: 'To addresses',
      inputType: 'text',
      inputMode: 'email',
      hint: 'Separate addresses with commas.',
    },
    { key: 'username', label: 'SMTP username', inputType: 'text', hint: 'Optional.' },
  ],
  webhook: [
    {
      key: 'url',
      label: 'Webhook URL',
      inputType: 'url',
      hint: 'Receives a JSON body with the files. Put no user name or password in the URL.',
    },
  ],
  slack: [],
  directory: [
    {
      key: 'path',
      label: 'Folder',
      inputType: 'text',
      hint: 'A folder under DATA_DIR/reports on the API server; each run writes into a subfolder named after the run id. Only admins may give an absolute path.',
    },
  ],
};

const SECRET_FIELDS: Record<DestinationType, readonly SecretFieldSpec[]> = {
  email: [
    {
      key: 'password',
      label: 'SMTP password',
      clearable: true,
      hint: 'Optional. Stored encrypted and never shown again.',
    },
  ],
  webhook: [
    {
      key: 'secret',
      label: 'Signing secret',
      clearable: true,
      hint: 'Optional. Signs the body with HMAC-SHA256. Stored encrypted and never shown again.',
    },
  ],
  slack: [
    {
      key: 'webhookUrl',
      label: 'Slack webhook URL',
      clearable: false,
      hint: 'The incoming-webhook URL. It works as a password, so it is stored encrypted and never shown again.',
    },
  ],
  directory: [],
};

/**
 * The destinations of a report schedule: add, remove, choose each one's type and fill in its
 * fields (SMTP settings, webhook URL and signing secret, Slack webhook URL, or a folder).
 * Secrets are write-only: a stored one shows as "secret set" and is kept unless replaced or
 * removed.
 */
@Component({
  selector: 'app-destinations-editor',
  templateUrl: './destinations-editor.component.html',
  styleUrl: './destinations-editor.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DestinationsEditorComponent {
  readonly destinations = model.required<readonly DestinationDraft[]>();
  /** Problems to show, keyed `destinations` and `destinations[i].field`. */
  readonly errors = input<FormErrors>({});
  /** Prefix of the element ids, unique on the page. */
  readonly idPrefix = input.required<string>();

  protected readonly types = DESTINATION_TYPES;
  protected readonly textFields = TEXT_FIELDS;
  protected readonly secretFields = SECRET_FIELDS;
  protected readonly maxDestinations = MAX_DESTINATIONS;
  protected readonly full = computed(() => this.destinations().length >= MAX_DESTINATIONS);

  protected add(): void {
    this.destinations.update((list) => [...list, emptyDestination('email')]);
  }

  protected remove(index: number): void {
    this.destinations.update((list) => list.filter((_, position) => position !== index));
  }

  protected update(index: number, patch: Partial<DestinationDraft>): void {
    this.destinations.update((list) =>
      list.map((draft, position) => (position === index ? { ...draft, ...patch } : draft)),
    );
  }

  protected setField(index: number, field: TextField | SecretField, event: Event): void {
    this.update(index, { [field]: (event.target as HTMLInputElement).value });
  }

  protected changeType(index: number, event: Event): void {
    this.update(index, { type: (event.target as HTMLSelectElement).value as DestinationType });
  }

  protected setName(index: number, event: Event): void {
    this.update(index, { name: (event.target as HTMLInputElement).value });
  }

  /** Returns the checked state of the checkbox behind `event`. */
  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }

  protected error(index: number, field: string): string | null {
    return this.errors()[destinationFieldKey(index, field)] ?? null;
  }

  /** Id of a destination's input, unique on the page. */
  protected fieldId(draft: DestinationDraft, field: string): string {
    return `${this.idPrefix()}-destination-${draft.key}-${field}`;
  }

  /** `aria-describedby` of an input: its hint and, when present, its error. */
  protected describedBy(
    draft: DestinationDraft,
    index: number,
    field: string,
    hint = false,
  ): string | null {
    const ids = [
      hint ? this.fieldId(draft, `${field}-hint`) : null,
      this.error(index, field) ? this.fieldId(draft, `${field}-error`) : null,
    ].filter((id) => id !== null);

    return ids.length > 0 ? ids.join(' ') : null;
  }
}
