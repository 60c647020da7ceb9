// Every API operation the client calls, as the OpenAPI document names it (`get /v1/comments/{id}`).
// test/e2e/client.test.ts checks this list against /openapi.json, so a route added to the API
// without a client method, or a method whose route moved, fails there.
export const OPERATIONS = {
  ingest: 'post /v1/comments',
  getComment: 'get /v1/comments/{id}',
  listClusters: 'get /v1/clusters',
  getCluster: 'get /v1/clusters/{id}',
  clusterCounts: 'get /v1/cluster-counts',
  getAccount: 'get /v1/accounts/{id}',
  reviewCluster: 'post /v1/clusters/{id}/review',
  dropFromCluster: 'post /v1/clusters/{id}/drop',
  restoreToCluster: 'post /v1/clusters/{id}/restore',
  reviewMember: 'post /v1/clusters/{id}/member-review',
  moderationLog: 'get /v1/moderation-log',
  getThread: 'get /v1/threads/{id}',
  threadComments: 'get /v1/threads/{id}/comments',
  putThread: 'put /v1/threads/{id}',
  getSettings: 'get /v1/settings',
  putSettings: 'put /v1/settings',
  network: 'get /v1/network',
  flaggedCsv: 'get /v1/exports/flagged.csv',
  summaryReport: 'get /v1/reports/summary.html',
  createWebhook: 'post /v1/webhooks',
  listWebhooks: 'get /v1/webhooks',
  deleteWebhook: 'delete /v1/webhooks/{id}',
  webhookDeliveries: 'get /v1/webhooks/{id}/deliveries',
  testWebhook: 'post /v1/webhooks/{id}/test',
  rotateWebhookSecret: 'post /v1/webhooks/{id}/rotate-secret',
} as const;

export type OperationName = keyof typeof OPERATIONS;
