import { Region } from '../src/tours/region.js';

/** A destination with the tour titles sold for it; days and price per day bound the generated offers. */
export interface Place {
  region: Region;
  titles: readonly string[];
  days: readonly [number, number];
  pricePerDay: readonly [number, number];
  weight: number;
}

export const PLACES: readonly Place[] = [
  {
    region: Region.ALMATY,
    weight: 6,
    days: [1, 2],
    pricePerDay: [15_000, 35_000],
    titles: ['Чарынский каньон и Долина замков', 'Charyn Canyon day trip', 'Шарын шатқалы: Қамалдар аңғары'],
  },
  {
    region: Region.ALMATY,
    weight: 6,
    days: [2, 3],
    pricePerDay: [25_000, 45_000],
    titles: ['Кольсайские озёра и озеро Каинды', 'Kolsai Lakes and Kaindy', 'Көлсай көлдері мен Қайыңды'],
  },
  { region: Region.ALMATY, weight: 5, days: [1, 1], pricePerDay: [15_000, 25_000], titles: ['Большое Алматинское озеро', 'Big Almaty Lake hike', 'Үлкен Алматы көлі'] },
  { region: Region.ALMATY, weight: 2, days: [1, 2], pricePerDay: [18_000, 30_000], titles: ['Тургеньские водопады и плато Ассы', 'Петроглифы Тамгалы'] },
  { region: Region.ALMATY_CITY, weight: 3, days: [1, 1], pricePerDay: [15_000, 22_000], titles: ['Медеу, Шымбулак и Кок-Тобе', 'Алматы: обзорная экскурсия'] },
  { region: Region.ZHETYSU, weight: 3, days: [2, 3], pricePerDay: [30_000, 50_000], titles: ['Алтын-Эмель: Поющий бархан и Актау', 'Altyn-Emel National Park'] },
  { region: Region.ZHETYSU, weight: 2, days: [4, 7], pricePerDay: [20_000, 35_000], titles: ['Отдых на Алаколе', 'Алакөл жағалауы'] },
  { region: Region.ASTANA, weight: 3, days: [1, 1], pricePerDay: [15_000, 25_000], titles: ['Байтерек, Хан Шатыр и Мечеть Хазрет Султан', 'Астана: столица за один день'] },
  { region: Region.AKMOLA, weight: 4, days: [2, 3], pricePerDay: [25_000, 45_000], titles: ['Бурабай: Окжетпес и Жумбактас', 'Burabay lakes weekend', 'Бурабай көлдері'] },
  {
    region: Region.TURKISTAN,
    weight: 4,
    days: [1, 2],
    pricePerDay: [20_000, 40_000],
    titles: ['Туркестан: мавзолей Ходжи Ахмеда Ясави', 'Қожа Ахмет Ясауи кесенесі', 'Отрар и мавзолей Арыстан-Баб'],
  },
  { region: Region.TURKISTAN, weight: 2, days: [2, 4], pricePerDay: [22_000, 38_000], titles: ['Сайрам-Угамский национальный парк', 'Sairam-Ugam trekking'] },
  { region: Region.SHYMKENT, weight: 2, days: [1, 1], pricePerDay: [15_000, 20_000], titles: ['Шымкент и древний Сайрам', 'Шымкент: дендропарк и Старый город'] },
  {
    region: Region.MANGYSTAU,
    weight: 3,
    days: [3, 5],
    pricePerDay: [45_000, 75_000],
    titles: ['Мангышлак: урочище Бозжыра', 'Bozzhyra and Tuzbair jeep tour', 'Маңғыстау: Бозжыра шатқалы'],
  },
  { region: Region.MANGYSTAU, weight: 2, days: [2, 3], pricePerDay: [30_000, 50_000], titles: ['Подземная мечеть Бекет-Ата', 'Долина шаров Торыш и Шеркала'] },
  { region: Region.KYZYLORDA, weight: 2, days: [2, 3], pricePerDay: [60_000, 120_000], titles: ['Байконур: космодром и музей', 'Baikonur launch site tour'] },
  { region: Region.KYZYLORDA, weight: 1, days: [3, 4], pricePerDay: [35_000, 55_000], titles: ['Аральское море и кладбище кораблей'] },
  {
    region: Region.EAST_KAZAKHSTAN,
    weight: 2,
    days: [5, 8],
    pricePerDay: [30_000, 55_000],
    titles: ['Катон-Карагай и Рахмановские ключи', 'К подножию Белухи', 'Маркаколь: заповедное озеро'],
  },
  { region: Region.ABAI, weight: 1, days: [2, 3], pricePerDay: [20_000, 35_000], titles: ['Семей и Жидебай: по местам Абая', 'Пещера Коныр-Аулие'] },
  { region: Region.ZHAMBYL, weight: 1, days: [1, 2], pricePerDay: [15_000, 28_000], titles: ['Тараз: мавзолей Айша-Биби', 'Городище Акыртас'] },
  { region: Region.KARAGANDA, weight: 1, days: [2, 3], pricePerDay: [20_000, 35_000], titles: ['Каркаралинские горы', 'Балхаш: берег озера'] },
  { region: Region.ULYTAU, weight: 1, days: [3, 4], pricePerDay: [30_000, 45_000], titles: ['Улытау: мавзолей Жошы-хана', 'Ұлытау тауы'] },
  { region: Region.PAVLODAR, weight: 1, days: [2, 4], pricePerDay: [20_000, 35_000], titles: ['Баянаул: озеро Жасыбай'] },
  { region: Region.NORTH_KAZAKHSTAN, weight: 1, days: [1, 2], pricePerDay: [15_000, 25_000], titles: ['Ботай: поселение древних коневодов'] },
  { region: Region.KOSTANAY, weight: 1, days: [2, 3], pricePerDay: [20_000, 30_000], titles: ['Наурзумский заповедник'] },
  { region: Region.AKTOBE, weight: 1, days: [1, 2], pricePerDay: [18_000, 28_000], titles: ['Меловые горы Актолагай'] },
  { region: Region.ATYRAU, weight: 1, days: [1, 1], pricePerDay: [15_000, 22_000], titles: ['Сарайшык: столица Золотой Орды'] },
  { region: Region.WEST_KAZAKHSTAN, weight: 1, days: [1, 2], pricePerDay: [15_000, 25_000], titles: ['Бокейорда и Уральск'] },
];
