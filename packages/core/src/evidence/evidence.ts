import type { Reason } from './cluster-facts.js';

// One piece of evidence as a signal gives it: a reason for the moderator, and how it acts on the score.

export interface Evidence extends Reason {
  /** How the signal acts: adds evidence, or scales the combined score (dampeners). */
  readonly effect: 'add' | 'scale' | 'cap';
  /** Signals whose evidence this one overrules (dropped from the score and the reasons). */
  readonly overrules?: readonly string[];
}
