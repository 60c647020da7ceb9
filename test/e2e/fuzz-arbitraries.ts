// Hostile requests for the fuzz suite, derived from the request schemas in @chorus/contracts: every
// field of every body and query gets plausible values, hostile strings, impossible times, numbers at
// the edges and values of the wrong type; paths get malformed percent-encoding; headers lie.
import { gzipSync, deflateSync } from 'node:zlib';
import fc, { type Arbitrary } from 'fast-check';
import { z, type ZodTypeAny } from 'zod';
import {
  clusterCountsQuerySchema,
  clusterSearchQuerySchema,
  commentInputSchema,
  networkQuerySchema,
  reviewBodySchema,
  dropBodySchema,
  moderationLogQuerySchema,
  tenantSettingsSchema,
} from '@chorus/contracts';

/** One generated request; `key` picks which API key (if any) goes in Authorization. */
export interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly key: 'own' | 'other' | 'none' | 'garbage';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
  /** The comments this request sends with the tenant's own key (whatever its encoding), for the read-back check. */
  readonly comments?: readonly Record<string, unknown>[];
}

const pieces = [
  '\u0000', '\t', '\n', '\r\n', '\u007f', '\u0085', '\u009b', '\ud800', '\udfff', '\udc00\ud800', '\ufeff', '\ufffd', '\u202e', '\u200b',
  '😀', '👩‍💻', 'é', 'e\u0301', '"', '\\', '%', '%00', '/', '..', '?', '#', '&', '=', ' ', '  ', '<script>alert(1)</script>', "'", '=1+1', '-', '@',
  '${x}', 'null', '0', '-1', '1e308', 'NaN', '\u3000', '\u00a0',
];
/** Strings that have broken the API before: control characters, lone surrogates, odd whitespace. */
export const hostileString: Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 10 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'a'.repeat(200), 'a'.repeat(201), 'x'.repeat(10_000), 'y'.repeat(10_001)) },
);

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const offsetArb = fc.oneof(
  fc.constantFrom('Z', 'z', '', '+00:00', '-00:00', '+99:99', '-24:00', '+23:60', '+23:59', '-23:59', '+14:00', '+0530', '-08', '+1', '+01:5'),
  fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([s, h, m]) => `${s}${pad(h, 2)}:${pad(m, 2)}`),
);
/** RFC 3339-looking times: valid ones across the accepted range, and every field just out of range. */
export const timestamp: Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.oneof(fc.constantFrom(0, 1, 1969, 1970, 2024, 9999), fc.integer({ min: 0, max: 9999 })),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.integer({ min: 0, max: 61 }),
        fc.constantFrom('', '.5', '.123', '.123456789', '.'),
        offsetArb,
      )
      .map(([y, mo, d, h, mi, s, frac, off]) => `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${frac}${off}`),
  },
  { weight: 1, arbitrary: hostileString },
);

const edgeNumber = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -0, 1, -1, 0.5, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 9223372036854775807));
const anyJson: Arbitrary<unknown> = fc.oneof(fc.jsonValue({ maxDepth: 2 }), edgeNumber, fc.constant(null), fc.boolean());

type Def = { typeName: string; innerType?: ZodTypeAny; schema?: ZodTypeAny; values?: readonly string[]; checks?: readonly { kind: string; value?: number }[]; coerce?: boolean };
const defOf = (s: ZodTypeAny) => s._def as Def;

/** Plausible values for a schema field: right type, mostly in range. Times get `timestamp`. */
function plausible(schema: ZodTypeAny, key: string): Arbitrary<unknown> {
  if (key === 'posted_at' || key === 'since') return timestamp;
  const def = defOf(schema);
  switch (def.typeName) {
    case 'ZodOptional':
    case 'ZodNullable':
    case 'ZodDefault':
      return plausible(def.innerType!, key);
    case 'ZodEffects':
      return plausible(def.schema!, key);
    case 'ZodEnum':
      return fc.constantFrom(...def.values!);
    case 'ZodNumber': {
      const min = def.checks?.find((c) => c.kind === 'min')?.value ?? -1e6;
      const max = def.checks?.find((c) => c.kind === 'max')?.value ?? 1e6;
      const int = def.checks?.some((c) => c.kind === 'int');
      const n = int ? fc.integer({ min: Math.max(min, -1e6), max: Math.min(max, 1e6) }) : fc.double({ min, max, noNaN: true });
      return def.coerce ? n.map(String) : n;
    }
    case 'ZodString': {
      const max = def.checks?.find((c) => c.kind === 'max')?.value ?? 50;
      return fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 40) });
    }
    default:
      return anyJson;
  }
}

