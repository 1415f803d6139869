import { describe, expect, it } from '@jest/globals';
import { redactPersonalData } from '../../src/reviews/pii-redaction.js';

describe('redactPersonalData', () => {
  it('masks IINs that pass the checksum, Kazakh mobile numbers in any common spelling, and e-mail addresses', () => {
    const r = redactPersonalData('ИИН гида 900101300811, звоните 8 (701) 234-56-78 или +77051112233, пишите guide.aset@mail.kz!');
    expect(r.text).toBe('ИИН гида [IIN скрыт], звоните [телефон скрыт] или [телефон скрыт], пишите [e-mail скрыт]!');
    expect(r.counts).toEqual({ IIN: 1, PHONE: 2, EMAIL: 1 });
  });

  it('leaves numbers that are not IINs or phones alone', () => {
    const text = 'Номер брони 900101300812, цена 120000 тенге, 12 человек, рейс 1234567890123';
    expect(redactPersonalData(text)).toEqual({ text, counts: { IIN: 0, PHONE: 0, EMAIL: 0 } });
  });

  it('counts an item once when detectors overlap, and handles Cyrillic mailbox names', () => {
    const r = redactPersonalData('почта 77012345678@mail.kz и айгерим@почта.каз');
    expect(r.text).toBe('почта [e-mail скрыт] и [e-mail скрыт]');
    expect(r.counts).toEqual({ IIN: 0, PHONE: 0, EMAIL: 2 });
  });
});
