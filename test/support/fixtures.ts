// The bundled sample threads (test/fixtures), in the analyzer's input shape.
import { readFileSync } from 'node:fs';

export interface FixtureComment {
  readonly id: string;
  readonly thread_id: string;
  readonly parent_id: string | null;
  readonly author_id: string | null;
  readonly posted_at?: string | null;
  readonly text: string;
  readonly label?: string;
}

/** The comments of a JSONL fixture, in file order. */
export function readFixture(name: string): FixtureComment[] {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as FixtureComment);
}
