/** Longest comment text accepted, in UTF-16 code units (stored untrimmed). Longer texts are rejected with 422. */
export const MAX_TEXT_LENGTH = 10_000;
/** Most comments in one batch request. */
export const MAX_BATCH_SIZE = 1_000;
/** Longest publisher id (comment, thread, parent, author) accepted. */
export const MAX_ID_LENGTH = 200;
/** Largest request body accepted, in bytes. */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;