/** A field's value: usually plausible, sometimes hostile or of the wrong type. */
const fieldValue = (schema: ZodTypeAny, key: string, plausibleWeight: number): Arbitrary<unknown> =>
  fc.oneof(
    { weight: plausibleWeight, arbitrary: plausible(schema, key) },
    { weight: 1, arbitrary: hostileString },
    { weight: 1, arbitrary: anyJson },
    { weight: 1, arbitrary: timestamp },
  );

/** Objects over a schema's keys (any may be missing), sometimes with an unknown key. */
function objectOf(shape: Record<string, ZodTypeAny>, plausibleWeight: number, required: readonly string[] = []): Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, fieldValue(s, k, plausibleWeight)]));
  return fc
    .tuple(
      fc.record(fields, { requiredKeys: required.filter((k) => k in shape) as never[] }),
      fc.option(fc.tuple(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'comments', 'extra')), anyJson), { freq: 8 }),
    )
    .map(([o, extra]) => (extra ? { ...o, [extra[0]]: extra[1] } : o));
}

// The settings PUT accepts the keys of the stored settings (tenantSettingsSchema is a refined object).
const tenantSettingsShape = (tenantSettingsSchema._def.schema as z.AnyZodObject).shape as Record<string, ZodTypeAny>;
const commentShape = commentInputSchema.shape as Record<string, ZodTypeAny>;
/** A comment that is usually valid, with unique-ish ids so accepted ones can be read back. */
export const commentArb = fc
  .tuple(objectOf(commentShape, 12, ['id', 'thread_id', 'text']), fc.uuid(), fc.boolean())
  .map(([c, uuid, suffix]) => (suffix && typeof c.id === 'string' ? { ...c, id: `${c.id}${uuid.slice(0, 8)}` } : c));

const bytes = (maxLength: number) => fc.uint8Array({ maxLength });
const percentBytes = (b: Uint8Array) => [...b].map((x) => `%${x.toString(16).padStart(2, '0').toUpperCase()}`).join('');
const SAFE = /[A-Za-z0-9\-_.~!$'()*+,;=:@]/;
/** Percent-encodes every character outside the path-safe set, byte by byte (lone surrogates become EF BF BD). */
const encodePath = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => (SAFE.test(String.fromCharCode(b)) && b < 0x80 ? String.fromCharCode(b) : percentBytes(Uint8Array.of(b)))).join('');

/** A path segment: encoded hostile text, raw byte sequences (often invalid UTF-8) or malformed escapes. */
export const pathSegment: Arbitrary<string> = fc.oneof(
  hostileString.map(encodePath),
  bytes(8).map(percentBytes),
  fc.constantFrom('%', '%zz', '%ff', '%C0%AF', '%ED%A0%80', '%E0%80%80', '%F4%90%80%80', '%00', 'a%00b', '%2e%2e', '..', '.', '1', '0', '9223372036854775807', '9223372036854775808', '-1', '1.5', '1e3', ''),
  fc.bigInt({ min: 0n, max: 2n ** 70n }).map(String),
);

const queryValue = fc.oneof(hostileString.map(encodePath), bytes(6).map(percentBytes), fc.constantFrom('%', '%zz', '%ff', ''));
/** A query string over a schema's keys: plausible or hostile values, repeated keys, unknown keys. */
function queryOf(shape: Record<string, ZodTypeAny>): Arbitrary<string> {
  const pair = fc.oneof(
    fc.constantFrom(...Object.keys(shape)).chain((k) => fc.tuple(fc.constant(k), fc.oneof(plausible(shape[k], k).map((v) => encodePath(String(v))), queryValue))),
    fc.tuple(fc.oneof(hostileString.map(encodePath), fc.constant('a[b]')), queryValue),
  );
  return fc.array(pair, { maxLength: 4 }).map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));
}

