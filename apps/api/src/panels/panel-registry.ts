import { Injectable } from '@nestjs/common';

import { DomainError } from '../common/errors/domain-errors.js';
import type { DashboardId, DashboardPanelProvider } from './panel.types.js';

/** Dashboard modules register their provider here when they start. */
@Injectable()
export class PanelRegistry {
  private readonly providers = new Map<DashboardId, DashboardPanelProvider>();

  register(provider: DashboardPanelProvider): void {
    if (this.providers.has(provider.dashboard)) {
      throw new Error(`A panel provider for ${provider.dashboard} is already registered`);
    }
    this.providers.set(provider.dashboard, provider);
  }

  get(dashboard: DashboardId): DashboardPanelProvider {
    const provider = this.providers.get(dashboard);
    if (!provider) {
      throw new DomainError('not_found', `The ${dashboard} dashboard is not built yet`, 404, [
        { field: 'dashboard', value: dashboard, reason: 'not built yet' },
      ]);
    }
    return provider;
  }

  registered(): DashboardId[] {
    return [...this.providers.keys()];
  }
}
