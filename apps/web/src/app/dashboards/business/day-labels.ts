import { formatUtcDay } from '../../shared/format/format';

/** Axis labels of UTC days ("Dec 1") and their full tooltip titles ("Dec 1, 2026 UTC"). */
export function dayAxisLabels(
  days: readonly string[],
  locale: string,
): { labels: string[]; titles: string[] } {
  const short = new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });

  return {
    labels: days.map((day) => short.format(Date.parse(`${day}T00:00:00Z`))),
    titles: days.map((day) => formatUtcDay(day, locale)),
  };
}
