// The report's stylesheet, inline in the page (its CSP allows exactly this text by hash).
export const REPORT_STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; background: #f6f7f9; }
header { background: #1f2a37; color: #fff; padding: 18px 28px; }
header h1 { margin: 0; font-size: 22px; }
header .scope { margin: 4px 0 0; color: #cbd5e1; }
main { max-width: 1180px; margin: 0 auto; padding: 8px 20px 30px; }
section { background: #fff; border: 1px solid #dde1e6; border-radius: 8px; padding: 14px 18px; margin: 16px 0; }
h2 { font-size: 17px; margin: 0 0 10px; }
h3 { font-size: 15px; margin: 0 0 4px; }
h4 { font-size: 13px; margin: 10px 0 4px; color: #57606a; text-transform: uppercase; letter-spacing: .03em; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; }
.card { border: 1px solid #dde1e6; border-radius: 8px; padding: 12px 14px; }
.card .value { font-size: 30px; font-weight: 700; }
.card .label { font-weight: 600; }
.card .detail { color: #57606a; font-size: 13px; }
#figure-flagged .value, #figure-clusters .value { color: #b3261e; }
.pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); gap: 0 16px; }
.chart { position: relative; height: 260px; }
.chart.tall { height: 380px; }
.note, .empty, .more { color: #57606a; font-size: 13px; }
.cluster { border-left: 4px solid #e8a33d; padding: 8px 12px; margin: 12px 0; background: #fbfbfc; }
.cluster.coordinated { border-left-color: #b3261e; }
.verdict { font-size: 12px; padding: 1px 6px; border-radius: 10px; background: #fdebd0; }
.coordinated .verdict { background: #f9d6d3; color: #8c1d18; }
.score, .facts { color: #57606a; font-weight: 400; }
.facts { margin: 0; font-size: 13px; }
.signal { display: inline-block; font: 12px ui-monospace, monospace; background: #eef1f4; padding: 0 5px; border-radius: 4px; margin-right: 4px; }
.reasons { margin: 0; padding-left: 18px; }
.members { margin: 0; padding-left: 22px; }
.members li { margin: 4px 0; }
.members .meta { font-size: 12px; color: #57606a; }
.members .text { white-space: pre-wrap; overflow-wrap: anywhere; }
svg.network { width: 100%; height: auto; border: 1px solid #eef1f4; border-radius: 6px; background: #fcfcfd; }
svg.network line { stroke: #8796a8; stroke-opacity: .55; }
svg.network circle { fill: #b3261e; stroke: #fff; stroke-width: 1; }
svg.network text { font-size: 11px; fill: #1f2328; text-anchor: middle; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
table.threads { border-collapse: collapse; width: 100%; margin-top: 12px; font-size: 14px; }
table.threads th, table.threads td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #eef1f4; overflow-wrap: anywhere; }
table.threads td:nth-child(n+2) { white-space: nowrap; }
footer { text-align: center; color: #57606a; font-size: 12px; padding: 0 0 24px; }
`;
