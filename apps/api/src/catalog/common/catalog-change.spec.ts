import { InvalidParameterError, UnprocessableError } from '../../common/errors/domain-errors.js';
import {
  changedFields,
  createdTitle,
  deletedTitle,
  fitDetails,
  presentFields,
  rejectKeyChange,
  requireSomeField,
  updatedTitle,
} from './catalog-change.js';

describe('catalog change titles', () => {
  it('names one created entity by key', () => {
    expect(createdTitle('offer', ['offer_summer_promo'])).toBe('Offer offer_summer_promo created');
  });

  it('counts a batch and lists its keys', () => {
    expect(createdTitle('outcome_type', ['a', 'b'])).toBe('2 outcome types created: a, b');
  });

  it('cuts long titles to 200 characters', () => {
    const keys = Array.from({ length: 50 }, (_, index) => `offer_number_${index}`);
    const title = createdTitle('offer', keys);
    expect(title).toHaveLength(200);
    expect(title.endsWith('…')).toBe(true);
  });

  it('lists the updated fields and names deletions', () => {
    expect(updatedTitle('channel', 'email', ['name', 'type'])).toBe(
      'Channel email updated: name, type',
    );
    expect(deletedTitle('schema', 'customers')).toBe('Schema customers deleted');
  });
});

describe('changedFields', () => {
  it('returns only the fields whose JSON differs', () => {
    const before = { name: 'A', priority: 50, fields: [{ name: 'id' }], description: null };
    const after = { name: 'A', priority: 60, fields: [{ name: 'id' }], description: undefined };
    expect(changedFields(before, after)).toEqual({ priority: { from: 50, to: 60 } });
  });

  it('reports null to value changes', () => {
    expect(changedFields({ categoryKey: null }, { categoryKey: 'cards' })).toEqual({
      categoryKey: { from: null, to: 'cards' },
    });
  });
});

describe('presentFields and requireSomeField', () => {
  it('drops absent fields but keeps null', () => {
    expect(presentFields({ name: undefined, description: null, priority: 3 })).toEqual({
      description: null,
      priority: 3,
    });
  });

  it('rejects a body that sets nothing', () => {
    expect(() => requireSomeField({ name: undefined }, ['name'])).toThrow(InvalidParameterError);
    expect(() => requireSomeField({ name: undefined }, ['name'])).toThrow(/at least one of name/);
    expect(() => requireSomeField({ name: 'x' }, ['name'])).not.toThrow();
  });
});

describe('rejectKeyChange', () => {
  it('allows the same key or none', () => {
    expect(() => rejectKeyChange('offer', 'a', undefined)).not.toThrow();
    expect(() => rejectKeyChange('offer', 'a', 'a')).not.toThrow();
  });

  it('rejects a new key with 422 saying why', () => {
    expect(() => rejectKeyChange('offer', 'a', 'b')).toThrow(UnprocessableError);
    expect(() => rejectKeyChange('offer', 'a', 'b')).toThrow(/telemetry refers to offers by key/);
    expect(() => rejectKeyChange('schema', 'a', 'b')).toThrow(
      /table of schema a is named after it/,
    );
  });
});

describe('fitDetails', () => {
  it('keeps small details as they are', () => {
    const details = { entity: 'offer', fields: { name: 'x' } };
    expect(fitDetails(details)).toBe(details);
  });

  it('drops bulky parts of large details but keeps the changed field names', () => {
    const big = 'x'.repeat(13_000);
    const fitted = fitDetails({
      entity: 'offer',
      key: 'a',
      changes: { description: { from: big, to: '' } },
    });
    expect(fitted).toEqual({
      entity: 'offer',
      key: 'a',
      changedFields: ['description'],
      detailsOmitted: 'too large to annotate',
    });
  });
});
