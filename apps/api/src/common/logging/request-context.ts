import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request values that every log line and error body carries. */
export interface RequestContext {
  requestId: string;
  tenantId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentRequestId(): string {
  return storage.getStore()?.requestId ?? 'none';
}

/** Records the tenant once the request is authenticated, so later log lines carry it. */
export function setRequestTenant(tenantId: string): void {
  const context = storage.getStore();
  if (context) {
    context.tenantId = tenantId;
  }
}
