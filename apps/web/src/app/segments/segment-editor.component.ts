import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  resource,
  signal,
  untracked,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import { describeHttpError } from '../core/api-error';
import { ConditionBuilderComponent } from './condition-builder.component';
import {
  type ConditionDraft,
  buildConditionsPayload,
  conditionToDraft,
} from './segment-conditions';
import {
  type FieldProblems,
  SEGMENT_KEY_RULE,
  checkSegmentFields,
  sortSaveError,
  suggestSegmentKey,
} from './segment-form';
import { type Segment, type SegmentStatus, SegmentsApi } from './segments-api.service';

/**
 * Create or edit a segment: name, key, description, the customer schema it selects from, its
 * conditions, and whether it is a draft or active. Opened at /segments/new and
 * /segments/:id/edit.
 */
@Component({
  selector: 'app-segment-editor',
  templateUrl: './segment-editor.component.html',
  styleUrls: ['./segments.css', './segment-editor.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ConditionBuilderComponent],
})
export class SegmentEditorComponent {
  private readonly api = inject(SegmentsApi);
  private readonly router = inject(Router);

  /** Segment to edit, from the route's `:id`; absent when creating. */
  readonly id = input<string>();

  protected readonly keyRule = SEGMENT_KEY_RULE;
  protected readonly editing = computed(() => this.id() !== undefined);

  private readonly schemaList = resource({ loader: () => this.api.listCustomerSchemas() });

  private readonly segment = resource({
    params: () => this.id(),
    loader: ({ params }) => this.api.get(params),
  });

  protected readonly schemas = computed(() =>
    this.schemaList.hasValue() ? this.schemaList.value() : [],
  );
  protected readonly loadProblem = computed(() => {
    const error = this.segment.error() ?? this.schemaList.error();

    return error === undefined ? null : describeHttpError(error);
  });
  protected readonly loading = computed(
    () => this.schemaList.isLoading() || (this.editing() && !this.segment.hasValue()),
  );

  protected readonly name = signal('');
  protected readonly key = signal('');
  protected readonly description = signal('');
  protected readonly baseSchemaId = signal('');
  protected readonly status = signal<SegmentStatus>('draft');
  protected readonly conditions = signal<readonly ConditionDraft[]>([]);

  /** True once the user typed a key, so the name no longer suggests one. */
  private keyTouched = false;

  protected readonly fieldProblems = signal<FieldProblems>(new Map());
  protected readonly conditionProblems = signal<ReadonlyMap<number, readonly string[]>>(new Map());
  protected readonly generalProblem = signal<string | null>(null);
  protected readonly saving = signal(false);

  protected readonly schema = computed(() =>
    this.schemas().find((candidate) => candidate.id === this.baseSchemaId()),
  );
  protected readonly fields = computed(() => this.schema()?.fields ?? []);

  constructor() {
    // Fill the form once the segment being edited and the schemas have loaded.
    effect(() => {
      if (this.segment.hasValue() && this.schemaList.hasValue()) {
        const segment = this.segment.value();
        untracked(() => this.fill(segment));
      }
    });
  }

  protected problemsOf(field: string): readonly string[] {
    return this.fieldProblems().get(field) ?? [];
  }

  protected setName(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.name.set(value);
    if (!this.editing() && !this.keyTouched) {
      this.key.set(suggestSegmentKey(value));
    }
  }

  protected setKey(event: Event): void {
    this.keyTouched = true;
    this.key.set((event.target as HTMLInputElement).value.trim());
  }

  protected setDescription(event: Event): void {
    this.description.set((event.target as HTMLTextAreaElement).value);
  }

  protected setSchema(event: Event): void {
    this.baseSchemaId.set((event.target as HTMLSelectElement).value);
  }

  protected setStatus(status: SegmentStatus): void {
    this.status.set(status);
  }

  protected setConditions(conditions: readonly ConditionDraft[]): void {
    this.conditions.set(conditions);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving()) {
      return;
    }
    const fieldProblems = checkSegmentFields({
      name: this.name(),
      key: this.key(),
      baseSchemaId: this.baseSchemaId(),
    });
    const conditions = buildConditionsPayload(this.conditions(), this.fields());
    this.fieldProblems.set(fieldProblems);
    this.conditionProblems.set(
      conditions.ok
        ? new Map()
        : new Map([...conditions.problems].map(([index, text]) => [index, [text]])),
    );
    this.generalProblem.set(null);
    if (fieldProblems.size > 0 || !conditions.ok) {
      this.generalProblem.set('Correct the marked fields and save again.');

      return;
    }
    await this.submit(conditions.conditions);
  }

  private async submit(
    conditions: Parameters<SegmentsApi['create']>[0]['conditions'],
  ): Promise<void> {
    const input = {
      name: this.name().trim(),
      key: this.key(),
      description: this.description().trim() === '' ? null : this.description(),
      baseSchemaId: this.baseSchemaId(),
      status: this.status(),
      conditions,
    };
    this.saving.set(true);
    try {
      const id = this.id();
      await (id === undefined ? this.api.create(input) : this.api.update(id, input));
      await this.router.navigateByUrl('/segments');
    } catch (error) {
      const problems = sortSaveError(error);
      this.fieldProblems.set(problems.byField);
      this.conditionProblems.set(problems.byCondition);
      this.generalProblem.set(
        problems.general ??
          (problems.byField.size > 0 || problems.byCondition.size > 0
            ? 'The API rejected the segment. See the marked fields.'
            : null),
      );
    } finally {
      this.saving.set(false);
    }
  }

  private fill(segment: Segment): void {
    const schema = this.schemas().find((candidate) => candidate.id === segment.baseSchemaId);
    this.name.set(segment.name);
    this.key.set(segment.key);
    this.description.set(segment.description ?? '');
    this.baseSchemaId.set(segment.baseSchemaId);
    this.status.set(segment.status);
    this.conditions.set(
      segment.conditions.map((condition) => conditionToDraft(condition, schema?.fields ?? [])),
    );
  }
}
