const { createTransformersEmbedder, defaultModelDir } = await import('../src/index.js');
let t = performance.now();
const e = await createTransformersEmbedder({ model: 'chorus/glove-sif-100d', modelDir: defaultModelDir(), allowRemote: false });
const load = performance.now() - t;
t = performance.now();
await e.embed(['warm up the model once']);
console.log(JSON.stringify({ loadMs: Math.round(load), firstEmbedMs: Math.round(performance.now() - t) }));
