// Sentence-level text helpers shared by organic comments and campaigns.

const KEEP_CAPITAL = /^(?:I(?:'m|'d|'ve|'ll)?\b|[A-Z][A-Z0-9]+\b|[A-Z][a-z]+ [A-Z])/;

// Used after a prefix ("Honestly, ", "Sure, but "): lower-case the sentence start unless it looks
// like "I", an acronym or a proper noun known to the thread.
export function lowerStart(sentence: string, properNouns: ReadonlySet<string>): string {
  if (KEEP_CAPITAL.test(sentence)) return sentence;
  const first = sentence.split(/[ ,.]/, 1)[0];
  if (properNouns.has(first)) return sentence;
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

export function splitSentences(text: string): string[] {
  return text.match(/[^.!?]+[.!?]+["”’]?|[^.!?]+$/g)?.map((s) => s.trim()).filter(Boolean) ?? [text];
}

export function curlyQuotes(text: string): string {
  return text.replace(/(^|[\s("])'/g, '$1‘').replace(/'/g, '’');
}
