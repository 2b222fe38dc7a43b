import { randomUUID } from 'node:crypto';
import * as path from 'node:path';

import { ForbiddenError, InvalidParameterError } from '../../common/errors/domain-errors.js';
import { isUuid } from '../../common/validation/uuid-pipe.js';
import {
  DESTINATION_TYPES,
  type DestinationType,
  type StoredDestination,
} from './destination.types.js';
import { validateOutboundUrl } from './outbound-url.js';

/** Most destinations one schedule may have. */
export const MAX_DESTINATIONS = 10;
const MAX_RECIPIENTS = 50;
const EMAIL_ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/;
const HOST_NAME =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:.]+\]?$/;

const FIELDS: Record<DestinationType, string[]> = {
  email: ['host', 'port', 'secure', 'from', 'to', 'username', 'password'],
  webhook: ['url', 'secret'],
  slack: ['webhookUrl'],
  directory: ['path'],
};

export interface DestinationParseContext {
  /** The schedule's destinations before this change; an item with a known `id` keeps its secret. */
  previous: StoredDestination[];
  /** Encrypts a secret for storage. */
  seal: (plaintext: string) => string;
  /** Only admins may point a directory destination at an absolute path. */
  isAdmin: boolean;
}

/**
 * Validates the `destinations` of a schedule write and converts them to the stored form, with
 * secrets sealed. A secret field left out of an item whose `id` names an existing destination
 * of the same type keeps the stored secret; `null` clears it.
 *
 * @throws InvalidParameterError naming the field, e.g. `destinations[1].url`.
 * @throws ForbiddenError when a non-admin sets an absolute directory path.
 */
export function parseDestinations(
  input: unknown,
  context: DestinationParseContext,
): StoredDestination[] {
  if (!Array.isArray(input)) {
    throw InvalidParameterError.forField('destinations', input, 'must be an array of destinations');
  }
  if (input.length > MAX_DESTINATIONS) {
    throw InvalidParameterError.forField(
      'destinations',
      `${input.length} items`,
      `must hold at most ${MAX_DESTINATIONS} destinations`,
    );
  }
  const seen = new Set<string>();
  return input.map((item, index) => {
    const parsed = parseDestination(new ItemReader(item, `destinations[${index}]`), context);
    if (seen.has(parsed.id)) {
      throw InvalidParameterError.forField(
        `destinations[${index}].id`,
        parsed.id,
        'is listed twice',
      );
    }
    seen.add(parsed.id);
    return parsed;
  });
}

function parseDestination(reader: ItemReader, context: DestinationParseContext): StoredDestination {
  const type = reader.choice('type', DESTINATION_TYPES);
  reader.rejectUnknown(['type', 'id', 'name', ...FIELDS[type]]);
  const requestedId = reader.optionalUuid('id');
  const previous = requestedId
    ? context.previous.find((item) => item.id === requestedId)
    : undefined;
  if (requestedId && !previous) {
    throw InvalidParameterError.forField(
      reader.field('id'),
      requestedId,
      'is not a destination of this schedule; leave id out to add a new one',
    );
  }
  const id = requestedId ?? randomUUID();
  const kept = previous?.type === type ? previous : undefined;
  const name = reader.optionalText('name', 100) ?? type;

  switch (type) {
    case 'email':
      return parseEmail({ reader, context, id, name, kept });
    case 'webhook':
      return {
        id,
        name,
        type,
        url: validateOutboundUrl(reader.field('url'), reader.raw('url')),
        secretSealed: keepOrSeal(
          reader,
          'secret',
          kept?.type === 'webhook' ? kept.secretSealed : null,
          context,
        ),
      };
    case 'slack':
      return { id, name, type, webhookUrlSealed: parseSlackUrl(reader, kept, context) };
    case 'directory':
      return { id, name, type, path: parseDirectoryPath(reader, context.isAdmin) };
  }
}

function parseEmail(params: {
  reader: ItemReader;
  context: DestinationParseContext;
  id: string;
  name: string;
  kept: StoredDestination | undefined;
}): StoredDestination {
  const { reader, context, id, name, kept } = params;
  const host = reader.requiredText('host', 253);
  if (!HOST_NAME.test(host)) {
    throw InvalidParameterError.forField(
      reader.field('host'),
      host,
      'must be a host name or IP address',
    );
  }
  const secure = reader.optionalBoolean('secure') ?? false;
  const recipients = reader.raw('to');
  if (!Array.isArray(recipients) || recipients.length === 0 || recipients.length > MAX_RECIPIENTS) {
    throw InvalidParameterError.forField(
      reader.field('to'),
      recipients,
      `must be an array of 1 to ${MAX_RECIPIENTS} email addresses`,
    );
  }
  return {
    id,
    name,
    type: 'email',
    host,
    port: reader.optionalInteger('port', 1, 65535) ?? (secure ? 465 : 587),
    secure,
    from: emailAddress(reader.field('from'), reader.raw('from')),
    to: recipients.map((value, index) => emailAddress(`${reader.field('to')}[${index}]`, value)),
    username: reader.optionalText('username', 200) ?? null,
    passwordSealed: keepOrSeal(
      reader,
      'password',
      kept?.type === 'email' ? kept.passwordSealed : null,
      context,
    ),
  };
}

