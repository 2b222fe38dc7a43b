import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { BlankPage } from '../auth/auth.testing';
import { SegmentEditorComponent } from './segment-editor.component';
import {
  SEGMENT_ID,
  SCHEMA_ID,
  buildPage,
  buildSchemaDto,
  buildSegmentDto,
} from './segments.testing';

describe('SegmentEditorComponent', () => {
  let harness: RouterTestingHarness;
  let httpTesting: HttpTestingController;
  let page: HTMLElement;

  async function settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await new Promise((resolve) => setTimeout(resolve));
      harness.fixture.detectChanges();
    }
  }

  async function open(url: string): Promise<void> {
    const navigation = harness.navigateByUrl(url);
    await settle();
    httpTesting
      .expectOne('/api/v1/schemas?limit=200&entityType=customer')
      .flush(buildPage([buildSchemaDto()]));
    if (url.endsWith('/edit')) {
      httpTesting.expectOne(`/api/v1/segments/${SEGMENT_ID}`).flush(
        buildSegmentDto({
          conditions: [
            { field: 'country', operator: 'in', value: ['DE', 'AT'] },
            { field: 'age', operator: '>=', value: 30 },
          ],
        }),
      );
    }
    await navigation;
    await settle();
    page = harness.routeNativeElement!;
  }

  async function type(selector: string, value: string): Promise<void> {
    const input = page.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle();
  }

  async function choose(select: HTMLSelectElement, value: string): Promise<void> {
    select.value = value;
    select.dispatchEvent(new Event('change'));
    await settle();
  }

  async function submit(): Promise<void> {
    page.querySelector('form')!.dispatchEvent(new Event('submit'));
    await settle();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'segments/new', component: SegmentEditorComponent },
            { path: 'segments/:id/edit', component: SegmentEditorComponent },
            { path: '**', component: BlankPage },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    httpTesting.verify();
  });

  it('creates a segment with typed conditions', async () => {
    await open('/segments/new');
    await type('#segment-name', 'High value (DE)');
    expect(page.querySelector<HTMLInputElement>('#segment-key')!.value).toBe('high-value-de');
    await choose(page.querySelector<HTMLSelectElement>('#segment-schema')!, SCHEMA_ID);
    const addButton = Array.from(page.querySelectorAll<HTMLButtonElement>('button')).find(
      (button) => button.textContent?.trim() === 'Add condition',
    )!;
    addButton.click();
    await settle();
    addButton.click();
    await settle();
    const selects = () => page.querySelectorAll<HTMLSelectElement>('.condition select');
    await choose(selects()[0], 'country');
    await choose(selects()[1], 'in');
    await type('.condition textarea', 'DE\nAT');
    await choose(selects()[2], 'age');
    await choose(selects()[3], '>=');
    await type('.condition:nth-child(2) input', '30');
    page.querySelector<HTMLInputElement>('input[value="active"]')!.click();
    await settle();

    await submit();

    const request = httpTesting.expectOne('/api/v1/segments');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      name: 'High value (DE)',
      key: 'high-value-de',
      description: null,
      baseSchemaId: SCHEMA_ID,
      status: 'active',
      conditions: [
        { field: 'country', operator: 'in', value: ['DE', 'AT'] },
        { field: 'age', operator: '>=', value: 30 },
      ],
    });
    request.flush(buildSegmentDto(), { status: 201, statusText: 'Created' });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/segments');
  });

  it('stops before the request when a condition value does not fit its field', async () => {
    await open('/segments/new');
    await type('#segment-name', 'Adults');
    await choose(page.querySelector<HTMLSelectElement>('#segment-schema')!, SCHEMA_ID);
    Array.from(page.querySelectorAll<HTMLButtonElement>('button'))
      .find((button) => button.textContent?.trim() === 'Add condition')!
      .click();
    await settle();
    await choose(page.querySelector<HTMLSelectElement>('.condition select')!, 'age');
    await type('.condition input', 'thirty');

    await submit();

    httpTesting.expectNone('/api/v1/segments');
    expect(page.querySelector('.condition-problems')?.textContent).toContain(
      '"thirty" is not a whole number.',
    );
  });

  it('shows the API validation errors next to the condition they name', async () => {
    await open(`/segments/${SEGMENT_ID}/edit`);
    expect(page.querySelector<HTMLInputElement>('#segment-name')!.value).toBe('High value');
    expect(page.querySelector<HTMLTextAreaElement>('.condition textarea')!.value).toBe('DE\nAT');

    await submit();

    const request = httpTesting.expectOne(`/api/v1/segments/${SEGMENT_ID}`);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body.conditions).toEqual([
      { field: 'country', operator: 'in', value: ['DE', 'AT'] },
      { field: 'age', operator: '>=', value: 30 },
    ]);
    request.flush(
      {
        error: {
          code: 'invalid_parameter',
          message: 'conditions[1].value must be at most 120',
          status: 400,
          details: [
            { field: 'conditions[1].value', value: 30, reason: 'must be at most 120' },
            { field: 'key', value: 'high-value', reason: 'must be unique' },
          ],
          requestId: 'r-9',
        },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    const rows = page.querySelectorAll('.condition');
    expect(rows[0]?.querySelector('.condition-problems')).toBeNull();
    expect(rows[1]?.querySelector('.condition-problems')?.textContent).toContain(
      'value must be at most 120',
    );
    expect(page.querySelector('#segment-key')?.getAttribute('aria-invalid')).toBe('true');
    expect(page.textContent).toContain('must be unique');
    expect(TestBed.inject(Router).url).toBe(`/segments/${SEGMENT_ID}/edit`);
  });

  it('puts a taken key next to the key', async () => {
    await open(`/segments/${SEGMENT_ID}/edit`);

    await submit();
    httpTesting
      .expectOne(`/api/v1/segments/${SEGMENT_ID}`)
      .flush(
        { error: { code: 'conflict', message: 'Segment key high-value is taken', status: 409 } },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();

    expect(page.querySelector('#segment-key')?.getAttribute('aria-invalid')).toBe('true');
    expect(page.textContent).toContain('Segment key high-value is taken');
  });
});
