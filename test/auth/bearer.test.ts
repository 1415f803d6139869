import { describe, expect, it } from '@jest/globals';
import { AuthError } from '../../src/access/auth.errors.js';
import { parseAuthorization } from '../../src/auth/bearer.js';

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln-_~+/';

function code(value: string | string[] | undefined): string | null {
  try {
    parseAuthorization(value);
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(AuthError);
    expect((err as AuthError).status).toBe(401);
    return (err as AuthError).code;
  }
}

describe('parseAuthorization', () => {
  it('treats a missing header as anonymous', () => {
    expect(parseAuthorization(undefined)).toBeNull();
  });

  it('returns the token of a well-formed bearer credential', () => {
    expect(parseAuthorization(`Bearer ${TOKEN}`)).toBe(TOKEN);
    expect(parseAuthorization(`bearer ${TOKEN}`)).toBe(TOKEN);
    expect(parseAuthorization([`Bearer ${TOKEN}`])).toBe(TOKEN);
    expect(parseAuthorization('Bearer abc==')).toBe('abc==');
  });

  it.each([
    ['two headers', [`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]],
    ['an empty header list', []],
    ['a comma-joined second credential', `Bearer ${TOKEN}, Bearer other`],
    ['a comma-joined basic credential', `Bearer ${TOKEN},Basic dXNlcjpwYXNz`],
    ['an empty header', ''],
    ['Bearer with nothing after it', 'Bearer'],
    ['Bearer and a space only', 'Bearer '],
    ['the wrong scheme', `Basic ${TOKEN}`],
    ['no scheme', TOKEN],
    ['two spaces', `Bearer  ${TOKEN}`],
    ['a leading space', ` Bearer ${TOKEN}`],
    ['a trailing space', `Bearer ${TOKEN} `],
    ['a tab', `Bearer\t${TOKEN}`],
    ['two tokens', `Bearer ${TOKEN} ${TOKEN}`],
    ['characters outside b64token', 'Bearer abc"def'],
    ['padding in the middle', 'Bearer ab=cd'],
    ['an oversized value', `Bearer ${'a'.repeat(9000)}`],
  ])('refuses %s as TOKEN_MALFORMED', (_label, value) => {
    expect(code(value)).toBe('TOKEN_MALFORMED');
  });

  it('never echoes the header in the error', () => {
    try {
      parseAuthorization(`Token ${TOKEN}`);
    } catch (err) {
      expect((err as Error).message).not.toContain(TOKEN);
    }
    expect.assertions(1);
  });
});
