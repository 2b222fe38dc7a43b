import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Secrets {
  apiKeyPepper: string;
  secretsKey: string;
  cronToken: string;
}

/**
 * Loads the embedded mode's secrets from `$DATA_DIR/secrets.json`, creating the
 * file (mode 0600) with fresh random values on first start.
 */
export function loadOrCreateSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, 'secrets.json');
  if (fs.existsSync(file)) {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Secrets;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secrets: Secrets = {
    apiKeyPepper: randomBytes(32).toString('base64url'),
    secretsKey: randomBytes(32).toString('hex'),
    cronToken: randomBytes(24).toString('base64url'),
  };
  fs.writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return secrets;
}
