import { type Role } from '../auth/session.model';

/** Roles that may save, change, delete and run reports; viewers may only look and preview. */
const REPORT_MANAGER_ROLES: ReadonlySet<Role> = new Set<Role>(['editor', 'admin']);

/** True when a key of `role` may save, change, delete and run reports. */
export function canManageReports(role: Role | null | undefined): boolean {
  return role !== null && role !== undefined && REPORT_MANAGER_ROLES.has(role);
}
