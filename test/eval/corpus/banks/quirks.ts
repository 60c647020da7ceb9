// Per-author quirks: signatures, emoji and common misspellings.

export const SIGNATURES = ['- Gary', '— Ray', 'Semper Fi.', '- a tired dad', 'Go Tigers!', '-- M.K.', 'Cheers, Dot'];
export const EMOJI = ['🙄', '👍', '😂', '🤷', '👏', '💯', '😬', '🤦‍♂️'];
export const MISSPELLINGS: readonly (readonly [string, string])[] = [
  ['definitely', 'definately'], ['their ', 'there '], ["you're", 'your'], ["it's", 'its'], ['a lot', 'alot'],
  ['separate', 'seperate'], ['because', 'becuase'], ['really', 'realy'], ['government', 'goverment'], ['believe', 'beleive'],
];
