import { compactText, normalizeText } from './normalize.js';
import { textFingerprint } from './hash.js';

describe('normalizeText', () => {
  test('removes zero-width and format characters that hide copies', () => {
    expect(normalizeText('Vote\u200B no\u200D on\uFEFF this\u2060 bill')).toBe('vote no on this bill');
  });

  test('folds Cyrillic and Greek look-alike letters to Latin', () => {
    // "Stоp the bіll" with Cyrillic о and і, "sсаm" with Cyrillic с and а, Greek ο in "nοw".
    expect(normalizeText('Stоp the bіll, it is a sсаm, act nοw')).toBe('stop the bill, it is a scam, act now');
  });

  test('unifies curly quotes, apostrophes and dashes', () => {
    expect(normalizeText('It’s “fine” — really')).toBe('it\'s "fine" - really');
  });

  test('collapses whitespace and case', () => {
    expect(normalizeText('  HELLO\n\n\tWorld   again ')).toBe('hello world again');
  });

  test('NFKC folds full-width and ligature forms', () => {
    expect(normalizeText('ＶＯＴＥ ﬁne')).toBe('vote fine');
  });

  test('reduces URLs to their domain and mentions to one token', () => {
    expect(normalizeText('See https://www.example.com/a/b?x=1 and @jane_doe too')).toBe('see example.com and @user too');
  });

  test('obfuscated copies share one fingerprint', () => {
    const original = 'Repeal the rule now. It hurts small business!';
    const obfuscated = 'Repеal  the\u200B rule now. It hurts small busіness!';
    expect(textFingerprint(normalizeText(obfuscated))).toBe(textFingerprint(normalizeText(original)));
  });

  test('drops quoted passages and "> " lines, keeping what the commenter wrote', () => {
    expect(normalizeText('> Critics say the contract locks ratepayers in for twenty years.\n\nFunny how that works.')).toBe('funny how that works.');
    expect(normalizeText('This part: “City engineers counted 37 crashes on the corridor” says it all.')).toBe('this part: says it all.');
    // Scare quotes are the commenter's own words.
    expect(normalizeText('So-called "neighborhood character" again')).toBe('so-called "neighborhood character" again');
  });

  test('a comment that is only a quote is kept whole', () => {
    expect(normalizeText('"Vote no on the rezoning plan before it is too late" ok')).toBe('"vote no on the rezoning plan before it is too late" ok');
  });

  test('compact form drops punctuation noise', () => {
    expect(compactText(normalizeText('Stop!!! the... bill,,, now'))).toBe('stop the bill now');
  });
});
