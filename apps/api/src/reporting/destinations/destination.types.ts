/** Destination types of a schedule's report files. */
export const DESTINATION_TYPES = ['email', 'webhook', 'slack', 'directory'] as const;
export type DestinationType = (typeof DESTINATION_TYPES)[number];

/**
 * A destination as stored in `report_schedules.destinations`. Secret fields hold AES-256-GCM
 * ciphertext (see SecretBox) and are never returned by the API.
 */
export type StoredDestination =
  | StoredEmailDestination
  | StoredWebhookDestination
  | StoredSlackDestination
  | StoredDirectoryDestination;

interface StoredBase {
  id: string;
  name: string;
}

export interface StoredEmailDestination extends StoredBase {
  type: 'email';
  host: string;
  port: number;
  /** True for implicit TLS (usually port 465); false lets the server offer STARTTLS. */
  secure: boolean;
  from: string;
  to: string[];
  username: string | null;
  passwordSealed: string | null;
}

export interface StoredWebhookDestination extends StoredBase {
  type: 'webhook';
  url: string;
  secretSealed: string | null;
}

export interface StoredSlackDestination extends StoredBase {
  type: 'slack';
  /** The incoming-webhook URL; it is the credential, so it is stored sealed. */
  webhookUrlSealed: string;
}

export interface StoredDirectoryDestination extends StoredBase {
  type: 'directory';
  /** A folder under `$DATA_DIR/reports`, or an absolute path that an admin set. */
  path: string;
}

/** A destination as the API returns it: no secret, and `secretSet` telling whether one is stored. */
export type DestinationView =
  | (Omit<StoredEmailDestination, 'passwordSealed'> & { secretSet: boolean })
  | (Omit<StoredWebhookDestination, 'secretSealed'> & { secretSet: boolean })
  | (Omit<StoredSlackDestination, 'webhookUrlSealed'> & { secretSet: boolean })
  | (StoredDirectoryDestination & { secretSet: boolean });

/** A destination with its secrets decrypted, ready to send to. Lives only in memory. */
export type ResolvedDestination =
  | (Omit<StoredEmailDestination, 'passwordSealed'> & { password: string | null })
  | (Omit<StoredWebhookDestination, 'secretSealed'> & { secret: string | null })
  | (Omit<StoredSlackDestination, 'webhookUrlSealed'> & { webhookUrl: string })
  | (StoredDirectoryDestination & { directory: string });
