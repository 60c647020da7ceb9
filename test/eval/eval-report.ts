// The evaluation's readable output: tables of the figures against their targets, then what the
// false positives and the misses look like.
import { formatTable } from '../../packages/cli/src/table.js';
import { COMPONENT_LIMIT, type ClusterSample, type MissedMember } from './eval-diagnostics.js';
import { CAMPAIGN_TYPES } from './eval-metrics.js';
import type { EvalResults } from './eval-results.js';

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (share: number, digits = 2) => `${fmt(share * 100, digits)}%`;
const ok = (met: boolean) => (met ? 'met' : 'MISSED');
const compositionText = (c: ClusterSample) =>
  Object.entries(c.composition)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');

function clusterBlock(c: ClusterSample): string {
  const lines = [`  ${c.corpus} / ${c.id}: ${c.verdict} ${c.score.toFixed(2)}, ${c.size} members (${compositionText(c)}), ${c.accounts} accounts, ${c.threads} threads`];
  c.reasons.forEach((r) => lines.push(`    reason: ${r}`));
  c.samples.forEach((s) => lines.push(`    member ${s.id} (${s.authorId ?? 'anonymous'}, ${s.label}): "${s.text}"`));
  return lines.join('\n');
}

function missBlock(m: MissedMember): string {
  const where =
    m.cause === 'no-edge'
      ? 'no similarity edge to anything'
      : m.cause === 'unclustered'
        ? `linked (component of ${m.componentSize}) but left out of every cluster`
        : `in cluster ${m.cluster!.id} scored clean ${m.cluster!.score.toFixed(2)} (${m.cluster!.size} members: ${m.cluster!.sameCampaign} of this campaign, ${m.cluster!.organic} organic; component of ${m.componentSize})`;
  const lines = [`  ${m.corpus} / ${m.member.id} (${m.member.label}, ${m.member.authorId ?? 'anonymous'}): ${where}`];
  (m.cluster?.reasons ?? []).forEach((r) => lines.push(`    reason: ${r}`));
  lines.push(`    text: "${m.member.text}"`);
  return lines.join('\n');
}

