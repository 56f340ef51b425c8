import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { RunnerError } from '../../core/index.js';
import type { PriceSeries } from '../report-input.js';
import type { EquityRow, ReportPageInput, TradeRow } from './page-input.js';
import { parseReportData } from './report-data-file.js';
import { reportJsonSchema } from './report-json-schema.js';

/** The zone assumed when a folder has no `report-data.json` (runs written before it existed). */
const FALLBACK_ZONE = 'America/New_York';
const TRADE_HEADER = 'symbol,side,qty,entryTs,exitTs,entryPrice,exitPrice,pnl,commission';

/**
 * Returns the page input stored in a backtest output folder: `report.json`, `equity.csv`,
 * `trades.csv` and, when present, `report-data.json` (time zone and candles; without it the page
 * has no price charts or benchmark and days are taken in New York time). Throws
 * `REPORT_ERR_READ` when a file is missing and `REPORT_ERR_BAD_FILE` naming file:line or
 * file:field when one is malformed.
 */
export async function readReportDir(dir: string): Promise<ReportPageInput & { readonly equity: readonly EquityRow[]; readonly trades: readonly TradeRow[] }> {
  const reportPath = join(dir, 'report.json');
  const parsed = reportJsonSchema.safeParse(parseJson(reportPath, await readText(reportPath)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RunnerError('REPORT_ERR_BAD_FILE', `${reportPath}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const extra = await readExtra(join(dir, 'report-data.json'));
  return {
    report: parsed.data,
    timeZone: extra.timeZone,
    equity: equityRows(join(dir, 'equity.csv'), await readText(join(dir, 'equity.csv'))),
    trades: tradeRows(join(dir, 'trades.csv'), await readText(join(dir, 'trades.csv'))),
    prices: extra.prices,
  };
}

async function readExtra(path: string): Promise<{ timeZone: string; prices: PriceSeries[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { timeZone: FALLBACK_ZONE, prices: [] };
  }
  const data = parseReportData(parseJson(path, text));
  if (!data.ok) throw new RunnerError('REPORT_ERR_BAD_FILE', `${path}: ${data.message}`);
  return data;
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw new RunnerError('REPORT_ERR_READ', `${path}: cannot read (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  }
}

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new RunnerError('REPORT_ERR_BAD_FILE', `${path}: not JSON (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
  }
}

/** Returns the data rows with their 1-based line numbers; our CSVs hold one record per line. */
function rows(path: string, text: string, header: string): { line: number; fields: string[] }[] {
  let records: string[][];
  try {
    records = parse(text);
  } catch (cause) {
    throw new RunnerError('REPORT_ERR_BAD_FILE', `${path}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  if (records[0]?.join(',') !== header) throw new RunnerError('REPORT_ERR_BAD_FILE', `${path}:1: header must be ${header}`);
  return records.slice(1).map((fields, i) => ({ line: i + 2, fields }));
}

function equityRows(path: string, text: string): EquityRow[] {
  return rows(path, text, 'ts,equity,exposed').map(({ line, fields }) => ({
    ts: time(`${path}:${line}`, fields[0]),
    equity: finite(`${path}:${line}`, fields[1]),
  }));
}

function tradeRows(path: string, text: string): TradeRow[] {
  return rows(path, text, TRADE_HEADER).map(({ line, fields }) => {
    const [symbol = '', side = '', qty = '', entryTs, exitTs, entryPrice = '', exitPrice = '', pnl = '', commission = ''] = fields;
    for (const amount of [qty, entryPrice, exitPrice, pnl, commission]) finite(`${path}:${line}`, amount);
    return {
      symbol, side, qty, entryTs: time(`${path}:${line}`, entryTs), exitTs: time(`${path}:${line}`, exitTs),
      entryPrice, exitPrice, pnl, commission,
    };
  });
}

function time(where: string, text: string | undefined): number {
  const ms = text === undefined ? Number.NaN : Date.parse(text);
  if (!Number.isFinite(ms)) throw new RunnerError('REPORT_ERR_BAD_FILE', `${where}: bad timestamp ${JSON.stringify(text)}`);
  return ms;
}

function finite(where: string, text: string | undefined): number {
  const n = text === undefined || text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(n)) throw new RunnerError('REPORT_ERR_BAD_FILE', `${where}: bad number ${JSON.stringify(text)}`);
  return n;
}
