import { Global, Module } from '@nestjs/common';

import { PanelRegistry } from './panel-registry.js';
import { PanelsController } from './panels.controller.js';

/** The dashboard-panel registry and its read endpoint. */
@Global()
@Module({
  controllers: [PanelsController],
  providers: [PanelRegistry],
  exports: [PanelRegistry],
})
export class PanelsModule {}