/** Every table and listing of a run, as one string. */
export function formatReport(r: EvalResults): string {
  const a = r.generated.aggregate;
  const met = r.targetsMet;
  const out: string[] = [];

  out.push('TARGETS (generated corpora aggregated; real organic forum threads)');
  out.push(
    formatTable(
      ['figure', 'value', 'target', 'status'],
      [
        ['comment-level precision', a.precision.toFixed(4), `>= ${r.targets.precision}`, ok(met.precision)],
        ...CAMPAIGN_TYPES.filter((t) => a.byType[t]).map((t) => [`recall: ${t}`, a.byType[t].recall.toFixed(4), `>= ${r.targets.recallPerType}`, ok(met.recallPerType[t])]),
        ['recall: all campaign comments', a.campaign.recall.toFixed(4), '', ''],
        ['organic false-positive rate', `${pct(a.organic.falsePositiveRate)} (${a.organic.flagged}/${a.organic.comments})`, `<= ${pct(r.targets.organicFalsePositiveRate, 1)}`, ok(met.organicFalsePositiveRate)],
        ['real organic flagged', `${pct(r.realOrganic.flaggedShare)} (${r.realOrganic.flagged}/${r.realOrganic.comments})`, `<= ${pct(r.targets.realOrganicFlagged, 1)}`, ok(met.realOrganicFlagged)],
        ['analyzer throughput', `${fmt(r.throughput.commentsPerSecond)} comments/s`, '', `${fmt(r.throughput.comments)} comments in ${fmt(r.throughput.seconds, 1)} s`],
      ],
      80,
    ),
  );

  out.push('\nPER CAMPAIGN TYPE (all generated corpora; a campaign is "detected" when at least half its members are flagged)');
  out.push(
    formatTable(
      ['type', 'comments', 'flagged', 'recall', 'campaigns', 'detected', 'detection rate'],
      Object.entries(a.byType).map(([t, q]) => [t, q.comments, q.flagged, q.recall.toFixed(4), q.campaigns, q.campaignsDetected, q.campaignDetectionRate.toFixed(4)]),
    ),
  );
  out.push(`flagged clusters: ${a.flaggedClusters.total}, of which mostly organic: ${a.flaggedClusters.mostlyOrganic}`);

  out.push(`\nSIMILARITY COMPONENTS PER CORPUS (MemoryPorts stops a component at ${COMPONENT_LIMIT} comments; beyond that clustering sees only part of it)`);
  out.push(
    formatTable(
      ['corpus', 'linked components', 'largest', `searches stopped at ${COMPONENT_LIMIT}`, 'comments reached by them', 'diagnose s'],
      r.generated.corpora.map((c) => [c.name, c.components.linked, c.components.largest, c.components.atLimit, c.components.commentsAtLimit, fmt(c.diagnoseSeconds, 1)]),
    ),
  );

  out.push('\nORGANIC COMMENTS THAT REPEAT ANOTHER ACCOUNT\'S COMMENT (a text-similarity edge): generated corpora against the real forum threads');
  const repetition = [...r.generated.corpora.map((c) => [c.name, c.organicRepetition] as const), ['real forum', r.realOrganic.organicRepetition] as const];
  out.push(
    formatTable(
      ['corpus', 'organic comments', 'repeated in another thread', 'share', 'repeated in the same thread', 'share'],
      repetition.map(([name, o]) => [name, o.organic, o.repeatedInOtherThreads, pct(o.repeatedInOtherThreads / Math.max(o.organic, 1)), o.repeatedInSameThread, pct(o.repeatedInSameThread / Math.max(o.organic, 1))]),
    ),
  );

  // Flagged organic comments, false-positive rate, precision, recall, then recall per campaign type.
  const qualityCells = (q: (typeof r.generated)['aggregate']) => [
    q.organic.flagged,
    pct(q.organic.falsePositiveRate),
    q.precision.toFixed(3),
    q.campaign.recall.toFixed(3),
    ...CAMPAIGN_TYPES.map((t) => (q.byType[t] ? q.byType[t].recall.toFixed(3) : '-')),
  ];

  out.push('\nPER CORPUS (recall columns: comment-level recall per type)');
  out.push(
    formatTable(
      ['corpus', 'comments', 'organic FP', 'FPR', 'precision', 'recall', ...CAMPAIGN_TYPES, 'campaigns det.', 'gen s', 'analyze s', 'comments/s'],
      r.generated.corpora.map((c) => {
        const q = c.quality;
        const campaigns = Object.values(q.byType).reduce((s, t) => [s[0] + t.campaignsDetected, s[1] + t.campaigns], [0, 0]);
        return [
          c.name,
          c.comments,
          ...qualityCells(q),
          `${campaigns[0]}/${campaigns[1]}`,
          fmt(c.generateSeconds, 2),
          fmt(c.analyzeSeconds, 1),
          fmt(c.commentsPerSecond),
        ];
      }),
    ),
  );

  out.push('\nHELD-OUT CORPORA (seeds never tuned on: watch them, do not tune on them; not held against the targets)');
  const heldOutRow = (name: string, comments: number, q: (typeof r.heldOut)['aggregate']) => [name, comments, ...qualityCells(q)];
  out.push(
    formatTable(
      ['corpus', 'comments', 'organic FP', 'FPR', 'precision', 'recall', ...CAMPAIGN_TYPES],
      [...r.heldOut.corpora.map((c) => heldOutRow(c.name, c.comments, c.quality)), heldOutRow('all held out', r.heldOut.corpora.reduce((s, c) => s + c.comments, 0), r.heldOut.aggregate)],
    ),
  );

  const ro = r.realOrganic;
  out.push(`\nREAL ORGANIC FORUM THREADS (${ro.file})`);
  out.push(
    formatTable(
      ['comments', 'flagged', 'share', 'target', 'flagged clusters', 'largest component', 'analyze s', 'comments/s'],
      [[ro.comments, ro.flagged, pct(ro.flaggedShare), `<= ${pct(r.targets.realOrganicFlagged, 1)}: ${ok(met.realOrganicFlagged)}`, ro.flaggedClusters, ro.components.largest, fmt(ro.analyzeSeconds, 1), fmt(ro.commentsPerSecond)]],
    ),
  );
  out.push(`\nTop ${ro.topFlaggedClusters.length} flagged clusters in the real organic threads (by score):`);
  out.push(ro.topFlaggedClusters.length === 0 ? '  (none)' : ro.topFlaggedClusters.map(clusterBlock).join('\n'));

  out.push('\nFALSE-POSITIVE CLUSTERS IN THE GENERATED CORPORA BY THE SIGNALS THAT SCORED THEM (flagged clusters with organic members)');
  out.push(
    formatTable(
      ['signals', 'clusters', 'all organic', 'organic members flagged'],
      r.generated.falsePositiveProfile.slice(0, 12).map((p) => [p.signals, p.clusters, p.allOrganic, p.organicMembers]),
      90,
    ),
  );
  if (r.generated.falsePositiveProfile.length > 12) out.push(`... and ${r.generated.falsePositiveProfile.length - 12} more signal combinations (see latest.json)`);

  const fps = r.generated.largestFalsePositiveClusters;
  out.push(`\nLARGEST FALSE-POSITIVE CLUSTERS IN THE GENERATED CORPORA (most organic members first)`);
  if (fps.length > 0) {
    out.push(formatTable(['corpus', 'cluster', 'verdict', 'score', 'size', 'organic', 'composition'], fps.map((c) => [c.corpus, c.id, c.verdict, c.score.toFixed(2), c.size, c.composition.organic ?? 0, compositionText(c)])));
    out.push(fps.map(clusterBlock).join('\n'));
  } else out.push('  (none)');

  const misses = r.generated.missesByType;
  out.push('\nMISSED CAMPAIGN COMMENTS BY CAUSE');
  out.push(
    formatTable(
      ['type', 'missed', 'no edge', 'linked, unclustered', 'in clean cluster'],
      Object.entries(misses).map(([t, s]) => [t, s.missed, s.byCause['no-edge'], s.byCause.unclustered, s.byCause['clean-cluster']]),
    ),
  );
  for (const [t, s] of Object.entries(misses)) {
    if (s.examples.length === 0) continue;
    out.push(`\nmissed ${t} (${s.examples.length} of ${s.missed}):`);
    out.push(s.examples.map(missBlock).join('\n'));
  }

  out.push(`\nmodel ${r.model} (loaded once in ${fmt(r.encoderLoadSeconds, 1)} s); lexical threshold ${r.params.lexicalThreshold}, suspect >= ${r.params.suspectThreshold}, coordinated >= ${r.params.coordinatedThreshold}; ${fmt(r.totalSeconds, 1)} s in all`);
  return out.join('\n');
}
