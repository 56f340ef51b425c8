/** The report page's stylesheet (inline: the page's CSP allows no external files). */
export const PAGE_STYLE = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --pos: #1a7f37; --neg: #cf222e; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 16px 24px 48px; font: 14px/1.45 system-ui, sans-serif; color: var(--fg); }
h1 { font-size: 22px; margin: 8px 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 16px 0 6px; overflow-wrap: anywhere; }
.meta { color: var(--muted); margin: 0; overflow-wrap: anywhere; }
.meta code { font-size: 12px; }
.grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 32px; }
@media (max-width: 800px) { .grid { grid-template-columns: minmax(0, 1fr); } }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 3px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
table.kv th { font-weight: 500; color: var(--muted); width: 45%; }
table.kv td { overflow-wrap: anywhere; }
table.list td, table.heat td { text-align: right; }
table.heat th, table.heat td { text-align: center; font-size: 12px; }
table.heat td.year { font-weight: 600; }
td.pos { color: var(--pos); }
td.neg { color: var(--neg); }
tr.gap td { text-align: center; color: var(--muted); }
.scroll { max-height: 480px; overflow: auto; }
.chart { position: relative; height: 320px; width: 100%; }
.chart.small { height: 200px; }
.legend { color: var(--muted); font-size: 12px; margin: 4px 0; }
.swatch { display: inline-block; width: 12px; height: 3px; vertical-align: middle; margin: 0 4px 0 10px; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
`;
