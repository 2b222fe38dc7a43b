import { CountPipe } from './count.pipe';
import { DurationMsPipe } from './duration-ms.pipe';
import { LocalTimePipe } from './local-time.pipe';
import { RatePipe } from './rate.pipe';
import { UtcDayPipe } from './utc-day.pipe';

/** All formatting pipes, for a component's `imports`. */
export const FORMAT_PIPES = [
  CountPipe,
  RatePipe,
  DurationMsPipe,
  LocalTimePipe,
  UtcDayPipe,
] as const;
