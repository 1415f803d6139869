import type { PartnerKind } from '../src/partners/partner.entity.js';
import type { ApiClientKind } from '../src/oauth/api-client.entity.js';
import { CLIENT_SCOPES } from '../src/access/client.scopes.js';
import { Region } from '../src/tours/region.js';

export interface DemoPartner {
  id: string;
  name: string;
  kind: PartnerKind;
  city: string;
  regions: readonly Region[];
  country?: string;
}

// Fixed ids so that tests and the README can name a partner without looking it up.
export const DEMO_PARTNERS: readonly DemoPartner[] = [
  {
    id: 'b0000000-0000-4000-8000-000000000001',
    name: 'Жібек Жолы Тур',
    kind: 'TOUR_OPERATOR',
    city: 'Алматы',
    regions: [Region.ALMATY, Region.ALMATY_CITY, Region.ZHETYSU, Region.ZHAMBYL],
  },
  { id: 'b0000000-0000-4000-8000-000000000002', name: 'Алатау Трэвел', kind: 'TOUR_OPERATOR', city: 'Алматы', regions: [Region.ALMATY, Region.ALMATY_CITY, Region.ZHETYSU] },
  {
    id: 'b0000000-0000-4000-8000-000000000003',
    name: 'Көкжиек Саяхат',
    kind: 'TOUR_OPERATOR',
    city: 'Астана',
    regions: [Region.ASTANA, Region.AKMOLA, Region.KARAGANDA, Region.ULYTAU, Region.PAVLODAR, Region.NORTH_KAZAKHSTAN, Region.KOSTANAY],
  },
  { id: 'b0000000-0000-4000-8000-000000000004', name: 'Бурабай Тревел', kind: 'TOUR_OPERATOR', city: 'Кокшетау', regions: [Region.AKMOLA, Region.NORTH_KAZAKHSTAN] },
  {
    id: 'b0000000-0000-4000-8000-000000000005',
    name: 'Оңтүстік Саяхат',
    kind: 'TOUR_OPERATOR',
    city: 'Шымкент',
    regions: [Region.SHYMKENT, Region.TURKISTAN, Region.KYZYLORDA, Region.ZHAMBYL],
  },
  {
    id: 'b0000000-0000-4000-8000-000000000006',
    name: 'Маңғыстау Экспедиция',
    kind: 'TOUR_OPERATOR',
    city: 'Актау',
    regions: [Region.MANGYSTAU, Region.ATYRAU, Region.AKTOBE, Region.WEST_KAZAKHSTAN],
  },
  { id: 'b0000000-0000-4000-8000-000000000007', name: 'Алтай Жолдары', kind: 'TOUR_OPERATOR', city: 'Усть-Каменогорск', regions: [Region.EAST_KAZAKHSTAN, Region.ABAI] },
  { id: 'b0000000-0000-4000-8000-000000000008', name: 'Ұлы Дала Турс', kind: 'TOUR_OPERATOR', city: 'Караганда', regions: Object.values(Region) },
  { id: 'b0000000-0000-4000-8000-000000000009', name: 'Dala Pay', kind: 'PAYMENT_PROVIDER', city: 'Алматы', regions: [] },
  { id: 'b0000000-0000-4000-8000-00000000000a', name: 'Tenge Checkout', kind: 'PAYMENT_PROVIDER', city: 'Астана', regions: [] },
  { id: 'b0000000-0000-4000-8000-00000000000b', name: 'Хабар SMS-шлюз', kind: 'PROCESSOR', city: 'Астана', regions: [] },
  // Abroad: it gets its travellers' data in full only while they consent to cross-border transfer.
  { id: 'b0000000-0000-4000-8000-00000000000c', name: 'Silk Road Voyages', kind: 'TOUR_OPERATOR', city: 'Ташкент', country: 'UZ', regions: [Region.TURKISTAN, Region.SHYMKENT] },
];

export interface DemoClient {
  id: string;
  clientId: string;
  /** Demo-only: published here so tests and the README can obtain tokens. */
  clientSecret: string;
  name: string;
  partnerId: string;
  kind: ApiClientKind;
  scopes: readonly string[];
  purpose: 'TOUR_BOOKING' | 'PAYMENT';
}

/** One OAuth client per tour operator and payment provider; the processor has no API access. */
export const DEMO_CLIENTS: readonly DemoClient[] = DEMO_PARTNERS.filter((p) => p.kind !== 'PROCESSOR').map((p, i) => {
  const n = String(i + 1).padStart(2, '0');
  const operator = p.kind === 'TOUR_OPERATOR';
  return {
    id: `c0000000-0000-4000-8000-0000000000${n}`,
    clientId: `demo-${operator ? 'operator' : 'provider'}-${n}`,
    clientSecret: `demo-secret-${n}-not-for-production`,
    name: `${p.name} API`,
    partnerId: p.id,
    kind: operator ? 'PARTNER' : 'PAYMENT_PROVIDER',
    scopes: operator ? CLIENT_SCOPES.PARTNER : CLIENT_SCOPES.PAYMENT_PROVIDER,
    purpose: operator ? 'TOUR_BOOKING' : 'PAYMENT',
  };
});
