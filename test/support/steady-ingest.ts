// A publisher posting single comments at a steady rate while a fault test breaks things underneath:
// it records which comments were acknowledged (202) and every other answer.

// A campaign's wordings (copies and near-copies to cluster) among ordinary comments.
const CAMPAIGN = [
  'The new bridge levy is a disgrace and the council must resign before it ruins every family in this town',
  'This bridge levy is a disgrace, the council should resign before it ruins every family in our town',
  'A disgrace of a bridge levy. The council must resign before it ruins the families of this town',
];
const WORDS = 'the a council road park school bus library weather market price rent water train festival garden river bakery cinema station parking noise football concert winter summer holiday neighbours church museum fire police hospital tram bike'.split(' ');

/** A comment body: every tenth a campaign wording, the rest ordinary words in a varied order. */
export function faultComment(i: number, runTag: string): { id: string; thread_id: string; author_id: string; text: string; posted_at: string } {
  const words = Array.from({ length: 12 + (i % 9) }, (_, k) => WORDS[(i * 7 + k * (3 + (i % 5))) % WORDS.length]);
  const text = i % 10 === 0 ? CAMPAIGN[(i / 10) % CAMPAIGN.length] : `Comment ${i}: ${words.join(' ')}`;
  return { id: `${runTag}-${i}`, thread_id: `thread-${i % 5}`, author_id: `user-${i % 40}`, text, posted_at: new Date().toISOString() };
}

export interface IngestTally {
  /** Ids answered 202: stored, so they must end up scored. */
  readonly acked: string[];
  /** How many answers of each status. */
  readonly statuses: Map<number, number>;
  /** Answers that were neither 202 nor 503, and requests that got no answer. */
  readonly unexpected: string[];
}

/** Posts `perSecond` comments a second (one per request) until stopped. */
export function startIngest(base: string, key: string, perSecond: number, runTag: string): { tally: IngestTally; stop(): Promise<IngestTally> } {
  const tally = { acked: [] as string[], statuses: new Map<number, number>(), unexpected: [] as string[] };
  const inFlight = new Set<Promise<void>>();
  let i = 0;
  const post = async (n: number) => {
    const comment = faultComment(n, runTag);
    try {
      const res = await fetch(`${base}/v1/comments`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(comment), signal: AbortSignal.timeout(15_000) });
      const body = await res.text();
      tally.statuses.set(res.status, (tally.statuses.get(res.status) ?? 0) + 1);
      if (res.status === 202) tally.acked.push(comment.id);
      else if (res.status !== 503 || !/^\{"error":\{"code":"[a-z_]+","message":"[^"]+"/.test(body)) tally.unexpected.push(`${res.status} ${body.slice(0, 200)}`);
    } catch (err) {
      tally.unexpected.push(`no answer: ${(err as Error).message}`);
    }
  };
  const tickMs = 50;
  const perTick = (perSecond * tickMs) / 1000;
  let owed = 0;
  const timer = setInterval(() => {
    for (owed += perTick; owed >= 1; owed--) {
      const p = post(i++);
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
  }, tickMs);
  return {
    tally,
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      return tally;
    },
  };
}
