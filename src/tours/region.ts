import { registerEnumType } from 'type-graphql';

// Kazakhstan's regions and cities of republican significance, as stored in tours.region.
export enum Region {
  ALMATY_CITY = 'ALMATY_CITY',
  ASTANA = 'ASTANA',
  SHYMKENT = 'SHYMKENT',
  ALMATY = 'ALMATY',
  AKMOLA = 'AKMOLA',
  AKTOBE = 'AKTOBE',
  ATYRAU = 'ATYRAU',
  EAST_KAZAKHSTAN = 'EAST_KAZAKHSTAN',
  ZHAMBYL = 'ZHAMBYL',
  WEST_KAZAKHSTAN = 'WEST_KAZAKHSTAN',
  KARAGANDA = 'KARAGANDA',
  KOSTANAY = 'KOSTANAY',
  KYZYLORDA = 'KYZYLORDA',
  MANGYSTAU = 'MANGYSTAU',
  PAVLODAR = 'PAVLODAR',
  NORTH_KAZAKHSTAN = 'NORTH_KAZAKHSTAN',
  TURKISTAN = 'TURKISTAN',
  ABAI = 'ABAI',
  ZHETYSU = 'ZHETYSU',
  ULYTAU = 'ULYTAU',
}

registerEnumType(Region, { name: 'Region', description: 'A region or city of republican significance of Kazakhstan' });
