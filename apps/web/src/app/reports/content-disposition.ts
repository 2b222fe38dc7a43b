/**
 * Reads the file name from a `Content-Disposition` header, such as
 * `attachment; filename=business-2026-11-28-2026-12-05.pdf`. The RFC 6266 `filename*` form
 * (`UTF-8''name%20x.pdf`) wins over `filename`, as browsers do. Returns `fallback` when the header
 * is missing or names no usable file.
 */
export function filenameFromContentDisposition(header: string | null, fallback: string): string {
  if (!header) {
    return fallback;
  }
  const parameters = parseParameters(header);
  const extended = parameters.get('filename*');
  const name =
    (extended === undefined ? undefined : decodeExtendedValue(extended)) ??
    parameters.get('filename');

  return sanitiseFilename(name ?? '') || fallback;
}

/** Splits `type; a=1; b="x; y"` into its parameters, lower-casing the names. */
function parseParameters(header: string): Map<string, string> {
  const parameters = new Map<string, string>();
  const pattern = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (const match of header.matchAll(pattern)) {
    const name = match[1].toLowerCase();
    const raw = match[2].trim();
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    if (!parameters.has(name)) {
      parameters.set(name, value);
    }
  }

  return parameters;
}

/** Decodes an RFC 8187 value `charset'language'percent-encoded`; only UTF-8 is supported. */
function decodeExtendedValue(value: string): string | undefined {
  const match = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (!match || (match[1].toLowerCase() !== 'utf-8' && match[1] !== '')) {
    return undefined;
  }
  try {
    return decodeURIComponent(match[2]);
  } catch {
    return undefined;
  }
}

/** Keeps the last path segment and drops control characters, so the name cannot pick a folder. */
function sanitiseFilename(name: string): string {
  const lastSegment = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = lastSegment.replace(/[\u0000-\u001f\u007f]/g, '').trim();

  return cleaned === '.' || cleaned === '..' ? '' : cleaned;
}
