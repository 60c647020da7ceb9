// A thread: one article on a topic, with its entities (city, officials, figures) fixed once.
import { COMMON_ENTITIES, PROPER_NOUNS } from './banks/common-entities.js';
import type { Random } from './prng.js';
import { expand, expandRaw } from './template.js';
import type { Topic } from './topic.js';
import type { Thread } from './world.js';

export function makeThread(rng: Random, index: number, topic: Topic, publishedAt: number): Thread {
  const entities: Record<string, string> = {};
  for (const [name, template] of [...COMMON_ENTITIES, ...topic.entities]) {
    let value = expandRaw(template, entities, rng);
    // "street2" must differ from "street".
    const base = name.endsWith('2') ? entities[name.slice(0, -1)] : undefined;
    for (let n = 0; base !== undefined && value === base && n < 8; n++) value = expandRaw(template, entities, rng);
    entities[name] = value;
  }
  entities.citySlug = entities.city.toLowerCase().replace(/[^a-z]/g, '');
  if (entities.stateName) entities.stateSlug = entities.stateName.toLowerCase().replace(/[^a-z]/g, '');
  const properNouns = new Set(PROPER_NOUNS);
  for (const value of Object.values(entities)) if (/^[A-Z]/.test(value)) properNouns.add(value.split(' ')[0]);
  const article = topic.article.map((s) => expand(s, entities, rng));
  return {
    id: `${topic.key}-${String(index + 1).padStart(4, '0')}`,
    topic,
    entities,
    properNouns,
    article,
    keySentence: rng.pick(article),
    publishedAt,
    drafts: [],
    stances: new Map(),
  };
}
