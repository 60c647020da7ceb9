import { z } from 'zod';

export const commentStatusSchema = z.enum(['pending', 'scored']);
export type CommentStatus = z.infer<typeof commentStatusSchema>;

export const verdictSchema = z.enum(['clean', 'suspect', 'coordinated']);

export const clusterStatusSchema = z.enum(['flagged', 'watching', 'confirmed', 'dismissed']);
export type ClusterStatus = z.infer<typeof clusterStatusSchema>;

export const reasonSchema = z.object({ signal: z.string(), weight: z.number(), text: z.string() });
