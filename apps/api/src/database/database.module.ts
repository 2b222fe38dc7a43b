import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';

import { type AppConfig, CONFIG } from '../config/app-config.js';
import { logger } from '../common/logging/logger.js';
import { ReadinessState } from '../core/readiness.js';
import { connectDatabase } from './connect.js';
import { DATABASE, DATABASE_CONNECTION, type DatabaseConnection } from './database.types.js';
import { EmbeddedLock } from './embedded-lock.js';
import { runMigrations } from './migrate.js';
import { PartitionService } from './partitions.js';
import { TenantSchemaService } from './tenant-schema.js';

@Global()
@Module({
  providers: [
    {
      provide: DATABASE_CONNECTION,
      inject: [CONFIG, ReadinessState],
      useFactory: async (config: AppConfig, readiness: ReadinessState) => {
        if (config.embedded) {
          EmbeddedLock.acquire(config.dataDir);
        }
        const startedAt = Date.now();
        const connection = await connectDatabase(config);
        await runMigrations(connection);
        readiness.complete('migrations');
        logger.info(
          {
            action: 'database.ready',
            driver: connection.driver,
            durationMs: Date.now() - startedAt,
          },
          'database migrated',
        );
        return connection;
      },
    },
    {
      provide: DATABASE,
      inject: [DATABASE_CONNECTION],
      useFactory: (connection: DatabaseConnection) => connection.db,
    },
    PartitionService,
    TenantSchemaService,
  ],
  exports: [DATABASE, DATABASE_CONNECTION, PartitionService, TenantSchemaService],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
    if (this.config.embedded) {
      EmbeddedLock.release(this.config.dataDir);
    }
  }
}
