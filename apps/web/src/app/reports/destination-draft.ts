import { type ReportScheduleCreateDto } from '@kaireon/api-client';

/** Type of a schedule's destination: the channel its files are sent through. */
export type DestinationType = 'email' | 'webhook' | 'slack' | 'directory';

/** One destination in the request body of a schedule write. */
export type DestinationPayload = NonNullable<ReportScheduleCreateDto['destinations']>[number];

/** Destination types in menu order, with the names users see. */
export const DESTINATION_TYPES: readonly {
  readonly type: DestinationType;
  readonly label: string;
}[] = [
  { type: 'email', label: 'Email (SMTP)' },
  { type: 'webhook', label: 'Webhook' },
  { type: 'slack', label: 'Slack' },
  { type: 'directory', label: 'Local folder' },
];

/** Most destinations one schedule may have (the API's limit). */
export const MAX_DESTINATIONS = 10;

/**
 * A destination as the form edits it. Every type's fields live side by side, so switching the
 * type and back keeps what was typed; only the chosen type's fields are sent.
 */
export interface DestinationDraft {
  /** Identity in the form, for `track`; not sent. */
  readonly key: number;
  /** Id of a stored destination being edited, or null for a new one. */
  readonly id: string | null;
  readonly type: DestinationType;
  readonly name: string;
  readonly host: string;
  /** SMTP port as typed; empty means the API default (465 with implicit TLS, else 587). */
  readonly port: string;
  /** Implicit TLS; when false the server may offer STARTTLS. */
  readonly secure: boolean;
  readonly from: string;
  /** Recipients, separated by commas, semicolons or spaces. */
  readonly to: string;
  readonly username: string;
  readonly password: string;
  readonly url: string;
  readonly secret: string;
  readonly webhookUrl: string;
  /** Folder under DATA_DIR/reports on the API server (an absolute path only from an admin). */
  readonly path: string;
  /** Whether the server stores a secret for this destination. */
  readonly secretSet: boolean;
  /** Remove the stored secret (email password or webhook secret) on save. */
  readonly clearSecret: boolean;
}

/** Problems of one destination, by field name (`host`, `to`, `path`…). */
export type DestinationErrors = Readonly<Record<string, string>>;

let nextDraftKey = 1;

/** Returns an empty destination of `type`. */
export function emptyDestination(type: DestinationType): DestinationDraft {
  return {
    key: nextDraftKey++,
    id: null,
    type,
    name: '',
    host: '',
    port: '',
    secure: false,
    from: '',
    to: '',
    username: '',
    password: '',
    url: '',
    secret: '',
    webhookUrl: '',
    path: '',
    secretSet: false,
    clearSecret: false,
  };
}

/** Returns the name users see for a destination type. */
export function destinationTypeLabel(type: string): string {
  return DESTINATION_TYPES.find((entry) => entry.type === type)?.label ?? type;
}

/** Splits a recipient list typed as "a@x.com, b@x.com" into addresses. */
export function splitRecipients(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((address) => address.trim())
    .filter((address) => address !== '');
}

const EMAIL_ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/;

/**
 * Checks what the form can check before sending: required fields, address and URL shapes, the
 * port range, credentials in URLs and folder escapes. The API repeats these checks and has the
 * final word.
 */
export function validateDestination(draft: DestinationDraft): DestinationErrors {
  switch (draft.type) {
    case 'email':
      return validateEmail(draft);
    case 'webhook':
      return compact({ url: urlProblem(draft.url, 'Webhook URL') });
    case 'slack':
      // A stored Slack URL is write-only: left empty while editing, the API keeps it.
      return compact({
        webhookUrl:
          draft.id !== null && draft.secretSet && draft.webhookUrl.trim() === ''
            ? null
            : urlProblem(draft.webhookUrl, 'Slack webhook URL'),
      });
    case 'directory':
      return compact({ path: pathProblem(draft.path) });
  }
}

function validateEmail(draft: DestinationDraft): DestinationErrors {
  const recipients = splitRecipients(draft.to);
  const invalid = recipients.find((address) => !EMAIL_ADDRESS.test(address));
  const port = draft.port.trim();
  const portValid =
    port === '' || (/^\d+$/.test(port) && Number(port) >= 1 && Number(port) <= 65535);

  return compact({
    host: draft.host.trim() === '' ? 'Enter the SMTP server host name.' : null,
    port: portValid ? null : 'Enter a port from 1 to 65535, or leave it empty for the default.',
    from: EMAIL_ADDRESS.test(draft.from.trim())
      ? null
      : 'Enter the sender address, such as reports@example.com.',
    to:
      recipients.length === 0
        ? 'Enter at least one recipient address.'
        : invalid !== undefined
          ? `"${invalid}" is not an email address.`
          : null,
  });
}

function urlProblem(value: string, name: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') {
    return `Enter the ${name}.`;
  }
  try {
    const url = new URL(trimmed);

    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return `The ${name} must start with https:// or http://.`;
    }

    return url.username === '' && url.password === ''
      ? null
      : `Remove the user name and password from the ${name}.`;
  } catch {
    return `The ${name} is not a valid URL.`;
  }
}

