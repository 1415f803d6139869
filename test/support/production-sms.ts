/** An SMS gateway production accepts; nothing reaches it (suites that sign in replace the sender to read the codes). */
export const PRODUCTION_SMS = Object.freeze({ SMS_API_URL: 'https://sms.invalid', SMS_API_KEY: 'not-a-real-key' });
