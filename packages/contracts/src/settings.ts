import { z } from 'zod';

const threshold = z.number().min(0).max(1);

/** Per-tenant detection settings; every field has a documented default. */
export const tenantSettingsSchema = z
  .object({
    suspect_threshold: threshold.default(0.45),
    coordinated_threshold: threshold.default(0.7),
  })
  .strict()
  .refine((s) => s.suspect_threshold <= s.coordinated_threshold, {
    message: 'must not exceed coordinated_threshold',
    path: ['suspect_threshold'],
  });
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

/** The settings of a tenant that never changed them. */
export const DEFAULT_SETTINGS: TenantSettings = tenantSettingsSchema.parse({});

/**
 * Body of `PUT /v1/settings`: replaces the settings, omitted fields taking their defaults. An empty
 * body is refused (it is more likely a client bug than a wish to reset), and a threshold pair that
 * does not fit is reported on the field the client sent.
 */
export const settingsUpdateSchema = z
  .object({ suspect_threshold: threshold.optional(), coordinated_threshold: threshold.optional() })
  .strict()
  .superRefine((s, ctx) => {
    if (s.suspect_threshold === undefined && s.coordinated_threshold === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must set suspect_threshold, coordinated_threshold or both' });
      return;
    }
    const suspect = s.suspect_threshold ?? DEFAULT_SETTINGS.suspect_threshold;
    const coordinated = s.coordinated_threshold ?? DEFAULT_SETTINGS.coordinated_threshold;
    if (suspect <= coordinated) return;
    if (s.suspect_threshold === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must not be below suspect_threshold (default ${suspect})`, path: ['coordinated_threshold'] });
    } else {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must not exceed coordinated_threshold (${coordinated})`, path: ['suspect_threshold'] });
    }
  })
  .transform((s): TenantSettings => ({
    suspect_threshold: s.suspect_threshold ?? DEFAULT_SETTINGS.suspect_threshold,
    coordinated_threshold: s.coordinated_threshold ?? DEFAULT_SETTINGS.coordinated_threshold,
  }));

/** A tenant's stored settings; the defaults when none are stored or they no longer validate. */
export function tenantSettingsOrDefaults(raw: unknown): TenantSettings {
  const parsed = tenantSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
