import { compactText, normalizeText } from './normalize.js';
import { textFingerprint } from './hash.js';
import { promotedTokens } from './tokens.js';

describe('normalizeText', () => {
  test.each([
    ['removes zero-width and format characters that hide copies', 'Vote\u200B no\u200D on\uFEFF this\u2060 bill', 'vote no on this bill'],
    // "Stоp the bіll" with Cyrillic о and і, "sсаm" with Cyrillic с and а, Greek ο in "nοw".
    ['folds Cyrillic and Greek look-alike letters to Latin', 'Stоp the bіll, it is a sсаm, act nοw', 'stop the bill, it is a scam, act now'],
    ['unifies curly quotes, apostrophes and dashes', 'It’s “fine” — really', 'it\'s "fine" - really'],
    ['collapses whitespace and case', '  HELLO\n\n\tWorld   again ', 'hello world again'],
    ['NFKC folds full-width and ligature forms', 'ＶＯＴＥ ﬁne', 'vote fine'],
    ['reduces URLs to their domain and mentions to one token', 'See https://www.example.com/a/b?x=1 and @jane_doe too', 'see example.com and @user too'],
    ['a comment that is only a quote is kept whole', '"Vote no on the rezoning plan before it is too late" ok', '"vote no on the rezoning plan before it is too late" ok'],
  ])('%s', (_name, input, output) => {
    expect(normalizeText(input)).toBe(output);
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

  test('compact form drops punctuation noise', () => {
    expect(compactText(normalizeText('Stop!!! the... bill,,, now'))).toBe('stop the bill now');
  });
});

describe('promoted sites and hashtags', () => {
  const promoted = (text: string) => promotedTokens(normalizeText(text));

  test('a link counts however it is spelled out, and well-known sites do not count', () => {
    for (const text of ['Read it at www.civicfacts-now.org', 'rundown at civicfacts-now dot org', 'rundown at civicfacts-now (dot) org', 'rundown at civicfacts-now [dot] org']) {
      expect(promoted(text)).toEqual(['civicfactsnow.org']);
    }
    expect(promoted('Full video on youtube.com and the thread on reddit.com')).toEqual([]);
    expect(promoted('We dotted every i on this one, org chart and all.')).toEqual([]);
  });

  test('a name split by a space before a spelled-out dot also counts whole', () => {
    expect(promoted('Independent reporting at truth ledger (dot) net.')).toContain('truthledger.net');
    expect(promoted('Independent reporting at truthledger dot net.')).toEqual(['truthledger.net']);
    // A real link has no space in it: the word before it is not part of the name.
    expect(promoted('Independent reporting at truth ledger.net.')).toEqual(['ledger.net']);
  });

  test('hashtags count in lower case', () => {
    expect(promoted('Enough is enough #StopTheRezoning')).toEqual(['#stoptherezoning']);
  });
});

test('HTML markup from exports is dropped for comparison, a link keeping its address', () => {
  expect(normalizeText('Is that Charlie from lost?<br />')).toBe(normalizeText('Is that Charlie from lost?'));
  expect(normalizeText('Check <a rel="nofollow" href="http://www.example-shop.biz/x">this</a> out')).toBe('check example-shop.biz this out');
  expect(normalizeText('I &lt;3 this, a < b and c > d')).toBe('i <3 this, a < b and c > d');
});
