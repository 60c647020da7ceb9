import { SPECIAL_TOKENS } from './glove-sif-vocabulary.js';

/** Longest input the tokenizer keeps; a mean of 512 word vectors no longer moves. */
export const MAX_TOKENS = 512;

type Replacement = readonly [pattern: string, content: string];

/**
 * Text rewrites applied after lowercasing. GloVe was trained on PTB-tokenized text ("do n't",
 * "it 's"), and wink dropped the clitic tokens ("n't", "'s") from the vocabulary, while
 * BertPreTokenizer splits every apostrophe ("don't" -> "don" "'" "t"). Left alone, "don't" would
 * embed as the name Don and "won't" as the verb won, so contractions are spelled out first.
 */
const CONTRACTIONS: readonly Replacement[] = [
  ["\\bcan't\\b", 'can not'],
  ["\\bwon't\\b", 'will not'],
  ["\\bshan't\\b", 'shall not'],
  ["\\bain't\\b", 'is not'],
  ["n't\\b", ' not'],
  ["'re\\b", ' are'],
  ["'ve\\b", ' have'],
  ["'ll\\b", ' will'],
  ["'m\\b", ' am'],
  ["'d\\b", ' would'],
  // Possessive or "is"/"has": either way a near-zero SIF weight, and "s" is not in the vocabulary.
  ["'s\\b", ''],
];

// Typographic apostrophes (’ is what phones and word processors type) become ', so "it’s" and
// "it's" tokenize the same and the contraction rules above see them.
const APOSTROPHES = "[\\u2018\\u2019\\u201B\\u02BC\\uFF07\\u00B4`]";

/** tokenizer.json (Hugging Face tokenizers format) for a word-level WordPiece vocabulary. */
export function buildTokenizerJson(words: readonly string[]): Record<string, unknown> {
  const vocab: Record<string, number> = {};
  SPECIAL_TOKENS.forEach((token, id) => (vocab[token] = id));
  words.forEach((word, index) => (vocab[word] = SPECIAL_TOKENS.length + index));
  const regexReplace = ([pattern, content]: Replacement) => ({
    type: 'Replace',
    pattern: { Regex: pattern },
    content,
  });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'Sequence',
      normalizers: [
        regexReplace([APOSTROPHES, "'"]),
        // Lowercase and strip accents: GloVe 6B is uncased and wink kept ASCII words only.
        { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
        ...CONTRACTIONS.map(regexReplace),
      ],
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    // [CLS]/[SEP] are zero rows; they guarantee every text has at least one attended token, so
    // mean pooling never divides by zero, even for an empty string.
    post_processor: { type: 'BertProcessing', cls: ['[CLS]', 2], sep: ['[SEP]', 3] },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    // No "##" pieces: a word outside the vocabulary becomes one [UNK] (a zero row), never fragments.
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab,
    },
  };
}

/** tokenizer_config.json; PreTrainedTokenizer returns no token_type_ids, which the graph lacks. */
export function buildTokenizerConfig(): Record<string, unknown> {
  return {
    tokenizer_class: 'PreTrainedTokenizerFast',
    model_max_length: MAX_TOKENS,
    do_lower_case: true,
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    clean_up_tokenization_spaces: true,
  };
}
