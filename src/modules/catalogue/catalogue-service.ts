import { indexTerms, nearMatch, queryTerms, type QueryTerm } from '../../domain/search-terms.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import type {
  CatalogueRepository,
  CatalogueServiceRow,
  SearchIndexRow,
  ServiceDescription,
  ServiceFormRow,
} from './catalogue-repository.js';

/** A printable form in every language, as its organisation edits it. */
export interface ServiceFormTexts {
  titleFi: string;
  titleSv: string | null;
  titleEn: string | null;
  url: string;
}

/** A service's catalogue texts in every language (its names are the organisations module's). */
export interface ServiceCatalogueTexts {
  serviceId: string;
  descriptionFi: string | null;
  descriptionSv: string | null;
  descriptionEn: string | null;
  eServiceUrl: string | null;
  forms: ServiceFormTexts[];
}

export interface CatalogueForm {
  title: string;
  url: string;
}

/** A listed service in one language. */
export interface CatalogueEntry {
  serviceId: string;
  name: string;
  description: string | null;
  eServiceUrl: string | null;
  acceptsMessages: boolean;
  forms: CatalogueForm[];
  organisationName: string;
  municipality: string | null;
}

export interface CatalogueOrganisation {
  name: string;
  municipality: string | null;
  services: CatalogueEntry[];
}

/** A search hit: the entry, its score and which query words were corrected to find it. */
export interface CatalogueHit {
  entry: CatalogueEntry;
  score: number;
}

export interface CatalogueSearchResult {
  hits: CatalogueHit[];
  /** Query words that matched nothing as typed and were matched one letter apart. */
  corrected: string[];
}

/**
 * The ranking rules, in the order they apply:
 * - each query word scores in the best field it matches: service name 4, organisation or
 *   municipality 3, a form's title 2, description or keywords 1;
 * - within that field, a whole term counts in full, a term the word only begins 0.8 of it, and a
 *   word matched one letter apart 0.5 of it;
 * - a service's score is the sum over the query's words (every word must match somewhere);
 * - of equal scores, the service with the shorter name (fewer words) comes first: the query says
 *   more of it ("sähköinen asiointi" finds "Sähköinen asiointi" before "Askolan sähköinen
 *   asiointi");
 * - then by organisation name, then service name (Finnish collation).
 */
export const fieldWeights = { name: 4, organisation: 3, forms: 2, text: 1 } as const;
export const matchFactors = { whole: 1, prefix: 0.8, corrected: 0.5 } as const;

/** A query longer than this is refused (the search box says so too). */
export const maxQueryLength = 200;

/** How long one process trusts its search index before rebuilding it (app clock). */
export const searchIndexMaxAgeMs = 10 * 60_000;

type Field = keyof typeof fieldWeights;
const fields: Field[] = ['name', 'organisation', 'forms', 'text'];

function pick(locale: string, fi: string, sv: string | null, en: string | null): string {
  if (locale === 'sv' && sv) return sv;
  if (locale === 'en' && en) return en;
  return fi;
}

function pickOptional(
  locale: string,
  fi: string | null,
  sv: string | null,
  en: string | null,
): string | null {
  if (locale === 'sv' && sv) return sv;
  if (locale === 'en' && en) return en;
  return fi;
}

function fieldTerms(row: SearchIndexRow): Record<Field, string[]> {
  const split = (text: string) => (text === '' ? [] : text.split(' '));
  return {
    name: split(row.nameTerms),
    organisation: split(row.organisationTerms),
    forms: split(row.formTerms),
    text: split(row.textTerms),
  };
}

/** What a word can match: its own stem (whole or as a prefix) and, failing that, corrections. */
interface WordAlternatives {
  term: QueryTerm;
  corrections: string[];
}

/** The public catalogue of connected services and its search. */
export class CatalogueService {
  private indexBuiltAt: number | undefined;
  private building: Promise<void> | undefined;

  constructor(private readonly deps: { repository: CatalogueRepository; clock: () => Date }) {}

  /** Every listed service grouped by organisation, in one language. */
  async listByOrganisation(locale: string): Promise<CatalogueOrganisation[]> {
    const entries = await this.entries(locale);
    const organisations = new Map<number, CatalogueOrganisation>();
    for (const { row, entry } of entries) {
      let organisation = organisations.get(row.organisationId);
      if (!organisation) {
        organisation = { name: entry.organisationName, municipality: entry.municipality, services: [] };
        organisations.set(row.organisationId, organisation);
      }
      organisation.services.push(entry);
    }
    return [...organisations.values()].sort((a, b) => a.name.localeCompare(b.name, 'fi'));
  }

