/**
 * Attendance of one meeting: the meeting Y.Doc's `attendance` Y.Map, one entry per person
 * (key: the roster person's id) or guest (key: "guest-<id>"). Each entry is replaced whole
 * when it changes, so two devices marking two people merge, and the last mark of one person
 * wins. Validated here so the Core's projection and the renderer read it the same way.
 */
import { z } from 'zod';

export const attendanceStatuses = ['narvarande', 'forhinder', 'ersattare', 'ovrig'] as const;
export const attendanceStatusLabels: Record<(typeof attendanceStatuses)[number], { sv: string; en: string }> = {
  narvarande: { sv: 'Närvarande', en: 'Present' },
  forhinder: { sv: 'Förhinder', en: 'Absent' },
  ersattare: { sv: 'Tjänstgörande ersättare', en: 'Serving substitute' },
  ovrig: { sv: 'Övriga närvarande', en: 'Also present' },
};

export const meetingRoles = ['ordforande', 'sekreterare', 'justerare', 'kommunikator', 'processledare'] as const;
export const meetingRoleLabels: Record<(typeof meetingRoles)[number], { sv: string; en: string }> = {
  ordforande: { sv: 'Ordförande', en: 'Chair' },
  sekreterare: { sv: 'Sekreterare', en: 'Secretary' },
  justerare: { sv: 'Justerare', en: 'Adjuster' },
  kommunikator: { sv: 'Kommunikatör', en: 'Communications officer' },
  processledare: { sv: 'Processledare', en: 'Process leader' },
};

export const attendanceEntrySchema = z
  .object({
    /** The roster person; null for a guest who is not in the roster. */
    personId: z.string().min(1).max(100).nullable(),
    guest: z.object({ name: z.string().trim().min(1).max(200), title: z.string().max(200), organisation: z.string().max(200) }).optional(),
    status: z.enum(attendanceStatuses),
    /** For a serving substitute: whom they replace ("tjänstgörande ersättare för X"). */
    replaces: z.string().min(1).max(100).optional(),
    roles: z.array(z.enum(meetingRoles)).max(5),
    /**
     * Present for part of the meeting only. `itemIds`: the § items they attended (labels are
     * computed, so "§ 103" follows the item if numbers change before the start); `note`: free
     * text as minutes write it ("ej fm", "till och från").
     */
    presence: z.object({ itemIds: z.array(z.string().min(1).max(100)).max(500).optional(), note: z.string().max(200).optional() }).optional(),
  })
  .refine((e) => (e.personId === null) === (e.guest !== undefined), 'a guest has no personId, a roster person no guest')
  .refine((e) => e.status === 'ersattare' || e.replaces === undefined, 'only a serving substitute replaces someone');

export type AttendanceEntry = z.infer<typeof attendanceEntrySchema>;
export type AttendanceStatus = AttendanceEntry['status'];
export type MeetingRole = AttendanceEntry['roles'][number];
