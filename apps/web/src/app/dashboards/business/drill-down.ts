import { Injectable, signal } from '@angular/core';

/** Interaction kinds, as `GET /api/v1/interactions` filters them. */
export type InteractionKind = 'recommendation' | 'impression' | 'response';

/**
 * The rows behind one figure: the panel's window and segment plus whatever the figure narrows to
 * (an offer, a channel, a kind of interaction, one day).
 */
export interface DrillDownRequest {
  /** What the rows are, e.g. "Impressions of Summer promo". */
  readonly title: string;
  /** UTC days, `to` exclusive: the effective window of the panel's response. */
  readonly window: { readonly from: string; readonly to: string };
  readonly segmentId: string | null;
  readonly offerKey?: string;
  readonly channelKey?: string;
  readonly kind?: InteractionKind;
  /** Only responses whose outcome type has this classification. */
  readonly classification?: 'positive' | 'negative';
  /** Only responses with one of the tenant's conversion outcomes. */
  readonly conversion?: boolean;
}

/**
 * The drill-down drawer's state, provided by the Business page: panels call `open` with the
 * filters of the figure the user chose, and the drawer lists those rows.
 */
@Injectable()
export class DrillDownService {
  private readonly current = signal<DrillDownRequest | null>(null);
  private opener: HTMLElement | null = null;

  /** The open request, or null while the drawer is closed. */
  readonly request = this.current.asReadonly();

  /** Opens the drawer; focus returns to the focused element (the link clicked) on close. */
  open(request: DrillDownRequest): void {
    const active = typeof document === 'undefined' ? null : document.activeElement;
    this.opener = active instanceof HTMLElement ? active : null;
    this.current.set(request);
  }

  close(): void {
    this.current.set(null);
    this.opener?.focus();
    this.opener = null;
  }
}

/** Which interactions a figure counts. */
export type FigureKind =
  | 'interactions'
  | 'recommendations'
  | 'impressions'
  | 'responses'
  | 'positive'
  | 'negative'
  | 'conversions';

type FigureFilter = Pick<DrillDownRequest, 'kind' | 'classification' | 'conversion'>;

const FIGURE_FILTERS: Readonly<Record<FigureKind, FigureFilter>> = {
  interactions: {},
  recommendations: { kind: 'recommendation' },
  impressions: { kind: 'impression' },
  responses: { kind: 'response' },
  positive: { kind: 'response', classification: 'positive' },
  negative: { kind: 'response', classification: 'negative' },
  conversions: { kind: 'response', conversion: true },
};

const FIGURE_LABELS: Readonly<Record<FigureKind, string>> = {
  interactions: 'Interactions',
  recommendations: 'Recommendations',
  impressions: 'Impressions',
  responses: 'Responses',
  positive: 'Positive responses',
  negative: 'Negative responses',
  conversions: 'Conversions',
};

/** Returns the interaction filters of a figure kind. */
export function figureFilter(figure: FigureKind): FigureFilter {
  return FIGURE_FILTERS[figure];
}

/** Returns the name of what a figure kind counts, such as "Positive responses". */
export function figureLabel(figure: FigureKind): string {
  return FIGURE_LABELS[figure];
}
