import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localDate, localDayEnd, localToUtc, ZoneOffsets } from '../../../src/time/index.js';

const NY = 'America/New_York';
const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(1990, 0, 1);
const LAST_DAY = Date.UTC(2050, 11, 31);

function zone(name: string): ZoneOffsets {
  const found = ZoneOffsets.of(name);
  if (found === undefined) throw new Error(`no zone ${name}`);
  return found;
}

/** Calls `each` with the UTC date fields of every day 1990-01-01 … 2050-12-31. */
function everyDay(each: (year: number, month: number, day: number) => void): void {
  for (let t = FIRST_DAY; t <= LAST_DAY; t += DAY) {
    const d = new Date(t);
    each(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
}

/** luxon's answers for an instant: offset, local date, end of local day. */
function luxonAt(name: string, t: number): [number, string | null, number] {
  const local = DateTime.fromMillis(t, { zone: name });
  return [IANAZone.create(name).offset(t), local.toISODate(), local.endOf('day').toMillis()];
}

function oursAt(name: string, t: number): [number, string | null, number] {
  const z = zone(name);
  return [z.offsetAt(t), localDate(z, t) ?? null, localDayEnd(z, t)];
}

/** Returns the instants 1990–2050 at which luxon's offset for `name` changes. */
function luxonChanges(name: string): number[] {
  const z = IANAZone.create(name);
  const changes: number[] = [];
  for (let t = FIRST_DAY; t < LAST_DAY; t += DAY) {
    if (z.offset(t) === z.offset(t + DAY)) continue;
    let lo = t;
    let hi = t + DAY;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (z.offset(mid) === z.offset(t)) lo = mid;
      else hi = mid;
    }
    changes.push(hi);
  }
  return changes;
}

describe('America/New_York, every day 1990–2050, against luxon', () => {
  it('places 09:30, 13:00 and 16:00 local at luxon’s instants, with luxon’s offsets there', () => {
    const ny = zone(NY);
    const luxonZone = IANAZone.create(NY);
    const wrong: string[] = [];
    everyDay((year, month, day) => {
      for (const [hour, minute] of [[9, 30], [13, 0], [16, 0]] as const) {
        const ours = localToUtc(ny, year, month, day, hour, minute);
        const theirs = DateTime.fromObject({ year, month, day, hour, minute }, { zone: NY }).toMillis();
        if (ours !== theirs || ny.offsetAt(ours) !== luxonZone.offset(theirs)) wrong.push(`${year}-${month}-${day} ${hour}:${minute}`);
      }
    });
    expect(wrong).toEqual([]);
  });

  it('gives luxon’s offset, local date and end of day at each local midnight and 1 ms before it', () => {
    const wrong: number[] = [];
    everyDay((year, month, day) => {
      const midnight = DateTime.fromObject({ year, month, day }, { zone: NY }).toMillis();
      for (const t of [midnight - 1, midnight]) {
        if (JSON.stringify(oursAt(NY, t)) !== JSON.stringify(luxonAt(NY, t))) wrong.push(t);
      }
    });
    expect(wrong).toEqual([]);
  });

  it('gives luxon’s answers around each of the 122 DST changes', () => {
    const changes = luxonChanges(NY);
    expect(changes).toHaveLength(122);
    const wrong: number[] = [];
    for (const change of changes) {
      const near = [-1000, -1, 0, 1, 999, 1000];
      for (let k = -12; k <= 12; k++) near.push(k * 15 * 60_000);
      for (const t of near.map((d) => change + d)) {
        if (JSON.stringify(oursAt(NY, t)) !== JSON.stringify(luxonAt(NY, t))) wrong.push(t);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('other zones against luxon', () => {
  // Lord Howe moves 30 minutes; Santiago changes at local midnight, so some days start at 01:00.
  const zones = fc.constantFrom('Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago', 'UTC');
  const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });

  it('gives luxon’s offset, local date and end of day at any instant 1900–2100', () => {
    fc.assert(fc.property(zones, instant, (name, t) => {
      expect(oursAt(name, t)).toEqual(luxonAt(name, t));
    }), { numRuns: 2000 });
  });

  it('gives luxon’s offset, local date and end of day anywhere in Date’s range', () => {
    fc.assert(fc.property(fc.constantFrom(NY, 'Asia/Kolkata', 'UTC'), fc.integer({ min: -8.64e15, max: 8.64e15 }), (name, t) => {
      expect(oursAt(name, t)).toEqual(luxonAt(name, t));
    }), { numRuns: 500 });
  });

  it('places a wall time where luxon does, or at the first occurrence of a repeated one', () => {
    fc.assert(fc.property(zones, instant, (name, t) => {
      const w = DateTime.fromMillis(t, { zone: name });
      const fields = { year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, second: w.second };
      const ours = localToUtc(zone(name), fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second);
      const theirs = DateTime.fromObject(fields, { zone: name }).toMillis();
      if (ours !== theirs) {
        // Both are occurrences of the same wall time, and ours is the earlier one.
        expect(DateTime.fromMillis(ours, { zone: name }).toObject()).toEqual(DateTime.fromMillis(theirs, { zone: name }).toObject());
        expect(ours).toBeLessThan(theirs);
      }
    }), { numRuns: 2000 });
  });

  it('answers lookups in any order as luxon does (the remembered stretches never go stale)', () => {
    const change = Date.UTC(2024, 9, 6, 16); // Lord Howe: +10:30 → +11:00
    const around = fc.integer({ min: change - 10 * DAY, max: change + 10 * DAY });
    const far = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2060, 0, 1) });
    fc.assert(fc.property(fc.array(fc.oneof(around, far), { minLength: 1, maxLength: 60 }), (instants) => {
      const z = zone('Australia/Lord_Howe');
      const luxonZone = IANAZone.create('Australia/Lord_Howe');
      expect(instants.map((t) => z.offsetAt(t))).toEqual(instants.map((t) => luxonZone.offset(t)));
    }));
  });
});

describe('ZoneOffsets', () => {
  it('reads Intl about once per three days walking through time, not once per lookup', () => {
    const z = zone('Europe/Paris');
    z.offsetAt(Date.UTC(2010, 0, 1));
    // `format` is a getter returning the bound formatter: each Intl read gets it once.
    const proto = Intl.DateTimeFormat.prototype;
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'format');
    const get = descriptor?.get;
    if (descriptor === undefined || get === undefined) throw new Error('Intl.DateTimeFormat#format is no getter');
    let reads = 0;
    let lookups = 0;
    Object.defineProperty(proto, 'format', {
      ...descriptor,
      get(this: Intl.DateTimeFormat): unknown {
        reads += 1;
        return get.call(this);
      },
    });
    try {
      for (let t = Date.UTC(2010, 0, 1); t < Date.UTC(2020, 0, 1); t += 3_600_000) {
        z.offsetAt(t);
        lookups += 1;
      }
    } finally {
      Object.defineProperty(proto, 'format', descriptor);
    }
    // 3,652 days / 3 plus about 18 reads at each of the 20 changes, against 87,648 lookups.
    expect(lookups).toBe(87_648);
    expect(reads).toBeGreaterThan(1_217);
    expect(reads).toBeLessThan(1_217 + 20 * 20);
  });

  it('keeps whole-millisecond Date semantics for fractional instants next to a change', () => {
    const change = Date.UTC(2024, 2, 10, 7); // New York: −05:00 → −04:00
    const ny = zone(NY);
    const luxonZone = IANAZone.create(NY);
    for (const t of [change - 0.5, change + 0.5, change - 1.5, -1000.5, -999.5]) {
      expect(ny.offsetAt(t)).toBe(luxonZone.offset(t));
    }
  });

  it('knows no zone for unknown or empty names', () => {
    expect(ZoneOffsets.of('Mars/Olympus')).toBeUndefined();
    expect(ZoneOffsets.of('')).toBeUndefined();
    expect(ZoneOffsets.of(NY)).toBe(ZoneOffsets.of(NY));
  });

  it('answers NaN or nothing for instants that are no Date', () => {
    const ny = zone(NY);
    for (const t of [Number.NaN, Number.POSITIVE_INFINITY, -8.64e15 - 1, 8.64e15 + 1]) {
      expect(ny.offsetAt(t)).toBeNaN();
      expect(localDate(ny, t)).toBeUndefined();
      expect(localDayEnd(ny, t)).toBeNaN();
    }
  });

  it('puts a skipped wall time past the change and a repeated one at its first occurrence', () => {
    const ny = zone(NY);
    expect(localToUtc(ny, 2024, 3, 10, 2, 30)).toBe(Date.UTC(2024, 2, 10, 7, 30)); // 03:30 EDT, as luxon
    expect(localToUtc(ny, 2024, 3, 10, 2, 30)).toBe(DateTime.fromObject({ year: 2024, month: 3, day: 10, hour: 2, minute: 30 }, { zone: NY }).toMillis());
    expect(localToUtc(ny, 2024, 11, 3, 1, 30)).toBe(Date.UTC(2024, 10, 3, 5, 30)); // 01:30 EDT, not EST
    expect(localToUtc(ny, 2024, 11, 3, 1, 29, 59, 999)).toBe(Date.UTC(2024, 10, 3, 5, 29, 59, 999));
  });
});