const base64Cursor = fc.oneof(
  fc.record({ score: edgeNumber, id: fc.oneof(fc.bigInt({ min: -1n, max: 2n ** 66n }).map(String), hostileString) }).map((c) => Buffer.from(JSON.stringify(c)).toString('base64url')),
  fc.record({ sort: fc.constantFrom('newest', 'size', 'score'), size: edgeNumber, id: fc.oneof(fc.bigInt({ min: -1n, max: 2n ** 66n }).map(String), hostileString) }).map((c) => Buffer.from(JSON.stringify(c)).toString('base64url')),
  anyJson.map((v) => Buffer.from(JSON.stringify(v) ?? '').toString('base64url')),
  hostileString.map(encodePath),
);
const clusterQuery = fc.tuple(queryOf(clusterSearchQuerySchema.shape as Record<string, ZodTypeAny>), fc.option(base64Cursor)).map(([q, c]) => (c === null ? q : `${q}${q ? '&' : '?'}cursor=${c}`));

const jsonBody = (v: unknown) => Buffer.from(JSON.stringify(v) ?? 'undefined');
/** Bodies that are not a JSON object: bytes, truncated or deeply nested JSON, scalars. */
const junkBody: Arbitrary<Buffer> = fc.oneof(
  bytes(64).map((b) => Buffer.from(b)),
  anyJson.map(jsonBody),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => Buffer.from(s)),
  commentArb.chain((c) => fc.nat({ max: 60 }).map((n) => jsonBody(c).subarray(0, n))),
  fc.integer({ min: 1, max: 5000 }).map((n) => Buffer.from(`${'['.repeat(n)}${']'.repeat(n)}`)),
  fc.constantFrom('', 'null', '{}', '[]', '{"comments":null}', '{"comments":[{}]}', '{"comments":"x"}').map((s) => Buffer.from(s)),
);

