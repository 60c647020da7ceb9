// Records: a comment as the pipeline sees it (its ids, thread, author, time, text and whether it
// sits in a thread or a stream) and what can be trusted about it. Posting times coarser
// than the timing evidence's windows (dates only, whole hours, one time for a whole thread) are
// detected here and treated as unknown, so no burst or cadence is read from them.
export * from './comment-record.js';
export * from './time-precision.js';