function parseSlackUrl(
  reader: ItemReader,
  kept: StoredDestination | undefined,
  context: DestinationParseContext,
): string {
  const value = reader.raw('webhookUrl');
  if (value === undefined && kept?.type === 'slack') {
    return kept.webhookUrlSealed;
  }
  return context.seal(validateOutboundUrl(reader.field('webhookUrl'), value, true));
}

/**
 * Validates a directory path. A relative path is a folder under `$DATA_DIR/reports` and may
 * not climb out of it with `..`. An absolute path is accepted from an admin only.
 */
function parseDirectoryPath(reader: ItemReader, isAdmin: boolean): string {
  const value = reader.requiredText('path', 500);
  const field = reader.field('path');
  if (value.includes('\0')) {
    throw InvalidParameterError.forField(field, value, 'must not contain a NUL character');
  }
  if (path.isAbsolute(value)) {
    if (!isAdmin) {
      throw new ForbiddenError(
        `${field} is an absolute path; only an admin may set one. Use a folder relative to DATA_DIR/reports`,
      );
    }
    return path.normalize(value);
  }
  const segments = value.split(/[\\/]+/);
  if (segments.includes('..')) {
    throw InvalidParameterError.forField(
      field,
      value,
      'must stay inside DATA_DIR/reports (no ".." segments)',
    );
  }
  const normalised = path.posix.normalize(segments.join('/')).replace(/\/+$/, '');
  return normalised === '' ? '.' : normalised;
}

function keepOrSeal(
  reader: ItemReader,
  key: string,
  keptSealed: string | null,
  context: DestinationParseContext,
): string | null {
  const value = reader.raw(key);
  if (value === undefined) {
    return keptSealed;
  }
  if (value === null) {
    return null;
  }
  if (typeof value !== 'string' || value.length === 0 || value.length > 500) {
    throw InvalidParameterError.forField(
      reader.field(key),
      '[redacted]',
      'must be a string of 1 to 500 characters, or null to clear it',
    );
  }
  return context.seal(value);
}

function emailAddress(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length > 254 || !EMAIL_ADDRESS.test(value.trim())) {
    throw InvalidParameterError.forField(
      field,
      value,
      'must be an email address such as reports@example.com',
    );
  }
  return value.trim();
}

/** Reads the fields of one destination item, naming them `destinations[i].field` in errors. */
class ItemReader {
  private readonly item: Record<string, unknown>;

  constructor(
    item: unknown,
    private readonly prefix: string,
  ) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw InvalidParameterError.forField(prefix, item, 'must be a JSON object');
    }
    this.item = item as Record<string, unknown>;
  }

  field(key: string): string {
    return `${this.prefix}.${key}`;
  }

  raw(key: string): unknown {
    return this.item[key];
  }

  rejectUnknown(allowed: string[]): void {
    const unknown = Object.keys(this.item).find((key) => !allowed.includes(key));
    if (unknown !== undefined) {
      throw InvalidParameterError.forField(
        this.field(unknown),
        this.item[unknown],
        'is not a known field for this destination type',
      );
    }
  }

  choice<T extends string>(key: string, allowed: readonly T[]): T {
    const value = this.item[key];
    if (typeof value !== 'string' || !allowed.includes(value as T)) {
      throw InvalidParameterError.forField(
        this.field(key),
        value,
        `must be one of ${allowed.join(', ')}`,
      );
    }
    return value as T;
  }

  optionalUuid(key: string): string | undefined {
    const value = this.item[key];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (!isUuid(value)) {
      throw InvalidParameterError.forField(this.field(key), value, 'must be a UUID');
    }
    return value.toLowerCase();
  }

  requiredText(key: string, maxLength: number): string {
    const value = this.optionalText(key, maxLength);
    if (value === undefined) {
      throw InvalidParameterError.forField(this.field(key), this.item[key], 'is required');
    }
    return value;
  }

  optionalText(key: string, maxLength: number): string | undefined {
    const value = this.item[key];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value !== 'string' || value.trim().length === 0 || value.length > maxLength) {
      throw InvalidParameterError.forField(
        this.field(key),
        value,
        `must be a string of 1 to ${maxLength} characters`,
      );
    }
    return value.trim();
  }

  optionalInteger(key: string, min: number, max: number): number | undefined {
    const value = this.item[key];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw InvalidParameterError.forField(
        this.field(key),
        value,
        `must be an integer from ${min} to ${max}`,
      );
    }
    return value;
  }

  optionalBoolean(key: string): boolean | undefined {
    const value = this.item[key];
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value !== 'boolean') {
      throw InvalidParameterError.forField(this.field(key), value, 'must be true or false');
    }
    return value;
  }
}
