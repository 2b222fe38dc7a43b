const DAY_MS = 86_400_000;

/** How far ahead of the server clock an event time may be: clocks of senders drift. */
export const MAX_FUTURE_DAYS = 1;

export type OccurredAtCheck = { ok: true; occurredAt: Date } | { ok: false; reason: string };

/**
 * Resolves an event time: absent means now; otherwise it must lie within the
 * interactions retention (older rows would land in a dropped partition) and
 * at most one day ahead.
 */
export function checkOccurredAt(
  value: string | undefined,
  now: Date,
  retentionDays: number,
): OccurredAtCheck {
  if (value === undefined) {
    return { ok: true, occurredAt: now };
  }
  const occurredAt = new Date(value);
  const earliest = now.getTime() - retentionDays * DAY_MS;
  const latest = now.getTime() + MAX_FUTURE_DAYS * DAY_MS;
  if (
    Number.isNaN(occurredAt.getTime()) ||
    occurredAt.getTime() < earliest ||
    occurredAt.getTime() > latest
  ) {
    return {
      ok: false,
      reason:
        `must be from ${new Date(earliest).toISOString()} to ${new Date(latest).toISOString()} ` +
        `(the last ${retentionDays} days, or at most ${MAX_FUTURE_DAYS} day ahead)`,
    };
  }
  return { ok: true, occurredAt };
}
