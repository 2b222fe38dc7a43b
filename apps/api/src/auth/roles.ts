/** Roles of API keys. `ingest` only writes telemetry; the others read, and rank upward. */
export const ROLES = ['ingest', 'viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The roles that may call a route requiring `required`. Telemetry writes
 * (`ingest`) are open to the platform's ingest keys and to editors and admins.
 */
export function rolesAllowed(required: Role): Role[] {
  switch (required) {
    case 'ingest':
      return ['ingest', 'editor', 'admin'];
    case 'viewer':
      return ['viewer', 'editor', 'admin'];
    case 'editor':
      return ['editor', 'admin'];
    case 'admin':
      return ['admin'];
  }
}

/** The authenticated caller of a request. */
export interface AuthContext {
  tenantId: string;
  role: Role;
  keyId: string;
  keyName: string;
  keyPrefix: string;
  tenantKey: string;
  tenantName: string;
}
