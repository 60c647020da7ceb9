// Records: a comment as the pipeline sees it and what it can trust about it. Posting times coarser
// than the timing evidence's windows (dates only, whole hours, one time for a whole thread) are
// detected here and treated as unknown, so no burst or cadence is read from them.
export * from './time-precision.js';