const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constantFrom('application/json; charset=utf-8', 'application/json; charset=UTF-16', 'application/json; charset=latin1', 'application/json; charset="utf8"', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json;;;', 'application/vnd.api+json', '*/*', '') },
);
const encoding = fc.oneof({ weight: 10, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('gzip', 'deflate', 'gzip-garbage', 'gzip-cut', 'deflate-cut', 'br', 'identity', 'gzip, gzip', 'x-unknown') });
const keyChoice = fc.oneof({ weight: 12, arbitrary: fc.constant('own' as const) }, { weight: 1, arbitrary: fc.constantFrom('other' as const, 'none' as const, 'garbage' as const) });

/** Applies a content-encoding choice: a real encoding, or a lie about it. */
function encode(body: Buffer, choice: string): { body: Buffer; header?: string } {
  if (choice === 'gzip') return { body: gzipSync(body), header: 'gzip' };
  if (choice === 'deflate') return { body: deflateSync(body), header: 'deflate' };
  if (choice === 'gzip-garbage') return { body, header: 'gzip' };
  if (choice === 'gzip-cut') return { body: gzipSync(body).subarray(0, 12), header: 'gzip' };
  if (choice === 'deflate-cut') return { body: deflateSync(body).subarray(0, 6), header: 'deflate' };
  return choice ? { body, header: choice } : { body };
}

/** A request with a body, its headers chosen to be mostly right. */
function withBody(method: string, path: Arbitrary<string>, body: Arbitrary<{ bytes: Buffer; comments?: Record<string, unknown>[] }>): Arbitrary<FuzzRequest> {
  return fc.record({ path, body, type: contentType, enc: encoding, key: keyChoice }).map(({ path: p, body: b, type, enc, key }) => {
    const encoded = encode(b.bytes, enc);
    const headers: Record<string, string> = {};
    if (type) headers['Content-Type'] = type;
    if (encoded.header) headers['Content-Encoding'] = encoded.header;
    return { method, path: p, key, headers, body: encoded.body, comments: key === 'own' ? b.comments : undefined };
  });
}

const getRequest = (path: Arbitrary<string>): Arbitrary<FuzzRequest> => fc.record({ path, key: keyChoice }).map(({ path: p, key }) => ({ method: 'GET', path: p, key, headers: {} }));
const bodyOf = (a: Arbitrary<unknown>) => a.map((v) => ({ bytes: jsonBody(v) }));

/** Every /v1 route (and some that do not exist), each with hostile paths, queries, headers and bodies. */
export const fuzzRequest: Arbitrary<FuzzRequest> = fc.oneof(
  { weight: 6, arbitrary: withBody('POST', fc.constant('/v1/comments'), commentArb.map((c) => ({ bytes: jsonBody(c), comments: [c] }))) },
  { weight: 2, arbitrary: withBody('POST', fc.constant('/v1/comments'), fc.array(commentArb, { minLength: 1, maxLength: 5 }).map((cs) => ({ bytes: jsonBody({ comments: cs }), comments: cs }))) },
  { weight: 2, arbitrary: withBody('POST', fc.constant('/v1/comments'), junkBody.map((b) => ({ bytes: b }))) },
  { weight: 3, arbitrary: getRequest(pathSegment.map((s) => `/v1/comments/${s}`)) },
  { weight: 2, arbitrary: getRequest(clusterQuery.map((q) => `/v1/clusters${q}`)) },
  { weight: 1, arbitrary: getRequest(pathSegment.map((s) => `/v1/clusters/${s}`)) },
  { weight: 1, arbitrary: getRequest(queryOf(clusterCountsQuerySchema.shape as Record<string, ZodTypeAny>).map((q) => `/v1/cluster-counts${q}`)) },
  { weight: 1, arbitrary: getRequest(pathSegment.map((s) => `/v1/accounts/${s}`)) },
  { weight: 2, arbitrary: withBody('POST', pathSegment.map((s) => `/v1/clusters/${s}/review`), bodyOf(fc.oneof(objectOf(reviewBodySchema.shape as Record<string, ZodTypeAny>, 4), anyJson))) },
  { weight: 1, arbitrary: withBody('POST', pathSegment.map((s) => `/v1/clusters/${s}/drop`), bodyOf(fc.oneof(objectOf(dropBodySchema.shape as Record<string, ZodTypeAny>, 4), anyJson))) },
  { weight: 1, arbitrary: getRequest(queryOf(moderationLogQuerySchema.shape as Record<string, ZodTypeAny>).map((q) => `/v1/moderation-log${q}`)) },
  { weight: 1, arbitrary: getRequest(fc.constant('/v1/settings')) },
  { weight: 2, arbitrary: withBody('PUT', fc.constant('/v1/settings'), bodyOf(fc.oneof(objectOf(tenantSettingsShape, 4), anyJson, fc.constant({})))) },
  { weight: 2, arbitrary: getRequest(queryOf(networkQuerySchema.shape as Record<string, ZodTypeAny>).map((q) => `/v1/network${q}`)) },
  { weight: 1, arbitrary: getRequest(queryOf({ since: z.string() }).map((q) => `/v1/exports/flagged.csv${q}`)) },
  { weight: 1, arbitrary: getRequest(queryOf({ since: z.string() }).map((q) => `/v1/reports/summary.html${q}`)) },
  {
    weight: 1,
    arbitrary: fc
      .record({
        method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
        path: fc.oneof(fc.constantFrom('/v1/comments', '/v1/settings', '/v1/clusters', '/v1/network', '/v1/exports/flagged.csv', '/v1/', '/v1'), pathSegment.map((s) => `/v1/${s}`)),
        body: fc.option(junkBody),
        key: keyChoice,
      })
      .map(({ method, path, body, key }): FuzzRequest => ({ method, path, key, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body ?? undefined })),
  },
);
