import { readFileSync } from 'node:fs';
let t = performance.now();
const { env, AutoTokenizer, AutoModel, pipeline, mean_pooling } = await import('@xenova/transformers');
console.log('import', (performance.now() - t).toFixed(0)); 
env.allowRemoteModels = false; env.localModelPath = '/work/main/models';
t = performance.now();
const tok = await AutoTokenizer.from_pretrained('chorus/glove-sif-100d');
console.log('tokenizer', (performance.now() - t).toFixed(0)); t = performance.now();
const model = await AutoModel.from_pretrained('chorus/glove-sif-100d');
console.log('model', (performance.now() - t).toFixed(0)); t = performance.now();
const seed = readFileSync('test/fixtures/seed-thread.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l).text as string);
const texts = Array.from({ length: 4000 }, (_, i) => seed[i % 14] + ' ' + i);
let tt = 0, tm = 0, tp = 0;
for (let s = 0; s < texts.length; s += 64) {
  let a = performance.now();
  const inp = tok(texts.slice(s, s + 64), { padding: true, truncation: true });
  tt += performance.now() - a; a = performance.now();
  const out = await model(inp);
  tm += performance.now() - a; a = performance.now();
  mean_pooling(out.last_hidden_state, inp.attention_mask);
  tp += performance.now() - a;
}
console.log({ tt, tm, tp });
