// Behaviour: edges found in how comments were posted rather than in their text. A reply ring is
// agreeing replies by different people within minutes in one thread; a paraphrase swarm is several
// repeated wordings of one point posted together in one thread. Each links comments that text
// similarity alone would leave apart.
export * from './ring.js';
export * from './swarm.js';
