import { InvalidParameterError } from '../../common/errors/domain-errors.js';

const MAX_URL_LENGTH = 2000;

/**
 * Validates a URL the service will POST to: http or https only, a host, and no user name or
 * password in it (credentials belong in the destination's secret). With `secret` set, the
 * value is left out of the error, because for Slack the URL itself is the credential.
 *
 * NOTE: private and loopback addresses are accepted, so a self-hosted receiver on the same
 * network works. This also lets an editor make the server POST to internal hosts.
 *
 * @returns the URL as given, trimmed.
 */
export function validateOutboundUrl(field: string, value: unknown, secret = false): string {
  const shown = secret ? '[redacted]' : value;
  if (typeof value !== 'string' || value.trim().length === 0 || value.length > MAX_URL_LENGTH) {
    throw InvalidParameterError.forField(
      field,
      shown,
      `must be an http or https URL of at most ${MAX_URL_LENGTH} characters`,
    );
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw InvalidParameterError.forField(field, shown, 'must be an absolute http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw InvalidParameterError.forField(
      field,
      shown,
      `must use http or https, not ${url.protocol.replace(':', '')}`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw InvalidParameterError.forField(
      field,
      secret ? shown : redactCredentials(url),
      'must not contain a user name or password',
    );
  }
  if (url.hostname === '') {
    throw InvalidParameterError.forField(field, shown, 'must name a host');
  }
  return value.trim();
}

function redactCredentials(url: URL): string {
  const copy = new URL(url.toString());
  copy.username = '';
  copy.password = '';
  return copy.toString();
}
