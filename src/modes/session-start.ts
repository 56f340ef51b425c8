import { defer, startWith, switchMap, take, type Observable } from 'rxjs';

/**
 * Returns `make(data$)` started when the session's time is known. On the wall clock that is at
 * once. On a market-driven clock (which starts at 0 and follows the data) it is the first datum:
 * anything that reads the clock when it starts (warm-up, gap tracking, stale windows, calendar
 * fetches) would otherwise start in 1970. The first datum is handed on, so nothing misses it.
 */
export function startWhenTimeKnown<D, T>(data$: Observable<D>, marketDriven: boolean, make: (data$: Observable<D>) => Observable<T>): Observable<T> {
  if (!marketDriven) return defer(() => make(data$));
  return data$.pipe(
    take(1),
    switchMap((first) => make(data$.pipe(startWith(first)))),
  );
}