function pathProblem(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') {
    return 'Enter a folder name, such as weekly-business.';
  }

  return trimmed.split(/[\\/]+/).includes('..')
    ? 'The folder must stay inside the reports folder: remove the ".." parts.'
    : null;
}

function compact(entries: Record<string, string | null>): DestinationErrors {
  return Object.fromEntries(
    Object.entries(entries).filter((entry): entry is [string, string] => entry[1] !== null),
  );
}

/**
 * Returns the request body item of a destination: only the chosen type's fields. Secrets left
 * empty are left out, so an edited destination keeps its stored secret, and `clearSecret` sends
 * null to remove it.
 */
export function toDestinationPayload(draft: DestinationDraft): DestinationPayload {
  const base: DestinationPayload = { type: draft.type };
  if (draft.id !== null) {
    base.id = draft.id;
  }
  if (draft.name.trim() !== '') {
    base.name = draft.name.trim();
  }
  switch (draft.type) {
    case 'email':
      return { ...base, ...emailFields(draft) };
    case 'webhook':
      return { ...base, url: draft.url.trim(), ...secretField('secret', draft.secret, draft) };
    case 'slack':
      return draft.webhookUrl.trim() === ''
        ? base
        : { ...base, webhookUrl: draft.webhookUrl.trim() };
    case 'directory':
      return { ...base, path: draft.path.trim() };
  }
}

function emailFields(draft: DestinationDraft): Partial<DestinationPayload> {
  const fields: Partial<DestinationPayload> = {
    host: draft.host.trim(),
    secure: draft.secure,
    from: draft.from.trim(),
    to: splitRecipients(draft.to),
    ...secretField('password', draft.password, draft),
  };
  if (draft.port.trim() !== '') {
    fields.port = Number(draft.port.trim());
  }
  if (draft.username.trim() !== '') {
    fields.username = draft.username.trim();
  }

  return fields;
}

function secretField(
  key: 'secret' | 'password',
  value: string,
  draft: DestinationDraft,
): Partial<DestinationPayload> {
  if (draft.clearSecret) {
    return { [key]: null };
  }

  return value === '' ? {} : { [key]: value };
}

/** A stored destination as the API returns it, without secrets. */
export interface DestinationView {
  readonly id: string;
  readonly type: DestinationType;
  readonly name: string;
  readonly secretSet: boolean;
  readonly host?: string;
  readonly port?: number;
  readonly secure?: boolean;
  readonly from?: string;
  readonly to?: readonly string[];
  readonly username?: string | null;
  readonly url?: string;
  readonly path?: string;
}

/** Reads a destination of a schedule response, whose items the API types loosely. */
export function readDestinationView(value: Record<string, unknown>): DestinationView {
  const text = (key: string): string | undefined =>
    typeof value[key] === 'string' ? value[key] : undefined;
  const type = DESTINATION_TYPES.some((entry) => entry.type === value['type'])
    ? (value['type'] as DestinationType)
    : 'directory';
  const to = Array.isArray(value['to'])
    ? value['to'].filter((item): item is string => typeof item === 'string')
    : undefined;

  return {
    id: text('id') ?? '',
    type,
    name: text('name') ?? type,
    secretSet: value['secretSet'] === true,
    host: text('host'),
    port: typeof value['port'] === 'number' ? value['port'] : undefined,
    secure: typeof value['secure'] === 'boolean' ? value['secure'] : undefined,
    from: text('from'),
    to,
    username: text('username') ?? null,
    url: text('url'),
    path: text('path'),
  };
}

/** Returns a form draft for editing a stored destination; secret fields start empty. */
export function draftFromView(view: DestinationView): DestinationDraft {
  return {
    ...emptyDestination(view.type),
    id: view.id,
    name: view.name === view.type ? '' : view.name,
    host: view.host ?? '',
    port: view.port === undefined ? '' : String(view.port),
    secure: view.secure ?? false,
    from: view.from ?? '',
    to: (view.to ?? []).join(', '),
    username: view.username ?? '',
    url: view.url ?? '',
    path: view.path ?? '',
    secretSet: view.secretSet,
  };
}

/**
 * Describes a stored destination in one line: "Email to a@x.com via smtp.x.com:587, password:
 * secret set". Secrets are never shown, only whether one is stored.
 */
export function describeDestination(view: DestinationView): string {
  const secret = view.secretSet ? 'secret set' : 'no secret';
  switch (view.type) {
    case 'email': {
      const recipients = (view.to ?? []).join(', ');
      const port = view.port === undefined ? '' : `:${view.port}`;

      return `Email to ${recipients} via ${view.host ?? '?'}${port}, password: ${secret}`;
    }
    case 'webhook':
      return `Webhook ${view.url ?? ''}, signing secret: ${secret}`;
    case 'slack':
      return `Slack incoming webhook, URL: ${view.secretSet ? 'secret set' : 'missing'}`;
    case 'directory':
      return `Local folder ${view.path ?? ''}`;
  }
}