  /** Ranked services for a query (see the ranking rules above). An empty query finds nothing. */
  async search(query: string, locale: string): Promise<CatalogueSearchResult> {
    if (query.length > maxQueryLength) throw new ValidationError('q', 'too long');
    const terms = queryTerms(query);
    if (terms.length === 0) return { hits: [], corrected: [] };
    await this.ensureIndex();

    let vocabulary: string[] | undefined;
    const alternatives: WordAlternatives[] = [];
    const corrected: string[] = [];
    for (const term of terms) {
      // A word that finds something as typed is not corrected: the database answers that.
      const direct = await this.deps.repository.matchAll([[term.stem]]);
      if (direct.length > 0) {
        alternatives.push({ term, corrections: [] });
        continue;
      }
      vocabulary ??= await this.vocabulary();
      const corrections = vocabulary.filter(
        (indexed) => nearMatch(term.stem, indexed) || nearMatch(term.word, indexed),
      );
      if (corrections.length === 0) return { hits: [], corrected: [] };
      corrected.push(term.word);
      alternatives.push({ term, corrections });
    }

    const matched = await this.deps.repository.matchAll(
      alternatives.map((a) => (a.corrections.length > 0 ? a.corrections : [a.term.stem])),
    );
    const byPk = new Map((await this.entries(locale)).map((e) => [e.row.servicePk, e]));
    const hits: Array<CatalogueHit & { row: CatalogueServiceRow; nameLength: number }> = [];
    for (const indexed of matched) {
      const listed = byPk.get(indexed.servicePk);
      if (!listed) continue; // Deactivated since the index was built.
      const terms = fieldTerms(indexed);
      const score = scoreRow(terms, alternatives);
      if (score > 0)
        hits.push({ entry: listed.entry, row: listed.row, score, nameLength: terms.name.length });
    }
    hits.sort(
      (a, b) =>
        b.score - a.score ||
        a.nameLength - b.nameLength ||
        a.entry.organisationName.localeCompare(b.entry.organisationName, 'fi') ||
        a.entry.name.localeCompare(b.entry.name, 'fi') ||
        a.row.servicePk - b.row.servicePk,
    );
    return { hits: hits.map(({ entry, score }) => ({ entry, score })), corrected };
  }

  /** Rebuilds the search index from the listed services (demo seed, operators, first search). */
  async refreshSearchIndex(): Promise<number> {
    const [services, forms] = [
      await this.deps.repository.listServices(),
      await this.deps.repository.listForms(),
    ];
    const rows: SearchIndexRow[] = services.map((service) => {
      const serviceForms = forms.filter((form) => form.servicePk === service.servicePk);
      return {
        servicePk: service.servicePk,
        nameTerms: indexTerms(service.nameFi, service.nameSv, service.nameEn),
        organisationTerms: indexTerms(
          service.organisationNameFi,
          service.organisationNameSv,
          service.organisationNameEn,
          service.municipalityFi,
          service.municipalitySv,
        ),
        formTerms: indexTerms(...serviceForms.flatMap((form) => [form.titleFi, form.titleSv, form.titleEn])),
        textTerms: indexTerms(
          service.descriptionFi,
          service.descriptionSv,
          service.descriptionEn,
          service.keywordsFi,
          service.keywordsSv,
          service.keywordsEn,
        ),
      };
    });
    await this.deps.repository.replaceSearchIndex(rows);
    this.indexBuiltAt = this.deps.clock().getTime();
    return rows.length;
  }

  /** Sets a service's catalogue texts (operators, demo seed). URLs must be https. */
  async describeService(serviceId: string, description: ServiceDescription): Promise<void> {
    const servicePk = await this.deps.repository.findServicePk(serviceId);
    if (servicePk === undefined) throw new NotFoundError(`no service ${serviceId}`);
    if (description.eServiceUrl) checkHttps('eServiceUrl', description.eServiceUrl);
    await this.deps.repository.describeService(servicePk, description);
  }

  async setMunicipality(businessId: string, municipality: { fi: string | null; sv: string | null }) {
    await this.deps.repository.setMunicipality(businessId, municipality);
  }

  /** The catalogue texts of the given services (by public id), listed or not; unknown ids are left out. */
  async serviceTexts(serviceIds: readonly string[]): Promise<Map<string, ServiceCatalogueTexts>> {
    const rows = await this.deps.repository.listServiceTexts(serviceIds);
    const forms = await this.deps.repository.listFormsOf(rows.map((row) => row.servicePk));
    return new Map(
      rows.map((row) => [
        row.serviceId,
        {
          serviceId: row.serviceId,
          descriptionFi: row.descriptionFi,
          descriptionSv: row.descriptionSv,
          descriptionEn: row.descriptionEn,
          eServiceUrl: row.eServiceUrl,
          forms: forms
            .filter((form) => form.servicePk === row.servicePk)
            .map(({ titleFi, titleSv, titleEn, url }) => ({ titleFi, titleSv, titleEn, url })),
        },
      ]),
    );
  }

