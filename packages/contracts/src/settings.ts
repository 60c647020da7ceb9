import { z } from 'zod';

const threshold = z.number().min(0).max(1);

/** Most requests a minute a tenant may ask for; the operator's RATE_LIMIT_MAX_PER_MINUTE caps it further. */
export const MAX_RATE_LIMIT_PER_MINUTE = 1_000_000;
/** Requests a minute per API key; null: the operator's default (RATE_LIMIT_PER_MINUTE). */
const rateLimit = z.number().int().min(1).max(MAX_RATE_LIMIT_PER_MINUTE).nullable();

/** Per-tenant detection settings; every field has a documented default. */
export const tenantSettingsSchema = z
  .object({
    suspect_threshold: threshold.default(0.45),
    coordinated_threshold: threshold.default(0.7),
    rate_limit_per_minute: rateLimit.default(null),
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
  .object({ suspect_threshold: threshold.optional(), coordinated_threshold: threshold.optional(), rate_limit_per_minute: rateLimit.optional() })
  .strict()
  .superRefine((s, ctx) => {
    if (s.suspect_threshold === undefined && s.coordinated_threshold === undefined && s.rate_limit_per_minute === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must set suspect_threshold, coordinated_threshold, rate_limit_per_minute or a few of them' });
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
    rate_limit_per_minute: s.rate_limit_per_minute ?? null,
  }));

/** A tenant's stored settings; the defaults when none are stored or they no longer validate. */
export function tenantSettingsOrDefaults(raw: unknown): TenantSettings {
  const parsed = tenantSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
