import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import { createTransformersEmbedder } from './transformers-embedder.js';
import { cosineSimilarity, l2NormalizeInPlace } from './vector-math.js';

// A miniature stand-in for an operator-supplied model such as Xenova/all-MiniLM-L6-v2 (no hub
// here): a BertTokenizer that emits token_type_ids, a graph that takes them, and hidden states
// that are NOT zeroed on padding, as a real transformer's are. It checks the code path the
// default model does not exercise.
const { onnx } = onnxProto;
const VOCAB = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', 'alpha', 'beta', 'gamma', 'delta', '##s'];
const WIDTH = 4;
// Row i of the token table; [PAD] is huge so that pooling over padding would show.
const row = (id: number): number[] => (id === 0 ? [100, 100, 100, 100] : [id, (id * 7) % 5, 1, -id / 3]);

function encodeBertLikeGraph(): Uint8Array {
  const FLOAT = onnx.TensorProto.DataType.FLOAT;
  const INT64 = onnx.TensorProto.DataType.INT64;
  const tokens = (name: string, elemType: number, width?: number) => ({
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }, ...(width ? [{ dimValue: width }] : [])] },
      },
    },
  });
  const model = onnx.ModelProto.fromObject({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'bert_like',
      initializer: [
        { name: 'E', dataType: FLOAT, dims: [VOCAB.length, WIDTH], floatData: VOCAB.flatMap((_, id) => row(id)) },
        { name: 'T', dataType: FLOAT, dims: [2, WIDTH], floatData: [0, 0, 0, 0, 5, 5, 5, 5] },
      ],
      input: [tokens('input_ids', INT64), tokens('attention_mask', INT64), tokens('token_type_ids', INT64)],
      output: [tokens('last_hidden_state', FLOAT, WIDTH)],
      node: [
        { opType: 'Gather', input: ['E', 'input_ids'], output: ['words'] },
        { opType: 'Gather', input: ['T', 'token_type_ids'], output: ['types'] },
        { opType: 'Add', input: ['words', 'types'], output: ['last_hidden_state'] },
      ],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

const TOKENIZER = {
  version: '1.0',
  added_tokens: VOCAB.slice(0, 4).map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
  normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
  pre_tokenizer: { type: 'BertPreTokenizer' },
  post_processor: {
    type: 'TemplateProcessing',
    single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
    pair: [],
    special_tokens: { '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] }, '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] } },
  },
  decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
  model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(VOCAB.map((token, id) => [token, id])) },
};

let modelDir: string;

beforeAll(async () => {
  modelDir = await mkdtemp(join(tmpdir(), 'chorus-bert-like-'));
  const folder = join(modelDir, 'Test', 'bert-like');
  await mkdir(join(folder, 'onnx'), { recursive: true });
  await writeFile(join(folder, 'config.json'), JSON.stringify({ model_type: 'bert', hidden_size: WIDTH }));
  await writeFile(join(folder, 'tokenizer.json'), JSON.stringify(TOKENIZER));
  await writeFile(join(folder, 'tokenizer_config.json'), JSON.stringify({ tokenizer_class: 'BertTokenizer', model_max_length: 512, do_lower_case: true, pad_token: '[PAD]', unk_token: '[UNK]', cls_token: '[CLS]', sep_token: '[SEP]' }));
  await writeFile(join(folder, 'onnx', 'model_quantized.onnx'), encodeBertLikeGraph());
});
afterAll(async () => {
  await rm(modelDir, { recursive: true, force: true });
});

describe('createTransformersEmbedder on a BERT-style model folder', () => {
  it('mean-pools attended tokens only, so a vector does not depend on its batch', async () => {
    const embedder = await createTransformersEmbedder({ model: 'Test/bert-like', modelDir, allowRemote: false });
    expect(embedder.dimensions).toBe(WIDTH);

    const [shortInBatch] = await embedder.embed(['Alpha', 'alpha betas gamma delta delta']);
    const [shortAlone] = await embedder.embed(['Alpha']);
    const expected = l2NormalizeInPlace(Float32Array.from([2, 4, 3].map(row).reduce((sum, v) => sum.map((x, i) => x + v[i]))));
    expect(cosineSimilarity(shortInBatch, expected)).toBeCloseTo(1, 6);
    expect(cosineSimilarity(shortInBatch, shortAlone)).toBeCloseTo(1, 6);
    expect(embedder.inferenceCalls).toBe(3);
  });
});
