// Campaign texts for the threadless stream, composed per seed: a claim about a named person,
// organisation or bill, a call to action, and sometimes hashtags and a link to a little-known
// domain. Names, bill numbers, hashtags and domains are drawn per seed, so no two seeds share a template.
import { FIRST_NAMES, LAST_NAMES } from '../corpus/banks/names.js';
import type { Random } from '../corpus/prng.js';

const CLAIMS = [
  '{P} [betrayed|abandoned|sold out] every [family|voter|worker] in {C} and [nobody|no one] is [talking|speaking] about it.',
  'The {B} bill will [raise|hike|double] your [taxes|rent|bills] while {O} [pockets|keeps|takes] the difference.',
  '[Wake up|Open your eyes], {C}! {O} has been [lying|misleading us] about the [water|air|schools] for years.',
  '{P} [voted|sided] with {O} [again|once more]. [Remember|Never forget] that in November.',
  'Why is {O} [hiding|burying|sitting on] the [report|audit|numbers] on {B}? [Ask|Demand] them [today|now].',
  '[Real|Working] [people|families] in {C} [cannot|can\'t] [afford|survive] another year of {P}.',
  'I [used to support|once trusted|used to back] {P}. After {B}, [never again|not anymore].',
  'The [truth|facts] about {B}: [higher|bigger] [costs|fees], [fewer|less] [jobs|services], and {O} [wins|profits].',
  '{O} [paid|funded|bankrolled] {P}\'s [campaign|race|run]. [Follow|Check] the money.',
  '[Stop|Block|Kill] {B} before it [reaches|hits] {C}. Our [kids|children|seniors] [deserve|need] better.',
  'Every [day|week] {P} [stays|remains] in office {C} [loses|pays] [more|again].',
  '[Finally|At last] someone [said|says] it: {O} [runs|owns|controls] {P}.',
];
const CALLS = [
  '[Call|Phone|Ring] your [rep|representative] [today|now].',
  '[Share|Spread|Retweet] this [before|until] they [delete|bury] it.',
  '[Sign|Add your name to] the [petition|pledge] [now|today].',
  '[Vote|Kick] {P} out.',
  '[Tell|Warn] [everyone|your friends|your neighbours].',
  '[Show up|Turn out] on [Tuesday|Thursday|Saturday] at [city hall|the council meeting].',
  '[Don\'t|Do not] let them get away with it.',
];
const TAG_WORDS = ['Stop', 'No', 'Recall', 'Save', 'Protect', 'Fix', 'Truth', 'Fair', 'Free', 'Real', 'Vote', 'Not'];
const TAG_TAILS = ['Now', 'Together', 'Matters', 'First', 'Lies', 'Scam', 'Out', 'Today', 'Jobs', 'Families'];
const CITIES = ['Riverton', 'Millbrook', 'Easton', 'Fairview', 'Oak Harbor', 'Lakeside', 'Glendale', 'Brookfield', 'Cedar Falls', 'Springdale', 'Westport', 'Ashford'];
const ORG_HEADS = ['Northgate', 'Apex', 'Summit', 'Bluewater', 'Ironbridge', 'Crescent', 'Pinnacle', 'Harbor', 'Keystone', 'Redstone', 'Silverline', 'Meridian'];
const ORG_TAILS = ['Energy', 'Holdings', 'Partners', 'Group', 'Utilities', 'Development', 'Capital', 'Logistics'];
const DOMAIN_WORDS = ['truth', 'facts', 'real', 'citizen', 'voter', 'action', 'watch', 'alert', 'report', 'now', 'daily', 'news'];
const TLDS = ['info', 'net', 'org', 'co', 'news', 'us'];

export interface StreamCampaignText {
  /** Template source with "[a|b]" slots. */
  readonly source: string;
  readonly hashtags: readonly string[];
  /** A link to the campaign's own domain, or null. */
  readonly url: string | null;
}

/** One campaign's text, written for this seed. */
export function streamCampaignText(rng: Random, withUrl: boolean, withTags: boolean): StreamCampaignText {
  const person = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  const org = `${rng.pick(ORG_HEADS)} ${rng.pick(ORG_TAILS)}`;
  const bill = `${rng.pick(['HB', 'SB', 'Prop', 'Measure', 'AB'])} ${rng.int(2, 999)}`;
  const city = rng.pick(CITIES);
  const fill = (s: string) => s.replace(/\{P\}/g, person).replace(/\{O\}/g, org).replace(/\{B\}/g, bill).replace(/\{C\}/g, city);
  const claims = rng.shuffle(CLAIMS).slice(0, rng.int(1, 2));
  const source = fill([...claims, rng.pick(CALLS)].join(' '));
  const hashtags = withTags ? Array.from({ length: rng.int(1, 3) }, () => `#${rng.pick(TAG_WORDS)}${rng.pick(TAG_TAILS)}${rng.chance(0.4) ? rng.int(2, 99) : ''}`) : [];
  const url = withUrl ? `https://${rng.pick(DOMAIN_WORDS)}${rng.pick(DOMAIN_WORDS)}${rng.chance(0.5) ? rng.int(1, 99) : ''}.${rng.pick(TLDS)}/${rng.pick(['p', 'a', 'go', 'read'])}/${rng.int(100, 99999)}` : null;
  return { source, hashtags: [...new Set(hashtags)], url };
}
