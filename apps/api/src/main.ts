import 'reflect-metadata';

import type { AddressInfo } from 'node:net';

import type { NestExpressApplication } from '@nestjs/platform-express';

import { createApp } from './app/create-app.js';
import { FirstStartService } from './auth/first-start.service.js';
import { readStoredAdminKey } from './cli/api-client.js';
import { DemoSeedService } from './demo/demo-seed.service.js';
import { type AppConfig, ConfigError } from './config/app-config.js';
import { loadConfig } from './config/load-config.js';
import { logger, setLogLevel } from './common/logging/logger.js';

/** Longest a single request may take: an hour, enough for a multi-million-line import. */
const REQUEST_TIMEOUT_MS = 60 * 60 * 1000;

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      logger.fatal({ action: 'config.invalid', variable: error.variable }, error.message);
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  setLogLevel(config.logLevel);
  const app = await createApp(config);
  const server = app.getHttpServer();
  // Node ends a request after 300 s by default; a large NDJSON import streams
  // for longer. Headers must still arrive within headersTimeout.
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  await app.listen(config.port);
  startDemo(app, config);
  logger.info(
    {
      action: 'server.listening',
      port: config.port,
      embedded: config.embedded,
      dataDir: config.dataDir,
    },
    `listening on http://localhost:${config.port}`,
  );
}

/** Starts the demo seed or trickle once the API answers, because the demo writes through it. */
function startDemo(app: NestExpressApplication, config: AppConfig): void {
  const firstStart = app.get(FirstStartService).lastRun;
  const port = app.getHttpServer().address() as AddressInfo;
  app.get(DemoSeedService).startOnBoot({
    baseUrl: `http://127.0.0.1:${port.port}`,
    adminKey: readStoredAdminKey(config.dataDir),
    tenantId: firstStart.tenantId,
    createdNow: firstStart.created,
  });
}

bootstrap().catch((error: unknown) => {
  logger.fatal({ action: 'server.start_failed', err: error }, 'start-up failed');
  process.exit(1);
});
