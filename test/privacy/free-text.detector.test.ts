import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { findPersonalData, type FreeTextKind } from '../../src/privacy/free-text.detector.js';
import { maskFreeText } from '../../src/privacy/free-text.masks.js';
import { normaliseFreeText } from '../../src/privacy/free-text.normalize.js';

interface Item {
  kind: FreeTextKind;
  value: string;
}
interface Corpus {
  positives: { text: string; expect: Item[] }[];
  negatives: string[];
}

const corpus = JSON.parse(readFileSync(new URL('./free-text.corpus.json', import.meta.url), 'utf8')) as Corpus;

// Each expected item is found when one finding of its kind covers exactly its characters; any other finding is a false positive.
function score(): { tp: number; fp: number; fn: number; misses: string[] } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  const samples = [...corpus.positives, ...corpus.negatives.map((text) => ({ text, expect: [] as Item[] }))];
  for (const s of samples) {
    const found = findPersonalData(s.text);
    const used = new Set<number>();
    let from = 0;
    for (const item of s.expect) {
      const start = s.text.indexOf(item.value, from);
      from = start + item.value.length;
      const hit = found.findIndex((f) => f.kind === item.kind && f.start === start && f.end === start + item.value.length);
      if (hit >= 0) {
        tp++;
        used.add(hit);
      } else {
        fn++;
        misses.push(`missed ${item.kind} in ${JSON.stringify(s.text)}`);
      }
    }
    found.forEach((f, i) => {
      if (!used.has(i)) {
        fp++;
        misses.push(`false ${f.kind} ${JSON.stringify(s.text.slice(f.start, f.end))} in ${JSON.stringify(s.text)}`);
      }
    });
  }
  return { tp, fp, fn, misses };
}

describe('free-text personal data detector: corpus', () => {
  it('has at least 200 positive and 200 negative samples', () => {
    expect(corpus.positives.length).toBeGreaterThanOrEqual(200);
    expect(corpus.negatives.length).toBeGreaterThanOrEqual(200);
  });

  it('finds personal data with precision and recall of at least 99%', () => {
    const { tp, fp, fn, misses } = score();
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(
      `free-text detector: precision ${(100 * precision).toFixed(2)}%, recall ${(100 * recall).toFixed(2)}% (tp ${tp}, fp ${fp}, fn ${fn})${misses.length ? `\n${misses.join('\n')}` : ''}`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.99);
    expect(recall).toBeGreaterThanOrEqual(0.99);
  });
});

describe('free-text personal data detector: forms from the issue', () => {
  it.each([
    ['ИИН 890710 399358', 'ИИН [ИИН скрыт]'],
    ['8907-1039-9358', '[ИИН скрыт]'],
    ['890 710 399 358', '[ИИН скрыт]'],
    ['890710.399358', '[ИИН скрыт]'],
    ['890710\u00a0399358', '[ИИН скрыт]'],
    ['８９０７１０３９９３５８', '[ИИН скрыт]'],
    ['٨٩٠٧١٠٣٩٩٣٥٨', '[ИИН скрыт]'],
    ['𝟖𝟗𝟎𝟕𝟏𝟎𝟑𝟗𝟗𝟑𝟓𝟖', '[ИИН скрыт]'],
    ['89071\u200b0399358!', '[ИИН скрыт]!'],
    ['тел 8.701.123.45.67', 'тел [телефон скрыт]'],
    ['8/701/123/45/67', '[телефон скрыт]'],
    ['+7-701-123-45-67', '[телефон скрыт]'],
    ['＋７ ７０１ １２３ ４５ ６７', '[телефон скрыт]'],
    ['name(at)mail.kz', '[e-mail скрыт]'],
    ['name @ mail.kz', '[e-mail скрыт]'],
    ['name＠mail.kz', '[e-mail скрыт]'],
    ['name%40mail.kz', '[e-mail скрыт]'],
    ['паспорт N12345678, ИИН 881212 503212', 'паспорт [документ скрыт], ИИН [ИИН скрыт]'],
    ['уд. 045678912', 'уд. [документ скрыт]'],
    ['Номер брони 900101300812', 'Номер брони [ИИН скрыт]'],
  ])('%s', (input, masked) => {
    expect(maskFreeText(input, 'ru').text).toBe(masked);
  });

  it('counts each masked item once, by kind', () => {
    const r = maskFreeText('ИИН 900101300811, звоните 8 (701) 234-56-78 или +77051112233, почта 77012345678@mail.kz, паспорт N12345678', 'ru');
    expect(r.counts).toEqual({ IIN: 1, PHONE: 2, EMAIL: 1, PASSPORT: 1 });
  });

  it('keeps prices, dates, times, counts, years and tour codes', () => {
    const text = 'Цена 210 000 тг, даты 12.07.2026 - 19.07.2026 в 10:30, тур KZ-2026-0712, 12 человек, сезон 2024 2025 2026, 1 500 000 тенге';
    expect(maskFreeText(text, 'ru')).toEqual({ text, counts: { IIN: 0, PHONE: 0, EMAIL: 0, PASSPORT: 0 }, revealed: new Set() });
  });
});

describe('free-text normalisation', () => {
  it('maps every normalised character back to the original range it came from', () => {
    const n = normaliseFreeText('a\u200b８𝟗٣x');
    expect(n.text).toBe('a893x');
    expect(n.start).toEqual([0, 2, 3, 5, 6]);
    expect(n.end).toEqual([1, 3, 5, 6, 7]);
  });
});

describe('free-text masking (property)', () => {
  const filler = fc.string({ unit: fc.constantFrom(...'абв где, .!ок'), maxLength: 20 });
  const iin = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 12, maxLength: 12 });
  const sep = fc.constantFrom('', ' ', '-', '.', '\u00a0', '\u200b');

  // No currency after the number (a number followed by тг is an amount).
  it('removes every digit of an IIN however it is split, and keeps the text around it', () => {
    fc.assert(
      fc.property(filler, iin, sep, filler, (a, d, s, b) => {
        const written = `${d.slice(0, 6)}${s}${d.slice(6)}`;
        const out = maskFreeText(`${a} ${written} ${b}`, 'ru').text;
        expect(out).toBe(`${a} [ИИН скрыт] ${b}`);
      }),
    );
  });
});
