/** SQLSTATE codes the catalog turns into 4xx responses. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
export const PG_DUPLICATE_TABLE = '42P07';
export const PG_DEPENDENT_OBJECTS_STILL_EXIST = '2BP01';

/**
 * Reads the SQLSTATE of a database error. drizzle wraps driver errors in
 * DrizzleQueryError with the driver's error as `cause`, so the chain is walked.
 */
export function pgErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
