import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';

import {
  type ConditionDraft,
  OPERATOR_LABELS,
  type SchemaFieldOption,
  type SegmentOperator,
  changeDraftField,
  changeDraftOperator,
  operatorsFor,
  valueInputKind,
} from './segment-conditions';

let nextBuilderId = 0;

/** One condition row as the template shows it. */
interface ConditionRowView {
  readonly draft: ConditionDraft;
  readonly field: SchemaFieldOption | undefined;
  readonly operators: readonly SegmentOperator[];
  /** The draft's operator is one the field's type allows. */
  readonly operatorAllowed: boolean;
  readonly input: ReturnType<typeof valueInputKind>;
  readonly problems: readonly string[];
}

/**
 * The conditions of a segment, combined with AND: for each, a field of the base schema, an
 * operator valid for the field's type, and a value input typed by the field (several values for
 * in and not_in, none for is_null and is_not_null). Problems found by the form or by the API
 * show under the condition they name.
 */
@Component({
  selector: 'app-condition-builder',
  templateUrl: './condition-builder.component.html',
  styleUrl: './condition-builder.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConditionBuilderComponent {
  /** Fields of the chosen customer schema. */
  readonly fields = input.required<readonly SchemaFieldOption[]>();
  readonly conditions = model.required<readonly ConditionDraft[]>();
  /** Problems by condition index. */
  readonly problems = input<ReadonlyMap<number, readonly string[]>>(new Map());

  protected readonly idPrefix = `condition-${nextBuilderId++}`;
  protected readonly operatorLabels = OPERATOR_LABELS;

  protected readonly rows = computed<ConditionRowView[]>(() =>
    this.conditions().map((draft, index) => {
      const field = this.fields().find((candidate) => candidate.name === draft.field);
      const operators = field ? operatorsFor(field.type) : [];

      return {
        draft,
        field,
        operators,
        operatorAllowed: draft.operator !== '' && operators.includes(draft.operator),
        input: field ? valueInputKind(field.type, draft.operator) : null,
        problems: this.problems().get(index) ?? [],
      };
    }),
  );

  protected add(): void {
    const first = this.fields()[0];
    const draft: ConditionDraft = first
      ? changeDraftField({ field: '', operator: '', valueText: '' }, first.name, this.fields())
      : { field: '', operator: '', valueText: '' };
    this.conditions.update((list) => [...list, draft]);
  }

  protected remove(index: number): void {
    this.conditions.update((list) => list.filter((_, position) => position !== index));
  }

  protected chooseField(index: number, event: Event): void {
    const name = (event.target as HTMLSelectElement).value;
    this.updateAt(index, (draft) => changeDraftField(draft, name, this.fields()));
  }

  protected chooseOperator(index: number, event: Event): void {
    const operator = (event.target as HTMLSelectElement).value as SegmentOperator;
    this.updateAt(index, (draft) => changeDraftOperator(draft, operator));
  }

  protected setValue(index: number, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement)
      .value;
    this.updateAt(index, (draft) => ({ ...draft, valueText: value }));
  }

  private updateAt(index: number, change: (draft: ConditionDraft) => ConditionDraft): void {
    this.conditions.update((list) =>
      list.map((draft, position) => (position === index ? change(draft) : draft)),
    );
  }
}
