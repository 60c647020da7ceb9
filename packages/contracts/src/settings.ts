import { z } from 'zod';

/** Per-tenant detection settings; every field has a documented default. */
export const tenantSettingsSchema = z
  .object({
    suspect_threshold: z.number().min(0).max(1).default(0.45),
    coordinated_threshold: z.number().min(0).max(1).default(0.7),
  })
  .strict()
  .refine((s) => s.suspect_threshold <= s.coordinated_threshold, {
    message: 'must not exceed coordinated_threshold',
    path: ['suspect_threshold'],
  });
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

/** A tenant's stored settings; the defaults when none are stored or they no longer validate. */
export function tenantSettingsOrDefaults(raw: unknown): TenantSettings {
  const parsed = tenantSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : tenantSettingsSchema.parse({});
}
