/** Longest comment text accepted, in UTF-16 code units (stored whole and untrimmed). Longer texts are rejected with 422. */
export const MAX_TEXT_LENGTH = 100_000;
/**
 * How much of a comment's text detection reads, in UTF-16 code units: a longer text is stored and
 * answered whole, but compared by its first DETECTION_TEXT_LIMIT characters, so one essay cannot
 * slow every comparison it takes part in.
 */
export const DETECTION_TEXT_LIMIT = 10_000;

/** The part of a stored text that detection reads (the service's worker and the offline analyzer alike). */
export const detectionText = (text: string): string => (text.length > DETECTION_TEXT_LIMIT ? text.slice(0, DETECTION_TEXT_LIMIT) : text);
/** Most comments in one batch request. */
export const MAX_BATCH_SIZE = 1_000;
/** Longest publisher id (comment, thread, parent, author) accepted. */
export const MAX_ID_LENGTH = 200;
/** Longest thread title accepted. */
export const MAX_THREAD_TITLE_LENGTH = 500;
/** Longest thread URL accepted. */
export const MAX_URL_LENGTH = 2_000;
/** Largest request body accepted, in bytes: `POST /v1/comments`. */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;
/** Largest request body of every other route, in bytes (settings, reviews, threads, webhooks). */
export const MAX_SMALL_BODY_BYTES = 64 * 1024;
