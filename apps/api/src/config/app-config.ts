import * as path from 'node:path';

/** Report scheduling modes: the in-process timer, or only the external tick. */
export type ReportSchedulerMode = 'in-process' | 'external';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** Validated configuration; read once at start and injected everywhere else. */
export interface AppConfig {
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  /** True when no DATABASE_URL is set and the app runs on PGlite under `dataDir`. */
  embedded: boolean;
  apiKeyPepper: string;
  secretsKey: Buffer;
  cronToken: string;
  reportScheduler: ReportSchedulerMode;
  demo: boolean;
  demoSeed: number;
  chromiumPath: string;
  logLevel: LogLevel;
  retention: RetentionDays;
  /** Write requests (a batch counts once) one tenant may make per minute, per process. */
  writeRequestsPerMinute: number;
  /** Exports and previews one tenant may start per minute, per process. */
  exportsPerMinute: number;
  webDistDir: string;
}

/** Days each data class is kept before its day partitions or rows are dropped. */
export interface RetentionDays {
  interactions: number;
  decisionTraces: number;
  decisionRuns: number;
  rollups: number;
}

/** Repository root, found from this file so the default DATA_DIR ignores the working directory. */
export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
  }
}

export const CONFIG = Symbol('AppConfig');
