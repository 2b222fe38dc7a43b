import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';

import { FORMAT_PIPES } from '../../shared/format/format-pipes';
import { PanelFrameComponent } from '../../shared/ui/panel-frame.component';
import { DashboardFiltersService } from '../filters/dashboard-filters.service';
import {
  type GroupedOfferRow,
  type OfferGrouping,
  type OfferPerformanceRow,
  ZERO_CONVERSION_MIN_IMPRESSIONS,
  findZeroConversionOffers,
  groupName,
  hasConversionsWithoutRevenue,
} from './business-data';
import { injectBusinessData } from './business-resource';
import {
  type DrillDownRequest,
  DrillDownService,
  type FigureKind,
  figureFilter,
  figureLabel,
} from './drill-down';
import { NO_IMPRESSIONS_HELP } from './empty-states';
import { SortHeaderComponent } from './sort-header.component';
import { TableSort } from './table-sort';

/** The views of the panel: the top offers, or offers grouped by a dimension. */
export type OfferView = 'top' | OfferGrouping;

export const OFFER_VIEWS: readonly { readonly id: OfferView; readonly label: string }[] = [
  { id: 'top', label: 'Top 20 offers' },
  { id: 'channel', label: 'By channel' },
  { id: 'category', label: 'By category' },
  { id: 'segment', label: 'By segment' },
];

/** A table row of either view, with its group name (empty in the top view) and its hints. */
interface OfferTableRow extends OfferPerformanceRow {
  readonly rowId: string;
  readonly group: string;
  readonly channelKey?: string;
  readonly segmentId?: string;
  readonly noConversions: boolean;
  readonly noRevenue: boolean;
}

type OfferColumn =
  'group' | 'offerName' | 'impressions' | 'conversions' | 'conversionRate' | 'revenue';

/**
 * Offer performance: the top 20 offers by impressions, or every offer grouped by channel, category
 * or segment. Sortable, with the data hints next to the offers they concern.
 */
@Component({
  selector: 'app-offer-performance-panel',
  templateUrl: './offer-performance-panel.component.html',
  styleUrl: './business-panels.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PanelFrameComponent, SortHeaderComponent, ...FORMAT_PIPES],
})
export class OfferPerformancePanelComponent {
  private readonly drillDown = inject(DrillDownService);
  private readonly filters = inject(DashboardFiltersService);

  protected readonly views = OFFER_VIEWS;
  protected readonly view = signal<OfferView>('top');
  protected readonly minImpressions = ZERO_CONVERSION_MIN_IMPRESSIONS;
  protected readonly emptyHelp = NO_IMPRESSIONS_HELP;

  private readonly grouping = computed<OfferGrouping>(() => {
    const view = this.view();

    return view === 'top' ? 'channel' : view;
  });

  private readonly top = injectBusinessData('offer_performance', {
    enabled: computed(() => this.view() === 'top'),
  });

  private readonly grouped = injectBusinessData('offer_performance_grouped', {
    groupBy: this.grouping,
    enabled: computed(() => this.view() !== 'top'),
  });

  protected readonly data = computed(() => (this.view() === 'top' ? this.top : this.grouped));

  protected readonly sort = new TableSort<OfferColumn>({ key: 'impressions', direction: 'desc' }, [
    'group',
    'offerName',
  ]);

  private readonly tableRows = computed<OfferTableRow[] | undefined>(() => {
    const view = this.view();
    const rows: readonly GroupedOfferRow[] | undefined = this.data().rows();

    return rows?.map((row) => toTableRow(row, view));
  });

  protected readonly rows = this.sort.sorted(this.tableRows);

  protected readonly zeroConversionOffers = computed(() =>
    uniqueByOffer(findZeroConversionOffers(this.tableRows() ?? [])),
  );

  protected readonly offersWithoutRevenue = computed(() =>
    uniqueByOffer((this.tableRows() ?? []).filter((row) => row.noRevenue)),
  );

  protected readonly emptyMessage = computed(
    () => this.data().warning() ?? 'No impressions in this window.',
  );

  protected chooseView(event: Event): void {
    const value = (event.target as HTMLSelectElement).value as OfferView;
    if (OFFER_VIEWS.some((view) => view.id === value)) {
      this.view.set(value);
    }
  }

  protected openRows(row: OfferTableRow, figure: FigureKind = 'interactions'): void {
    const window = this.data().envelope()?.window;
    if (!window) {
      return;
    }
    const scope = row.group === '' ? '' : ` in ${row.group}`;
    const request: DrillDownRequest = {
      title: `${figureLabel(figure)} of ${row.offerName}${scope}`,
      window,
      segmentId: row.segmentId ?? this.filters.segmentId(),
      offerKey: row.offerKey,
      ...(row.channelKey !== undefined ? { channelKey: row.channelKey } : {}),
      ...figureFilter(figure),
    };
    this.drillDown.open(request);
  }
}

function toTableRow(row: GroupedOfferRow, view: OfferView): OfferTableRow {
  const group = view === 'top' ? '' : groupName(row, view);

  return {
    ...row,
    rowId: `${row.offerKey}|${group}|${row.segmentId ?? ''}`,
    group,
    // Categories are a property of the offer, so only channel and segment narrow the rows.
    channelKey: view === 'channel' ? row.channelKey : undefined,
    segmentId: view === 'segment' ? row.segmentId : undefined,
    noConversions: row.impressions >= ZERO_CONVERSION_MIN_IMPRESSIONS && row.conversions === 0,
    noRevenue: hasConversionsWithoutRevenue(row),
  };
}

function uniqueByOffer<Row extends OfferPerformanceRow>(rows: readonly Row[]): Row[] {
  const seen = new Set<string>();

  return rows.filter((row) => {
    if (seen.has(row.offerKey)) {
      return false;
    }
    seen.add(row.offerKey);

    return true;
  });
}
