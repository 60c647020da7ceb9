// The shapes section of the evaluation's output (eval-shapes.ts): each shape against its targets.
import { formatTable } from '../../packages/cli/src/table.js';
import { SHAPE_TARGETS, type CoarseTimesRow, type ShapeResults, type StreamShapeRow, type VideoShapeRow } from './eval-shapes.js';

const pct = (share: number) => `${(share * 100).toFixed(2)}%`;
const ok = (met: boolean) => (met ? 'met' : 'MISSED');

function streamBlock(s: StreamShapeRow): string {
  const head = `THREADLESS STREAM (toolkit CSV layout, one timeline; seed ${s.seed}, ${s.messages} messages, ${s.accounts} accounts, ${s.campaignMessages} campaign messages; chorus analyze in a child process)`;
  if (s.status !== 'finished' || !s.accountFigures || !s.quality || !s.targetsMet) return `${head}\n  not finished: ${s.note} (${s.seconds} s)`;
  const a = s.accountFigures;
  return `${head}\n${formatTable(
    ['figure', 'value', 'target', 'status'],
    [
      ['campaign accounts found', `${pct(a.campaignAccountRecall)} (${a.campaignAccountsFound}/${a.campaignAccounts})`, `>= ${pct(SHAPE_TARGETS.streamCampaignAccounts)}`, ok(s.targetsMet.campaignAccounts)],
      ['organic accounts flagged', `${pct(a.organicAccountsFlaggedShare)} (${a.organicAccountsFlagged}/${a.organicAccounts})`, `<= ${pct(SHAPE_TARGETS.streamOrganicAccounts)}`, ok(s.targetsMet.organicAccounts)],
      ['comment-level precision | recall', `${s.quality.precision.toFixed(4)} | ${s.quality.campaign.recall.toFixed(4)}`, '', ''],
      ['organic messages flagged', `${pct(s.quality.organic.falsePositiveRate)} (${s.quality.organic.flagged}/${s.quality.organic.comments})`, '', ''],
      ['seconds (child, model load included | analyzer)', `${s.seconds} | ${s.analyzeSeconds ?? '-'}`, `100k: <= ${SHAPE_TARGETS.streamSeconds100k} s (npm run bench -- --only stream)`, ''],
    ],
    70,
  )}`;
}

function videoBlock(v: VideoShapeRow): string {
  const q = v.quality;
  const promo = q.byType.promo;
  return `VIDEO COMMENTS WITH PROMOTION SPAM (seed ${v.seed}, ${v.videos} videos, ${v.comments} comments, analyzed in ${v.analyzeSeconds} s)\n${formatTable(
    ['figure', 'value', 'target', 'status'],
    [
      ['promo recall', `${(promo?.recall ?? 0).toFixed(4)} (${promo?.flagged ?? 0}/${promo?.comments ?? 0})`, `>= ${SHAPE_TARGETS.promoRecall}`, ok(v.targetsMet.recall)],
      ['precision', q.precision.toFixed(4), `>= ${SHAPE_TARGETS.promoPrecision}`, ok(v.targetsMet.precision)],
      ['organic comments flagged', `${pct(q.organic.falsePositiveRate)} (${q.organic.flagged}/${q.organic.comments})`, `<= ${pct(SHAPE_TARGETS.promoOrganicFlagged)}`, ok(v.targetsMet.organicFlagged)],
      ...Object.entries(v.byKind).map(([kind, k]) => [`  ${kind}: flagged`, `${k.flagged}/${k.comments} comments, ${k.accounts} accounts`, '', '']),
    ],
    70,
  )}`;
}

function coarseBlock(c: CoarseTimesRow): string {
  const share = (n: number, of: number) => `${n} (${pct(n / Math.max(of, 1))})`;
  return `COARSE TIMES (generator corpus seed ${c.seed}, ${c.threads} threads; 30% of the threads given the day only or the whole hour; organic comments flagged in those threads)\n${formatTable(
    ['threads', 'count', 'organic', 'original times', 'coarse times', 'no times', 'target: coarse <= no times'],
    [
      ...(['date', 'hour'] as const).map((p) => {
        const b = c.byPrecision[p];
        return [p === 'date' ? 'date only' : 'whole hours', b.threads, b.organic, share(b.flaggedOriginal, b.organic), share(b.flaggedCoarse, b.organic), share(b.flaggedNoTimes, b.organic), ok(b.flaggedCoarse <= b.flaggedNoTimes)];
      }),
    ],
  )}\ncampaign comments in those threads flagged: ${c.campaign.flaggedCoarse}/${c.campaign.comments} with coarse times, ${c.campaign.flaggedNoTimes}/${c.campaign.comments} with none`;
}

/** Every shape's tables, as one string. */
export function formatShapes(r: ShapeResults): string {
  return ['SHAPES UNLIKE THE GENERATOR (issue 13; seeds never tuned on)', streamBlock(r.stream), '', videoBlock(r.video), '', coarseBlock(r.coarseTimes)].join('\n');
}
