// Pipeline: one comment's way through detection, written once against the ports. linkComment
// finds and verifies lexical candidates, linkSemantic semantic ones, linkEcho replies restating
// their parent; finishDetection adds short-paraphrase, echo, ring and swarm edges and then
// reclusters and rescores the comment's component.
export * from './pipeline.js';
