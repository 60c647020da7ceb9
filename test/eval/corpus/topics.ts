// All topic banks, in the order threads draw them.
import { BIKE_LANES } from './banks/bike-lanes.js';
import { MINIMUM_WAGE } from './banks/minimum-wage.js';
import { OFFSHORE_WIND } from './banks/offshore-wind.js';
import { REZONING } from './banks/rezoning.js';
import { SCHOOL_PHONES } from './banks/school-phones.js';
import type { Topic } from './topic.js';

export const TOPICS: readonly Topic[] = [BIKE_LANES, SCHOOL_PHONES, OFFSHORE_WIND, REZONING, MINIMUM_WAGE];

/** Topic keys accepted by CampaignSpec.topic; thread ids start with them. */
export const TOPIC_KEYS: readonly string[] = TOPICS.map((t) => t.key);
