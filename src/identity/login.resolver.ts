import { Arg, Ctx, Extensions, Mutation, Resolver } from 'type-graphql';
import { CHANGES_OWN_STANDING } from '../access/standing-writes.js';
import type { GatewayContext } from '../graphql/context.js';
import { requestLoginCode, verifyLoginCode } from './login.service.js';
import { LoginCodeSent, LoginResult, RefreshResult, type LoginFailed, type LoginSucceeded, type RefreshFailed, type SessionRefreshed } from './login.type.js';
import { endSession, MOBILE_CLIENT_ID, rotateRefreshToken, sessionTokens } from './session.service.js';

@Resolver()
export class LoginResolver {
  @Mutation(() => LoginCodeSent, {
    description:
      'Sends a 6-digit login code by SMS to a Kazakh mobile number; the code lives 5 minutes and allows 5 tries. ' +
      'BAD_USER_INPUT when the number is not a Kazakh mobile; RATE_LIMITED (extensions.retryAfterSeconds) after 3 codes ' +
      'for one phone in 15 minutes or too many requests from one address; SMS_NOT_DELIVERED (extensions.retryAfterSeconds) when the ' +
      "SMS gateway did not take the message after its retries (that code does not count against the phone's limit).",
  })
  requestLoginCode(@Arg('phone') phone: string, @Ctx() ctx: GatewayContext): Promise<LoginCodeSent> {
    return requestLoginCode(ctx, phone);
  }

  @Mutation(() => LoginResult, {
    description:
      'Checks the newest login code of the phone. A right code opens a session (a new phone gets a traveller account) ' +
      'and returns a 15-minute access token with a single-use refresh token. RATE_LIMITED once the code has used up its 5 tries ' +
      'or the address checks too many codes. In production a staff account gets LoginFailed STAFF_SIGN_IN_BY_OPENID: staff sign in ' +
      'through the staff OpenID issuer.',
  })
  verifyLoginCode(
    @Arg('phone') phone: string,
    @Arg('code') code: string,
    @Arg('clientId', () => String, {
      nullable: true,
      defaultValue: MOBILE_CLIENT_ID,
      description: "The app's registered public client id, bound into the session's tokens (client_id); BAD_USER_INPUT when not registered",
    })
    clientId: string | null,
    @Ctx() ctx: GatewayContext,
  ): Promise<LoginSucceeded | LoginFailed> {
    return verifyLoginCode(ctx, phone, code, clientId ?? MOBILE_CLIENT_ID);
  }

  @Mutation(() => RefreshResult, {
    description:
      'Rotates the refresh token: returns a new access token and a new refresh token. Presenting a refresh token ' +
      'that was already used ends the whole session, so its access tokens stop working too.',
  })
  async refreshSession(@Arg('refreshToken') refreshToken: string, @Ctx() ctx: GatewayContext): Promise<SessionRefreshed | RefreshFailed> {
    const { cfg, logger } = ctx.services;
    const r = await rotateRefreshToken(ctx.em(), cfg, logger, refreshToken);
    if (!r.ok) return { reason: r.reason };
    return { tokens: await sessionTokens(ctx.services.auth.ring, cfg, r.user, r.session, r.refreshToken) };
  }

  @Mutation(() => Boolean, { description: "Ends the caller's session, if the token belongs to one, and revokes the presented access token" })
  @Extensions(CHANGES_OWN_STANDING)
  async logout(@Ctx() ctx: GatewayContext): Promise<boolean> {
    await endSession(ctx.em(), ctx.principal, ctx.facts);
    return true;
  }
}
