import { z } from 'zod';

export const clusterStatusSchema = z.enum(['flagged', 'watching', 'confirmed', 'dismissed']);
