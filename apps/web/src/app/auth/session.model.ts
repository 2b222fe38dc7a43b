import type { SessionResponseDto } from '@kaireon/api-client';

/** The tenant and key behind the signed-in API key, as `GET /api/v1/auth/me` returns them. */
export type SessionIdentity = SessionResponseDto;

/** Roles of API keys, lowest first: ingest, viewer, editor, admin. */
export type Role = SessionIdentity['role'];

/** Outcome of a sign-in attempt, with a message for the user when it failed. */
export type SignInOutcome =
  { readonly ok: true } | { readonly ok: false; readonly message: string };
