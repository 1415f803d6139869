import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { ProfileRejectionReason, ProfileResult, type ProfileRejected, type ProfileUpdated } from './me.type.js';
import { ProfileInput } from './profile.input.js';
import { saveProfile, validateProfile } from './profile.service.js';
import { reachedVia } from '../privacy/privacy.edge.js';
import { accountIdOf } from '../access/principal.js';

@Resolver()
export class ProfileResolver {
  @Mutation(() => ProfileResult, { description: "Correct or complete the caller's own profile (IIN and passport are stored encrypted)" })
  async updateProfile(@Arg('input', () => ProfileInput) input: ProfileInput, @Ctx() ctx: GatewayContext): Promise<ProfileUpdated | ProfileRejected> {
    const changes = validateProfile(input);
    // isUser has established the caller is a signed-in traveller, so the id is present.
    const row = await saveProfile(ctx, accountIdOf(ctx.principal), changes);
    if (!row) return { reason: ProfileRejectionReason.IIN_ALREADY_REGISTERED };
    return { profile: reachedVia(row, 'PROFILE_SELF', null) };
  }
}
