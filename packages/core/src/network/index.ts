// Network: the account network analysts export. Two accounts are linked when they posted in the
// same flagged cluster close together in time, weighted by how often; written out as GraphML.
export * from './network.js';
