// Bodies and answers of the webhook routes (POST/GET/DELETE /v1/webhooks and below).
import { z } from 'zod';
import { threadUrlSchema } from './threads.js';

/** Events an endpoint can subscribe to; comment.scored is opt-in (one per comment scored). */
export const WEBHOOK_EVENTS = ['cluster.flagged', 'cluster.updated', 'cluster.confirmed', 'cluster.dismissed', 'comment.scored'] as const;
export const webhookEventSchema = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

/** Body of `POST /v1/webhooks`. */
export const webhookCreateSchema = z
  .object({
    url: threadUrlSchema,
    events: z
      .array(webhookEventSchema)
      .min(1, 'must name at least one event')
      .refine((e) => new Set(e).size === e.length, 'must not name an event twice'),
  })
  .strict();

const isoTime = z.string().datetime();

/** An endpoint as listed; its secret is shown only when created or rotated. */
export const webhookViewSchema = z
  .object({ id: z.string(), url: z.string(), events: z.array(webhookEventSchema), created_at: isoTime, previous_secret_until: isoTime.nullable() })
  .strict();

/** `201` of `POST /v1/webhooks` and `200` of a rotation: the endpoint with its signing secret. */
export const webhookWithSecretSchema = webhookViewSchema.extend({ secret: z.string() }).strict();

export const webhookListSchema = z.object({ webhooks: z.array(webhookViewSchema) }).strict();

export const deliveryViewSchema = z
  .object({
    id: z.string(),
    event_id: z.string(),
    event: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    last_status_code: z.number().int().nullable(),
    last_error: z.string().nullable(),
    created_at: isoTime,
    delivered_at: isoTime.nullable(),
  })
  .strict();

/** `GET /v1/webhooks/:id/deliveries`: the latest 100, newest first. */
export const deliveryListSchema = z.object({ deliveries: z.array(deliveryViewSchema) }).strict();

/** `202` of `POST /v1/webhooks/:id/test`. */
export const testEventResponseSchema = z.object({ delivery_id: z.string() }).strict();