  /**
   * The service's printable forms become exactly `forms` (its organisation's admin page edits them
   * as one list). Every URL must be https and every form needs a Finnish title; nothing is stored
   * when one is not (`forms.N.url`, `forms.N.titleFi` name it).
   */
  async replaceForms(serviceId: string, forms: readonly ServiceFormTexts[]): Promise<void> {
    const servicePk = await this.deps.repository.findServicePk(serviceId);
    if (servicePk === undefined) throw new NotFoundError(`no service ${serviceId}`);
    forms.forEach((form, index) => {
      if (!form.titleFi.trim()) throw new ValidationError(`forms.${index}.titleFi`, 'is required');
      checkHttps(`forms.${index}.url`, form.url);
    });
    await this.deps.repository.replaceForms(servicePk, forms, this.deps.clock().toISOString());
  }

  /** Adds a printable form unless the service already has one with the same Finnish title. */
  async addForm(
    serviceId: string,
    form: { titleFi: string; titleSv?: string | undefined; titleEn?: string | undefined; url: string },
  ): Promise<boolean> {
    const servicePk = await this.deps.repository.findServicePk(serviceId);
    if (servicePk === undefined) throw new NotFoundError(`no service ${serviceId}`);
    checkHttps('url', form.url);
    const existing = await this.deps.repository.listForms();
    if (existing.some((f) => f.servicePk === servicePk && f.titleFi === form.titleFi)) return false;
    await this.deps.repository.insertForm(
      {
        servicePk,
        titleFi: form.titleFi,
        titleSv: form.titleSv ?? null,
        titleEn: form.titleEn ?? null,
        url: form.url,
      },
      this.deps.clock().toISOString(),
    );
    return true;
  }

  private async ensureIndex(): Promise<void> {
    const now = this.deps.clock().getTime();
    if (this.indexBuiltAt !== undefined && now - this.indexBuiltAt < searchIndexMaxAgeMs) return;
    this.building ??= this.refreshSearchIndex()
      .then(() => undefined)
      .finally(() => {
        this.building = undefined;
      });
    await this.building;
  }

  private async vocabulary(): Promise<string[]> {
    const terms = new Set<string>();
    for (const row of await this.deps.repository.listSearchIndex()) {
      for (const list of Object.values(fieldTerms(row))) for (const term of list) terms.add(term);
    }
    return [...terms].sort();
  }

  private async entries(locale: string): Promise<Array<{ row: CatalogueServiceRow; entry: CatalogueEntry }>> {
    const [services, forms] = [
      await this.deps.repository.listServices(),
      await this.deps.repository.listForms(),
    ];
    return services.map((row) => ({ row, entry: toEntry(row, forms, locale) }));
  }
}

function toEntry(row: CatalogueServiceRow, forms: ServiceFormRow[], locale: string): CatalogueEntry {
  return {
    serviceId: row.serviceId,
    name: pick(locale, row.nameFi, row.nameSv, row.nameEn),
    description: pickOptional(locale, row.descriptionFi, row.descriptionSv, row.descriptionEn),
    eServiceUrl: row.eServiceUrl,
    acceptsMessages: row.acceptsMessages,
    forms: forms
      .filter((form) => form.servicePk === row.servicePk)
      .map((form) => ({ title: pick(locale, form.titleFi, form.titleSv, form.titleEn), url: form.url })),
    organisationName: pick(locale, row.organisationNameFi, row.organisationNameSv, row.organisationNameEn),
    municipality: locale === 'sv' && row.municipalitySv ? row.municipalitySv : row.municipalityFi,
  };
}

/** The ranking rules applied to one indexed service (0 when a word matches nowhere). */
export function scoreRow(terms: Record<Field, string[]>, words: WordAlternatives[]): number {
  let total = 0;
  for (const word of words) {
    let best = 0;
    for (const field of fields) {
      for (const indexed of terms[field]) {
        let factor = 0;
        if (word.corrections.length === 0) {
          if (indexed === word.term.stem) factor = matchFactors.whole;
          else if (indexed.startsWith(word.term.stem)) factor = matchFactors.prefix;
        } else if (word.corrections.some((c) => indexed.startsWith(c))) {
          factor = matchFactors.corrected;
        }
        best = Math.max(best, fieldWeights[field] * factor);
      }
    }
    if (best === 0) return 0;
    total += best;
  }
  return Math.round(total * 100) / 100;
}

/** Why a catalogue link is refused ('notUrl', 'notHttps'), or undefined when it is an https URL. */
export function httpsUrlProblem(url: string): 'notUrl' | 'notHttps' | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'notUrl';
  }
  return parsed.protocol === 'https:' ? undefined : 'notHttps';
}

function checkHttps(field: string, url: string): void {
  const problem = httpsUrlProblem(url);
  if (problem === 'notUrl') throw new ValidationError(field, 'must be a URL');
  if (problem === 'notHttps') throw new ValidationError(field, 'must be an https URL');
}
