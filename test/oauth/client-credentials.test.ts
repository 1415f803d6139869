import { describe, expect, it } from '@jest/globals';
import { grantScopes, parseTokenRequest } from '../../src/oauth/client-credentials.js';
import { oauthError } from '../../src/oauth/oauth-errors.js';

const FORM = 'application/x-www-form-urlencoded';
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

function refusal(...args: Parameters<typeof parseTokenRequest>) {
  const result = parseTokenRequest(...args);
  if (result.ok) throw new Error('request was accepted');
  return result.error;
}

describe('parseTokenRequest', () => {
  it('accepts client_secret_basic with form-urlencoded credentials', () => {
    const result = parseTokenRequest(`${FORM}; charset=UTF-8`, 'grant_type=client_credentials&scope=travelers:read%20tours:read', basic('op:1 ü', 's3+cr/et'));
    expect(result).toEqual({
      ok: true,
      value: { grantType: 'client_credentials', clientId: 'op:1 ü', clientSecret: 's3+cr/et', scope: ['travelers:read', 'tours:read'], authMethod: 'client_secret_basic' },
    });
  });

  it('decodes + as a space in Basic credentials (RFC 6749 2.3.1)', () => {
    const header = `Basic ${Buffer.from('my+client:a%2Bb').toString('base64')}`;
    const result = parseTokenRequest(FORM, 'grant_type=client_credentials', header);
    expect(result.ok && result.value).toMatchObject({ clientId: 'my client', clientSecret: 'a+b' });
  });

  it('accepts client_secret_post and a null scope when none is asked for', () => {
    const result = parseTokenRequest(FORM, 'grant_type=client_credentials&client_id=op-1&client_secret=xyz&scope=', undefined);
    expect(result).toEqual({
      ok: true,
      value: { grantType: 'client_credentials', clientId: 'op-1', clientSecret: 'xyz', scope: null, authMethod: 'client_secret_post' },
    });
  });

  it('allows a matching client_id next to Basic, but not a different one', () => {
    expect(parseTokenRequest(FORM, 'grant_type=client_credentials&client_id=op-1', basic('op-1', 's')).ok).toBe(true);
    expect(refusal(FORM, 'grant_type=client_credentials&client_id=op-2', basic('op-1', 's')).body.error).toBe('invalid_request');
  });

  it('refuses both methods at once', () => {
    const error = refusal(FORM, 'grant_type=client_credentials&client_id=op-1&client_secret=s', basic('op-1', 's'));
    expect(error.status).toBe(400);
    expect(error.body.error).toBe('invalid_request');
  });

  it('refuses a request without client authentication', () => {
    expect(refusal(FORM, 'grant_type=client_credentials', undefined).body.error).toBe('invalid_client');
    expect(refusal(FORM, 'grant_type=client_credentials&client_id=op-1', undefined).body.error).toBe('invalid_client');
  });

  it('answers a failed Basic attempt with 401 and a Basic challenge', () => {
    for (const header of ['Basic !!!', `Basic ${Buffer.from('no-colon').toString('base64')}`, `Basic ${Buffer.from(':secret').toString('base64')}`, 'Bearer abc']) {
      const error = refusal(FORM, 'grant_type=client_credentials', header);
      expect(error.status).toBe(401);
      expect(error.body.error).toBe('invalid_client');
      expect(error.headers['WWW-Authenticate']).toMatch(/^Basic realm=/);
    }
    expect(refusal(FORM, 'grant_type=client_credentials', [basic('a', 'b'), basic('a', 'b')]).body.error).toBe('invalid_request');
  });

  it('refuses anything but a form body', () => {
    for (const type of [undefined, 'application/json', 'multipart/form-data; boundary=x', 'text/plain']) {
      expect(refusal(type, 'grant_type=client_credentials&client_id=a&client_secret=b', undefined).body.error).toBe('invalid_request');
    }
  });

  it('refuses missing, unknown and repeated grant types', () => {
    expect(refusal(FORM, 'client_id=a&client_secret=b', undefined).body.error).toBe('invalid_request');
    expect(refusal(FORM, 'grant_type=password&client_id=a&client_secret=b', undefined).body.error).toBe('unsupported_grant_type');
    expect(refusal(FORM, 'grant_type=client_credentials&grant_type=client_credentials&client_id=a&client_secret=b', undefined).body.error).toBe('invalid_request');
  });

  it('refuses a malformed scope', () => {
    expect(refusal(FORM, 'grant_type=client_credentials&scope=a%20%20b', basic('a', 'b')).body.error).toBe('invalid_scope');
    expect(refusal(FORM, 'grant_type=client_credentials&scope=a%22b', basic('a', 'b')).body.error).toBe('invalid_scope');
  });
});

describe('grantScopes', () => {
  const registered = ['travelers:read', 'tours:read'];
  it('grants everything registered when nothing was asked for', () => {
    expect(grantScopes(null, registered)).toEqual({ ok: true, value: registered });
  });
  it('grants a requested subset', () => {
    expect(grantScopes(['tours:read', 'tours:read'], registered)).toEqual({ ok: true, value: ['tours:read'] });
  });
  it('refuses anything beyond the registration', () => {
    const result = grantScopes(['tours:read', 'admin'], registered);
    expect(!result.ok && result.error.body.error).toBe('invalid_scope');
  });
});

describe('oauthError', () => {
  it('builds an RFC 6749 error that is never cached', () => {
    expect(oauthError('invalid_grant', 'Login code "expired"\n')).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Login code ?expired??' },
      headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
    });
  });
  it('challenges with Basic only for invalid_client after a Basic attempt', () => {
    expect(oauthError('invalid_client', 'x', true).status).toBe(401);
    expect(oauthError('invalid_client', 'x').status).toBe(400);
    expect(oauthError('invalid_client', 'x').headers).not.toHaveProperty('WWW-Authenticate');
    expect(oauthError('invalid_request', 'x', true).status).toBe(400);
  });
});
