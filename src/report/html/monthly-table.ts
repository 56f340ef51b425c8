import { formatPercent } from './format-cell.js';
import type { YearReturns } from './monthly-returns.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
/** A monthly move of this size or more gets the full colour. */
const FULL_SCALE = 0.1;

/**
 * Returns the `<table id="monthly">` heat table: one row per year, one column per month plus the
 * year's total, each cell coloured green (gain) or red (loss) with an opacity that grows with the
 * move, up to ±10 %. Empty months are blank; each cell's exact return is in `data-value`.
 */
export function monthlyTable(years: readonly YearReturns[]): string {
  const head = `<tr><th scope="col">Year</th>${MONTHS.map((m) => `<th scope="col">${m}</th>`).join('')}<th scope="col">Year</th></tr>`;
  const body = years.map((y) => {
    const cells = y.months.map((r) => cell(r, 'month')).join('');
    return `<tr><th scope="row">${y.year}</th>${cells}${cell(y.total, 'year')}</tr>`;
  });
  return `<table id="monthly" class="heat">\n<thead>${head}</thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}

function cell(value: number | null, kind: 'month' | 'year'): string {
  if (value === null) return '<td class="empty"></td>';
  if (!Number.isFinite(value)) return `<td class="${kind}">n/a</td>`;
  const alpha = Math.min(Math.abs(value) / FULL_SCALE, 1) * 0.75 + 0.05;
  const rgb = value >= 0 ? '46,125,50' : '198,40,40';
  return `<td class="${kind}" data-value="${value}" style="background:rgba(${rgb},${alpha.toFixed(3)})">${formatPercent(value)}</td>`;
}
