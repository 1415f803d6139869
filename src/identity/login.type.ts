import { createUnionType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum LoginFailureReason {
  WRONG_CODE = 'WRONG_CODE',
  CODE_EXPIRED = 'CODE_EXPIRED',
  ACCOUNT_BLOCKED = 'ACCOUNT_BLOCKED',
  STAFF_SIGN_IN_BY_OPENID = 'STAFF_SIGN_IN_BY_OPENID',
}
registerEnumType(LoginFailureReason, {
  name: 'LoginFailureReason',
  valuesConfig: {
    WRONG_CODE: { description: 'The code does not match; attemptsLeft says how many tries remain' },
    CODE_EXPIRED: { description: 'No live code for this phone: never requested, expired, already used or replaced by a newer one' },
    ACCOUNT_BLOCKED: { description: 'The code was right but the account may not sign in' },
    STAFF_SIGN_IN_BY_OPENID: { description: 'The code was right but the account is staff: in production staff sign in only through the staff OpenID issuer' },
  },
});

export enum RefreshFailureReason {
  INVALID_TOKEN = 'INVALID_TOKEN',
  SESSION_EXPIRED = 'SESSION_EXPIRED',
  SESSION_REVOKED = 'SESSION_REVOKED',
  STAFF_SIGN_IN_BY_OPENID = 'STAFF_SIGN_IN_BY_OPENID',
}
registerEnumType(RefreshFailureReason, {
  name: 'RefreshFailureReason',
  valuesConfig: {
    INVALID_TOKEN: { description: 'Not a refresh token this service issued' },
    SESSION_EXPIRED: { description: 'The session reached its absolute lifetime; sign in again' },
    SESSION_REVOKED: { description: 'The session was ended by logout, by an administrator, or because an already used refresh token was presented again' },
    STAFF_SIGN_IN_BY_OPENID: { description: "A staff account's SMS session, refused in production (the session ends): staff sign in through the staff OpenID issuer" },
  },
});

@ObjectType({ description: 'A login code was sent by SMS (the same answer whether or not the phone has an account)' })
export class LoginCodeSent {
  @Field(() => Int, { description: 'Seconds the code stays valid' }) expiresInSeconds!: number;
}

@ObjectType({ description: 'Tokens of a signed-in session' })
export class SessionTokens {
  @Field({ description: 'JWT access token (RFC 9068), sent as Authorization: Bearer' }) accessToken!: string;
  @Field({ description: 'Always Bearer' }) tokenType!: string;
  @Field(() => Int, { description: 'Seconds until the access token expires' }) expiresInSeconds!: number;
  @Field({ description: 'Single-use refresh token for refreshSession; presenting it twice ends the session' }) refreshToken!: string;
}

@ObjectType({ description: 'The code was right: the session is open (a new phone gets a traveller account)' })
export class LoginSucceeded {
  @Field(() => SessionTokens) tokens!: SessionTokens;
  @Field({ description: 'True when this login created the account' }) newAccount!: boolean;
}

@ObjectType({ description: 'An expected refusal; too many attempts are an error with code RATE_LIMITED instead' })
export class LoginFailed {
  @Field(() => LoginFailureReason) reason!: LoginFailureReason;
  @Field(() => Int, { description: 'Tries left on the current code' }) attemptsLeft!: number;
}

export const LoginResult = createUnionType({
  name: 'LoginResult',
  description: 'LoginSucceeded, or LoginFailed with a reason',
  types: () => [LoginSucceeded, LoginFailed] as const,
  resolveType: (v) => ('tokens' in v ? LoginSucceeded : LoginFailed),
});

@ObjectType({ description: 'The refresh token was rotated: use the new pair from now on' })
export class SessionRefreshed {
  @Field(() => SessionTokens) tokens!: SessionTokens;
}

@ObjectType({ description: 'The refresh token was refused; the client must sign in again' })
export class RefreshFailed {
  @Field(() => RefreshFailureReason) reason!: RefreshFailureReason;
}

export const RefreshResult = createUnionType({
  name: 'RefreshResult',
  description: 'SessionRefreshed, or RefreshFailed with a reason',
  types: () => [SessionRefreshed, RefreshFailed] as const,
  resolveType: (v) => ('tokens' in v ? SessionRefreshed : RefreshFailed),
});
