/**
 * The part of the API contract for the decision register, the follow-up walk and search
 * (issue 6). Spread into `methods` in contract.ts, so it is still one contract; kept in its own
 * file because other work edits contract.ts at the same time. It cannot import contract.ts
 * (that module imports this one), hence its own `id` and `isoDate`.
 */
import { z } from 'zod';
import { decisionKinds, decisionStatuses, duePointSchema, ownerSchema } from '../followup';
import { isIsoDate } from '../bodies/isoDate';

const id = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'id');
const isoDate = z.string().refine(isIsoDate, 'YYYY-MM-DD');

export const registerDecisionSchema = z.object({
  id,
  meetingId: id,
  meetingDate: isoDate,
  meetingTitle: z.string(),
  bodyId: id,
  itemId: id,
  subItemId: id.nullable(),
  /** The § label as computed now ("§ 95", "§ 100c"); null before numbering has run. */
  label: z.string().nullable(),
  /** The title of the § (or of the sub-item) the decision stands under. */
  itemTitle: z.string(),
  text: z.string(),
  kind: z.enum(decisionKinds),
  owners: z.array(ownerSchema),
  due: duePointSchema.nullable(),
  /** A sortable day for the due point (exact, a meeting's date, a month's first day). */
  dueDay: isoDate.nullable(),
  status: z.enum(decisionStatuses),
  statusNote: z.string().nullable(),
  needsFollowUp: z.boolean(),
  /** Open, with a due day before `today`. */
  overdue: z.boolean(),
  source: z.object({
    kind: z.enum(['detected', 'corrected']),
    owners: z.enum(['detected', 'corrected']),
    due: z.enum(['detected', 'corrected']),
    status: z.enum(['default', 'corrected']),
  }),
  /** Corrected fields whose detection changed after the correction ("keep your correction?"). */
  stale: z.array(z.enum(['kind', 'owners', 'due'])),
  /** The later § where it was reported back (återkoppling), from the follow-up walk's links. */
  reportedIn: z.array(z.object({ meetingId: id, meetingDate: isoDate, itemId: id, label: z.string().nullable() })),
});
export type RegisterDecisionRow = z.infer<typeof registerDecisionSchema>;

export const registerFilterSchema = z
  .object({
    bodyId: id.optional(),
    meetingId: id.optional(),
    /** A roster person's id: decisions they own. */
    ownerId: id.optional(),
    status: z.enum(decisionStatuses).optional(),
    /** Only decisions due on or before this day. */
    dueBefore: isoDate.optional(),
    overdueOnly: z.boolean().optional(),
    needsFollowUp: z.boolean().optional(),
    /** What "overdue" is measured against; today (local) when left out. */
    today: isoDate.optional(),
    limit: z.number().int().min(1).max(10_000).default(2_000),
  })
  .strict();

export const searchHitSchema = z.object({
  kind: z.enum(['item', 'decision']),
  meetingId: id,
  meetingDate: isoDate,
  meetingTitle: z.string(),
  bodyId: id,
  bodyName: z.string(),
  itemId: id,
  subItemId: id.nullable(),
  decisionId: id.nullable(),
  label: z.string().nullable(),
  title: z.string(),
  /** The text around the first hit, hits marked: parts, never markup. */
  snippet: z.array(z.object({ text: z.string(), hit: z.boolean() })),
  /**
   * exact: the words as typed (å/ä/ö as letters of their own) · folded: found only when å/ä/ö
   * are read as a/a/o (the query had none) · short: a one- or two-character query (titles, § numbers).
   */
  match: z.enum(['exact', 'folded', 'short']),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const offeredItemSchema = z.object({
  /** Stable key of the offer: the decision id, or "item:<itemId>" for an item marked bordlagd. */
  key: z.string(),
  kind: z.enum(['bordlagd', 'aterremitterad']),
  sourceMeetingId: id,
  sourceItemId: id,
  decisionId: id.nullable(),
  meetingDate: isoDate,
  label: z.string().nullable(),
  title: z.string(),
  /** A suggested agenda title: "VFU … (bordlagd 2021-04-09, § 95)". */
  text: z.string(),
});
export type OfferedItem = z.infer<typeof offeredItemSchema>;

const ref = { meetingId: id, decisionId: id };

export const registerMethods = {
  'register.pdf': {
    params: z.object({ bodyId: id, status: z.enum(decisionStatuses).optional(), today: isoDate.optional() }).strict(),
    result: z.object({ pdf: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'), fileName: z.string(), decisions: z.number().int() }),
    doc: 'The register of a body as a PDF for the chair: the decisions that need återkoppling (all, or those with one status), with where each was reported back.',
  },
  'register.list': {
    params: registerFilterSchema,
    result: z.array(registerDecisionSchema),
    doc: 'Decisions of the register: filter by body, meeting, owner, status, due day; overdue ones flagged.',
  },
  'register.setStatus': {
    params: z
      .object({
        ...ref,
        status: z.enum(decisionStatuses),
        note: z.string().trim().max(2000).optional(),
        /** Where it was done: the register (a person), or the follow-up panel of a later meeting. */
        source: z.enum(['person', 'follow-up']).default('person'),
      })
      .strict(),
    result: registerDecisionSchema,
    doc: 'Mark a decision open, done or cancelled: a correction stored in its meeting document.',
  },
  'register.correct': {
    params: z
      .object({
        ...ref,
        change: z.discriminatedUnion('field', [
          z.object({ field: z.literal('kind'), value: z.enum(decisionKinds) }),
          z.object({ field: z.literal('owners'), value: z.array(ownerSchema).max(100) }),
          z.object({ field: z.literal('due'), value: duePointSchema.nullable() }),
        ]),
      })
      .strict(),
    result: registerDecisionSchema,
    doc: 'Correct what detection read (kind, owners, due point); the correction wins over later detection.',
  },
  'search.query': {
    params: z
      .object({
        query: z.string().max(200),
        bodyId: id.optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        /** Items (or decisions) with a decision owned by this roster person. */
        personId: id.optional(),
        decisionsOnly: z.boolean().optional(),
        status: z.enum(decisionStatuses).optional(),
        limit: z.number().int().min(1).max(200).default(30),
      })
      .strict(),
    result: z.object({ hits: z.array(searchHitSchema), more: z.boolean() }),
    doc: 'Search the § titles and text of all meetings (substring, with an å/ä/ö-less fallback).',
  },
  'meetings.offeredItems': {
    params: z.object({ meetingId: id }).strict(),
    result: z.array(offeredItemSchema),
    doc: 'Tabled (bordlagda) and sent-back items of earlier meetings, offered for this agenda.',
  },
} as const;
