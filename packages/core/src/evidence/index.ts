// Evidence: what a cluster's members and edges say about coordination. Each signal is a pure
// function from the cluster's facts (members, their times, accounts, threads and texts, edge
// kinds) to one weighted reason a moderator can read, or nothing; dampeners scale or cap the
// combined score instead of adding to it.
export * from './cluster-facts.js';
export * from './signals.js';
