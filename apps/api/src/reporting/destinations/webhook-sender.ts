import { createHmac } from 'node:crypto';

import type { ResolvedDestination } from './destination.types.js';
import { type DeliveryPackage } from './delivery-package.js';
import { postBody } from './http-post.js';

export const SIGNATURE_HEADER = 'X-Kaireon-Signature';
export const TIMESTAMP_HEADER = 'X-Kaireon-Timestamp';

type WebhookDestination = Extract<ResolvedDestination, { type: 'webhook' }>;

/** Returns `sha256=<hex HMAC-SHA256 of the raw body>`, the value of X-Kaireon-Signature. */
export function signWebhookBody(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/**
 * POSTs `{report, run, artifacts}` as JSON with every file base64-encoded. With a secret, the
 * body is signed in X-Kaireon-Signature. X-Kaireon-Timestamp (Unix seconds) repeats
 * `run.sentAt`, which is inside the signed body, so a receiver can reject old replays.
 */
export async function sendWebhook(params: {
  destination: WebhookDestination;
  delivery: DeliveryPackage;
  sentAt: Date;
  timeoutMs: number;
}): Promise<void> {
  const { destination, delivery, sentAt } = params;
  const body = JSON.stringify({
    report: {
      templateId: delivery.report.templateId,
      name: delivery.report.name,
      dashboard: delivery.report.dashboard,
      title: delivery.report.title,
      windowLabel: delivery.report.windowLabel,
      timeZone: delivery.report.timeZone,
      filters: delivery.report.filters,
    },
    run: {
      id: delivery.run.id,
      trigger: delivery.run.trigger,
      scheduledFor: delivery.run.scheduledFor?.toISOString() ?? null,
      startedAt: delivery.run.startedAt.toISOString(),
      sentAt: sentAt.toISOString(),
    },
    artifacts: delivery.files.map((file) => ({
      format: file.format,
      filename: file.filename,
      contentType: file.contentType,
      base64: file.content.toString('base64'),
    })),
  });
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': 'kaireon-dashboards-reports',
    [TIMESTAMP_HEADER]: String(Math.floor(sentAt.getTime() / 1000)),
  };
  if (destination.secret !== null) {
    headers[SIGNATURE_HEADER] = signWebhookBody(destination.secret, body);
  }
  await postBody({
    url: destination.url,
    body,
    headers,
    timeoutMs: params.timeoutMs,
    target: `webhook ${new URL(destination.url).origin}`,
  });
}
