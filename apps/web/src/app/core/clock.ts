import { Injectable } from '@angular/core';

/** Wall clock behind an injectable, so tests can pin "now". */
@Injectable({ providedIn: 'root' })
export class Clock {
  /** Returns the current time in milliseconds since the Unix epoch. */
  now(): number {
    return Date.now();
  }
}
