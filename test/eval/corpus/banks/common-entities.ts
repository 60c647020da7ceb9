// Thread entities every topic has (city, officials, streets), and proper nouns of the banks.
import { SURNAME } from './names.js';

export const COMMON_ENTITIES: readonly (readonly [string, string])[] = [
  ['city', '[Riverton|Maple Falls|Eastport|Cedar Hill|Lakewood|Fairview|Brookhaven|Millbrook|Port Ellis|Harlow|Westbury|Oak Ridge|Kingsford|Ashland|Greenfield|Bayview|Stonebridge|Pinecrest|Clearwater|Northgate]'],
  ['mayor', `Mayor ${SURNAME}`],
  ['official', `[Councilmember|Council member] ${SURNAME}`],
  ['neighborhood', '[Northside|Old Town|the Flats|Riverside|Eastgate|Hillcrest|the West End|Southport|Midtown|Linden Park|Elmwood|Fox Hollow]'],
  ['street', '[Main Street|Elm Street|Fifth Avenue|Harbor Road|Grand Avenue|Lincoln Boulevard|Maple Avenue|Division Street|Water Street|Park Avenue|Broad Street|Market Street]'],
  ['street2', '[Main Street|Elm Street|Fifth Avenue|Harbor Road|Grand Avenue|Lincoln Boulevard|Maple Avenue|Division Street|Water Street|Park Avenue|Broad Street|Market Street]'],
  ['vote', '[6-3|5-4|7-2|8-1|5-2|4-3]'],
];

// Capitalised words that start sentences in the banks and must stay capitalised after a prefix.
export const PROPER_NOUNS = [
  'Seattle', 'California', 'Uvalde', 'Portland', 'Minneapolis', 'Austin', 'Montreal', 'Copenhagen', 'Amsterdam',
  'Denmark', 'Scotland', 'Block', 'NOAA', 'TikTok', 'Cedar', 'Oak', 'Mayor', 'Councilmember', 'Council', 'Gov.',
  'Superintendent', 'Main', 'CEO',
];
