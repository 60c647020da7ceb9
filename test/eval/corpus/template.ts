// Templates: "[a|b|]" chooses one option (may be empty, may nest), "{name}" is a thread entity.
// Parsed once and cached, so expanding 100k comments stays cheap.
import type { Random } from './prng.js';

type Part = string | { readonly slot: string } | { readonly options: readonly Part[][] };
export type Entities = Readonly<Record<string, string>>;

const parsed = new Map<string, Part[]>();

function parseTemplate(src: string): Part[] {
  let i = 0;
  const sequence = (): Part[] => {
    const out: Part[] = [];
    let text = '';
    const flush = (): void => {
      if (text) out.push(text);
      text = '';
    };
    while (i < src.length) {
      const c = src[i];
      if (c === ']' || c === '|') break;
      if (c === '[') {
        flush();
        i++;
        const options: Part[][] = [];
        for (;;) {
          options.push(sequence());
          const d = src[i++];
          if (d === ']') break;
          if (d !== '|') throw new Error(`unclosed "[" in template: ${src}`);
        }
        out.push({ options });
      } else if (c === '{') {
        flush();
        const end = src.indexOf('}', i);
        out.push({ slot: src.slice(i + 1, end) });
        i = end + 1;
      } else {
        text += c;
        i++;
      }
    }
    flush();
    return out;
  };
  const parts = sequence();
  if (i !== src.length) throw new Error(`stray "${src[i]}" in template: ${src}`);
  return parts;
}

function renderParts(parts: readonly Part[], entities: Entities, rng: Random): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') out += part;
    else if ('slot' in part) {
      const value = entities[part.slot];
      if (value === undefined) throw new Error(`unknown template slot {${part.slot}}`);
      out += value;
    } else out += renderParts(rng.pick(part.options), entities, rng);
  }
  return out;
}

export function expandRaw(template: string, entities: Entities, rng: Random): string {
  let parts = parsed.get(template);
  if (!parts) {
    parts = parseTemplate(template);
    parsed.set(template, parts);
  }
  return renderParts(parts, entities, rng);
}

export function expand(template: string, entities: Entities, rng: Random): string {
  return tidy(expandRaw(template, entities, rng));
}

// Empty options leave double spaces and " ," behind.
function tidy(s: string): string {
  const t = s.includes('  ') || s.includes(' ,') || s.includes(' .') ? s.replace(/ {2,}/g, ' ').replace(/ ([,.;:!?])/g, '$1').trim() : s.trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}
