import * as path from 'node:path';

import { Inject, Injectable } from '@nestjs/common';

import { type AppConfig, CONFIG } from '../../config/app-config.js';
import type {
  DestinationView,
  ResolvedDestination,
  StoredDestination,
} from './destination.types.js';
import { SecretBox } from './secret-box.js';

/**
 * Seals destination secrets with `SECRETS_KEY` (AES-256-GCM, bound to the tenant) and opens
 * them again only when a delivery needs them.
 */
@Injectable()
export class DestinationVault {
  private readonly box: SecretBox;
  /** Folder that relative directory destinations live under. */
  readonly reportsRoot: string;

  constructor(@Inject(CONFIG) config: AppConfig) {
    this.box = new SecretBox(config.secretsKey);
    this.reportsRoot = path.join(config.dataDir, 'reports');
  }

  seal(tenantId: string, plaintext: string): string {
    return this.box.encrypt(plaintext, secretContext(tenantId));
  }

  /** Decrypts the destination's secrets; throws SecretDecryptionError when they do not open. */
  resolve(tenantId: string, stored: StoredDestination): ResolvedDestination {
    const open = (sealed: string) => this.box.decrypt(sealed, secretContext(tenantId));
    switch (stored.type) {
      case 'email': {
        const { passwordSealed, ...rest } = stored;
        return { ...rest, password: passwordSealed === null ? null : open(passwordSealed) };
      }
      case 'webhook': {
        const { secretSealed, ...rest } = stored;
        return { ...rest, secret: secretSealed === null ? null : open(secretSealed) };
      }
      case 'slack': {
        const { webhookUrlSealed, ...rest } = stored;
        return { ...rest, webhookUrl: open(webhookUrlSealed) };
      }
      case 'directory':
        return {
          ...stored,
          directory: path.isAbsolute(stored.path)
            ? stored.path
            : path.join(this.reportsRoot, stored.path),
        };
    }
  }
}

/** Converts a destination to its API form: sealed fields removed, `secretSet` in their place. */
export function toDestinationView(stored: StoredDestination): DestinationView {
  switch (stored.type) {
    case 'email': {
      const { passwordSealed, ...rest } = stored;
      return { ...rest, secretSet: passwordSealed !== null };
    }
    case 'webhook': {
      const { secretSealed, ...rest } = stored;
      return { ...rest, secretSet: secretSealed !== null };
    }
    case 'slack': {
      const { webhookUrlSealed, ...rest } = stored;
      return { ...rest, secretSet: webhookUrlSealed.length > 0 };
    }
    case 'directory':
      return { ...stored, secretSet: false };
  }
}

function secretContext(tenantId: string): string {
  return `report-destination:${tenantId}`;
}
