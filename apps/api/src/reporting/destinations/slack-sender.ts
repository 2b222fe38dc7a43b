import type { ResolvedDestination } from './destination.types.js';
import type { DeliveryPackage } from './delivery-package.js';
import { postBody } from './http-post.js';

type SlackDestination = Extract<ResolvedDestination, { type: 'slack' }>;

/** Slack mrkdwn needs &, < and > escaped; everything else is shown as typed. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Builds the Slack message: the report name and period, its header lines and the KPI figures.
 * Incoming webhooks cannot carry files, so the message lists the file names only.
 */
export function slackMessage(delivery: DeliveryPackage): { text: string } {
  const { report } = delivery;
  const lines = [
    `*${escapeSlack(report.name)}* (${escapeSlack(report.title)}), ${escapeSlack(report.windowLabel)}`,
  ];
  for (const meta of report.meta.filter((line) => line.label !== 'Dashboard')) {
    lines.push(`${escapeSlack(meta.label)}: ${escapeSlack(meta.value)}`);
  }
  if (delivery.kpis.length > 0) {
    lines.push('');
    for (const kpi of delivery.kpis) {
      const change = kpi.change === null ? '' : ` (${escapeSlack(kpi.change)})`;
      lines.push(`• ${escapeSlack(kpi.label)}: *${escapeSlack(kpi.value)}*${change}`);
    }
  }
  lines.push('', `Files: ${escapeSlack(delivery.files.map((file) => file.filename).join(', '))}`);
  return { text: lines.join('\n') };
}

/** POSTs the summary to a Slack incoming webhook; errors never show the URL, a credential. */
export async function sendSlack(params: {
  destination: SlackDestination;
  delivery: DeliveryPackage;
  timeoutMs: number;
}): Promise<void> {
  await postBody({
    url: params.destination.webhookUrl,
    body: JSON.stringify(slackMessage(params.delivery)),
    headers: { 'Content-Type': 'application/json' },
    timeoutMs: params.timeoutMs,
    target: `Slack webhook of destination "${params.destination.name}"`,
  });
}
