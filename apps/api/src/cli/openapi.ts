import 'reflect-metadata';

import * as fs from 'node:fs';
import * as path from 'node:path';

import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

import { AppModule } from '../app/app.module.js';
import { buildOpenApiDocument } from '../app/create-app.js';
import { loadConfig } from '../config/load-config.js';

/**
 * Writes the OpenAPI document without a database: Nest's preview mode builds
 * the module graph and reads the route metadata but instantiates no provider.
 * Usage: node apps/api/dist/cli/openapi.js <output.json>
 */
async function main(): Promise<void> {
  const output = process.argv[2];
  if (!output) {
    throw new Error('Usage: openapi <output.json>');
  }
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: 'postgres://preview@127.0.0.1:1/preview',
    API_KEY_PEPPER: 'preview-only-pepper-value',
    SECRETS_KEY: '0'.repeat(64),
    CRON_TOKEN: 'preview-only-cron-token',
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    preview: true,
    logger: false,
  });
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  const document = buildOpenApiDocument(app);
  fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
  fs.writeFileSync(output, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
