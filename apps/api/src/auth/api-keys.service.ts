import { Inject, Injectable } from '@nestjs/common';

import { type AppConfig, CONFIG } from '../config/app-config.js';
import {
  InvalidParameterError,
  NotFoundError,
  UnauthorizedError,
} from '../common/errors/domain-errors.js';
import { decodeCursor } from '../common/pagination/cursor.js';
import { DEFAULT_PAGE_LIMIT, type Page, toPage } from '../common/pagination/page.js';
import { Clock } from '../core/clock.js';
import { type ApiKeyRow, ApiKeysRepository, type ApiKeyWithHash } from './api-keys.repository.js';
import { digestsEqual, generateApiKey, hashApiKey, parseKeyPrefix } from './api-key-codec.js';
import { AuditService } from './audit.service.js';
import type { AuthContext, Role } from './roles.js';

/** How often a key's last-use time is written, so reads do not each cause a write. */
const LAST_USED_WRITE_INTERVAL_MS = 60_000;

export interface CreatedApiKey {
  row: ApiKeyRow;
  /** The key itself; shown once and never stored. */
  key: string;
}

@Injectable()
export class ApiKeysService {
  private readonly lastUsedWrites = new Map<string, number>();

  constructor(
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly repository: ApiKeysRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Resolves a presented key to its tenant and role, or throws 401 saying why. */
  async authenticate(presented: string): Promise<AuthContext> {
    const prefix = parseKeyPrefix(presented);
    const row = prefix ? await this.repository.findByPrefix(prefix) : null;
    if (!row || !digestsEqual(row.hash, hashApiKey(presented, this.config.apiKeyPepper))) {
      throw new UnauthorizedError('The API key is invalid');
    }
    const now = this.clock.now();
    if (row.revokedAt) {
      throw new UnauthorizedError('The API key was revoked');
    }
    if (row.expiresAt && row.expiresAt <= now) {
      throw new UnauthorizedError(`The API key expired at ${row.expiresAt.toISOString()}`);
    }
    await this.recordUse(row, now);
    return {
      tenantId: row.tenantId,
      role: row.role,
      keyId: row.id,
      keyName: row.name,
      tenantKey: row.tenantKey,
      tenantName: row.tenantName,
      keyPrefix: row.prefix,
    };
  }

  async create(params: {
    tenantId: string;
    name: string;
    role: Role;
    expiresAt: Date | null;
    actor: string;
  }): Promise<CreatedApiKey> {
    if (params.expiresAt && params.expiresAt <= this.clock.now()) {
      throw InvalidParameterError.forField(
        'expiresAt',
        params.expiresAt.toISOString(),
        'must be in the future',
      );
    }
    const generated = generateApiKey();
    const row = await this.repository.insert({
      tenantId: params.tenantId,
      name: params.name,
      role: params.role,
      prefix: generated.prefix,
      hash: hashApiKey(generated.key, this.config.apiKeyPepper),
      expiresAt: params.expiresAt,
      createdBy: params.actor,
    });
    await this.audit.record({
      tenantId: params.tenantId,
      actor: params.actor,
      action: 'api_key.created',
      targetType: 'api_key',
      targetId: row.id,
      details: { name: row.name, role: row.role, prefix: row.prefix },
    });
    return { row, key: generated.key };
  }

  async list(
    tenantId: string,
    limit = DEFAULT_PAGE_LIMIT,
    cursor?: string,
  ): Promise<Page<ApiKeyRow>> {
    const decoded = decodeCursor(cursor);
    const after = decoded
      ? { createdAt: new Date(String(decoded.sortValue)), id: decoded.id }
      : null;
    const [rows, total] = await Promise.all([
      this.repository.list(tenantId, limit, after),
      this.repository.count(tenantId),
    ]);
    return toPage(rows, limit, total, (row) => row.createdAt.toISOString());
  }

  async revoke(params: { tenantId: string; id: string; actor: string }): Promise<ApiKeyRow> {
    const row = await this.repository.revoke(params.tenantId, params.id, this.clock.now());
    if (!row) {
      throw new NotFoundError('API key', params.id);
    }
    await this.audit.record({
      tenantId: params.tenantId,
      actor: params.actor,
      action: 'api_key.revoked',
      targetType: 'api_key',
      targetId: row.id,
      details: { name: row.name, prefix: row.prefix },
    });
    return row;
  }

  private async recordUse(row: ApiKeyWithHash, now: Date): Promise<void> {
    const lastWrite = this.lastUsedWrites.get(row.id) ?? row.lastUsedAt?.getTime() ?? 0;
    if (now.getTime() - lastWrite < LAST_USED_WRITE_INTERVAL_MS) {
      return;
    }
    this.lastUsedWrites.set(row.id, now.getTime());
    await this.repository.touch(row.tenantId, row.id, now);
  }
}
