/**
 * The report's only styles, inline (the CSP allows inline styles and nothing else). Screen first, and
 * A4 print: sections and charts do not split across pages, table headers repeat, and the days of a
 * long log print open.
 */
export const REPORT_CSS = `
:root{color-scheme:light;--ink:#1b1f24;--dim:#5b6570;--line:#d7dce1;--bar:#3b6fd8;--ok:#1f7a3d;--warn:#9a5b00}
*{box-sizing:border-box}
body{margin:0 auto;max-width:60rem;padding:1.5rem;font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:#fff}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.1rem;margin:1.6rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.5rem 0}
dl.meta dt{color:var(--dim)}dl.meta dd{margin:0}
.kpis{display:grid;grid-template-columns:repeat(4,1fr);gap:.75rem;margin:1rem 0}
.kpi{border:1px solid var(--line);border-radius:6px;padding:.6rem .75rem}
.kpi .label{color:var(--dim);font-size:.85rem}.kpi .value{font-size:1.35rem;font-weight:600}
.kpi .note{color:var(--dim);font-size:.8rem}
figure{margin:1rem 0}figcaption{font-weight:600;margin-bottom:.25rem}
svg{max-width:100%;height:auto;font-family:inherit}
svg .bar{fill:var(--bar)}svg .line{stroke:var(--bar);stroke-width:2;fill:none}svg .dot{fill:var(--bar)}
svg text{fill:var(--ink);font-size:11px}svg .grid{stroke:var(--line)}
table{border-collapse:collapse;width:100%;margin:.25rem 0 .75rem}
th,td{text-align:left;padding:.2rem .4rem;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--dim);font-weight:600}td.n,th.n,table.log td:last-child,table.log th:last-child{text-align:right;white-space:nowrap}
caption{text-align:left;font-weight:600;padding:.3rem 0}
details{border-bottom:1px solid var(--line)}summary{cursor:pointer;padding:.3rem 0}
.badge{display:inline-block;border-radius:999px;padding:.2rem .7rem;font-weight:600;color:#fff}
.badge.ok{background:var(--ok)}.badge.warn{background:var(--warn)}
.note,.muted{color:var(--dim)}
footer{margin-top:2rem;border-top:1px solid var(--line);padding-top:.5rem;font-size:.8rem;color:var(--dim)}
footer code{word-break:break-all;color:var(--ink)}
@page{size:A4;margin:14mm}
@media print{
body{max-width:none;padding:0;font-size:10pt}
.kpis{grid-template-columns:repeat(4,1fr)}
h2{break-after:avoid}section.keep,figure,.kpis,table caption{break-inside:avoid}
tr{break-inside:avoid}thead{display:table-header-group}
details{break-inside:auto}details::details-content{content-visibility:visible;display:block}
summary{list-style:none;font-weight:600}
a{color:inherit;text-decoration:none}
}
`;
