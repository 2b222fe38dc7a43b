import nodemailer from 'nodemailer';

import type { ResolvedDestination } from './destination.types.js';
import { type DeliveryPackage, summaryText } from './delivery-package.js';

type EmailDestination = Extract<ResolvedDestination, { type: 'email' }>;

/** Sends the files as attachments of one email to every recipient, over SMTP. */
export async function sendEmail(params: {
  destination: EmailDestination;
  delivery: DeliveryPackage;
  timeoutMs: number;
}): Promise<void> {
  const { destination, delivery, timeoutMs } = params;
  const transport = nodemailer.createTransport({
    host: destination.host,
    port: destination.port,
    secure: destination.secure,
    auth:
      destination.username !== null
        ? { user: destination.username, pass: destination.password ?? '' }
        : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    await transport.sendMail({
      from: destination.from,
      to: destination.to,
      subject: `${delivery.report.name}: ${delivery.report.title}, ${delivery.report.windowLabel}`,
      text: summaryText(delivery),
      attachments: delivery.files.map((file) => ({
        filename: file.filename,
        content: file.content,
        contentType: file.contentType,
      })),
    });
  } finally {
    transport.close();
  }
}
