import { readFileSync, writeFileSync } from 'node:fs';
import onnxProto from 'onnx-proto';
const { onnx } = onnxProto;
const buf = readFileSync('/work/main/models/chorus/glove-sif-100d/onnx/model.onnx');
const m = onnx.ModelProto.decode(buf);
const E = m.graph!.initializer![0];
const f32 = new Float32Array(new Uint8Array(E.rawData!).buffer);
const f16 = new Uint16Array(f32.length);
// crude float->half
const fv = new Float32Array(1), iv = new Uint32Array(fv.buffer);
for (let i = 0; i < f32.length; i++) { fv[0] = f32[i]; const x = iv[0]; const sign = (x >>> 16) & 0x8000; let e = ((x >>> 23) & 0xff) - 127 + 15; let mant = x & 0x7fffff; if (e <= 0) { f16[i] = sign; } else if (e >= 31) { f16[i] = sign | 0x7c00; } else { f16[i] = sign | (e << 10) | ((mant + 0x1000) >> 13); } }
E.dataType = 10; E.rawData = new Uint8Array(f16.buffer);
m.graph!.node!.splice(1, 0, { name: 'to_f32', opType: 'Cast', input: ['token_vectors_h'], output: ['token_vectors'], attribute: [{ name: 'to', type: 2, i: 1 }] } as never);
m.graph!.node![0].output = ['token_vectors_h'];
writeFileSync('/tmp/scratch/fp16.onnx', onnx.ModelProto.encode(m).finish());
const ort = await import('onnxruntime-node');
for (const f of ['/work/main/models/chorus/glove-sif-100d/onnx/model.onnx', '/tmp/scratch/fp16.onnx', '/work/main/models/chorus/glove-sif-100d/onnx/model.onnx', '/tmp/scratch/fp16.onnx']) {
  let t = performance.now();
  const b = readFileSync(f);
  const r = performance.now() - t;
  const s = await ort.InferenceSession.create(b);
  console.log(f, b.length, r.toFixed(0), (performance.now() - t).toFixed(0));
  const ids = new ort.Tensor('int64', BigInt64Array.from([5n, 6n, 7n]), [1, 3]);
  const mask = new ort.Tensor('int64', BigInt64Array.from([1n, 1n, 1n]), [1, 3]);
  const out = await s.run({ input_ids: ids, attention_mask: mask });
  console.log((out.last_hidden_state.data as Float32Array).slice(0, 4));
}
