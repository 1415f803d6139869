import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GatewayContext } from '../graphql/context.js';
import { decodeCursor, TIMESTAMP_KEY } from '../graphql/cursor.js';
import { pageSize } from '../graphql/validate.js';
import { reachedVia } from '../privacy/privacy.edge.js';
import { Person } from '../users/person.type.js';
import type { PersonRow } from '../users/user.service.js';
import { AttachmentInput } from './complaint.input.js';
import { complaintsByStatus, complaintsOfUser, fileComplaint, setComplaintStatus } from './complaint.service.js';
import { Complaint, ComplaintStatus, StaffComplaint, StaffComplaintPage } from './complaint.type.js';
import { accountIdOf } from '../access/principal.js';

// complaint.rules.ts: travellers file and read their own; support and administrators handle them.
@Resolver()
export class ComplaintResolver {
  @Mutation(() => Complaint, { description: 'File a claim about how personal data is stored or used, with document metadata' })
  fileComplaint(
    @Arg('subject') subject: string,
    @Arg('body') body: string,
    @Arg('attachments', () => [AttachmentInput], { defaultValue: [] }) attachments: AttachmentInput[],
    @Ctx() ctx: GatewayContext,
  ): Promise<Complaint> {
    return fileComplaint(ctx, accountIdOf(ctx.principal), subject, body, attachments);
  }

  @Query(() => [Complaint], { description: "The caller's own complaints, newest first" })
  myComplaints(@Ctx() ctx: GatewayContext): Promise<Complaint[]> {
    return complaintsOfUser(ctx, accountIdOf(ctx.principal));
  }

  @Query(() => StaffComplaintPage, { description: 'Support and administrators: complaints, oldest first' })
  complaints(
    @Ctx() ctx: GatewayContext,
    @Arg('status', () => ComplaintStatus, { nullable: true }) status?: ComplaintStatus | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first = 50,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page' }) after?: string | null,
  ): Promise<StaffComplaintPage> {
    return complaintsByStatus(ctx, status ?? null, after ? decodeCursor(after, TIMESTAMP_KEY) : null, pageSize(first, ctx.services.cfg.limits.maxPageSize));
  }

  @Mutation(() => StaffComplaint, { description: 'Support and administrators: move a complaint along' })
  setComplaintStatus(@Arg('id', () => ID) id: string, @Arg('status', () => ComplaintStatus) status: ComplaintStatus, @Ctx() ctx: GatewayContext): Promise<Complaint> {
    return setComplaintStatus(ctx, id, status);
  }
}

@Resolver(() => StaffComplaint)
export class StaffComplaintResolver {
  @FieldResolver(() => Person, { description: 'The complainant, as the privacy policy lets the caller see them' })
  async author(@Root() c: Complaint, @Ctx() ctx: GatewayContext): Promise<PersonRow> {
    const p = await ctx.loaders.person.load(c.userId);
    if (!p) throw new Error('complaint without author');
    return reachedVia(p, 'STAFF_LOOKUP', c.id);
  }
}
