import { coOccurrenceSignal, serialPostingSignal } from './accounts.js';
import { anonymitySignal, genericnessSignal, missingTimesSignal } from './dampeners.js';
import { callToActionSignal, promotionSignal } from './promotion.js';
import { replyEchoSignal } from './replies.js';
import { agreementRingSignal, swarmSignal } from './rings-and-swarms.js';
import { spreadSignal, takeoverSignal } from './threads.js';
import { timingSignal } from './timing.js';
import { voicesSignal } from './voices.js';

// The cluster signals score.ts runs, in order: each reads the cluster's facts and returns its
// evidence (or null when silent). What each measures and the reasons it gives are listed in
// registry.ts; weights are combined as independent evidence by verdict/score.ts.

export const CLUSTER_SIGNALS = [
  voicesSignal,
  replyEchoSignal,
  agreementRingSignal,
  swarmSignal,
  timingSignal,
  spreadSignal,
  coOccurrenceSignal,
  serialPostingSignal,
  takeoverSignal,
  promotionSignal,
  callToActionSignal,
  genericnessSignal,
  anonymitySignal,
  missingTimesSignal,
] as const;
