import { HttpContextToken } from '@angular/common/http';

/**
 * A key to send on this request in place of the stored one. Sign-in uses it to check a pasted key
 * before storing it. A 401 on such a request does not end the current session.
 */
export const API_KEY_OVERRIDE = new HttpContextToken<string | null>(() => null);
