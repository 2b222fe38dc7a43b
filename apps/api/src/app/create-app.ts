import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';

import type { AppConfig } from '../config/app-config.js';
import { HttpExceptionFilter } from '../common/errors/http-exception.filter.js';
import { NestJsonLogger } from '../common/logging/nest-logger.js';
import { requestLogging } from '../common/logging/request-logging.middleware.js';
import { createValidationPipe } from '../common/validation/validation-pipe.js';
import { AppModule, type AppModuleOptions } from './app.module.js';

/** Largest JSON body: a batch of 10,000 items with room for their context objects. */
export const JSON_BODY_LIMIT = '32mb';

/** Creates the configured application (not yet listening); used by main, the CLI and tests. */
export async function createApp(
  config: AppConfig,
  options: AppModuleOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    logger: new NestJsonLogger(),
    bodyParser: false,
  });
  configureApp(app, config);
  return app;
}

/** Everything between the module graph and `listen`: prefixes, parsers, pipes, docs, the portal. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.use(requestLogging);
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
  });
  servePortal(app, config.webDistDir);
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const documentConfig = new DocumentBuilder()
    .setTitle('kaireon-dashboards API')
    .setDescription(
      'Telemetry recording, dashboards, segments and reports of the KaireonAI decisioning platform. ' +
        'Authenticate with `Authorization: Bearer krn_...`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key krn_...' })
    .build();
  return SwaggerModule.createDocument(app, documentConfig, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey}_${methodKey}`,
  });
}

/** Serves the built portal at `/`, with every unknown non-API path answered by index.html. */
function servePortal(app: NestExpressApplication, webDistDir: string): void {
  const indexFile = path.join(webDistDir, 'index.html');
  app.use(express.static(webDistDir, { index: false, maxAge: '1h' }));
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isApi = request.path.startsWith('/api') || request.path.startsWith('/metrics');
    if (request.method !== 'GET' || isApi || !request.accepts('html')) {
      next();
      return;
    }
    if (!fs.existsSync(indexFile)) {
      response
        .status(503)
        .type('text/plain')
        .send('The portal is not built. Run `npm run build:web` (npm start does it for you).');
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile);
  });
}
