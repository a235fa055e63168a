/**
 * Marks a template as a stylesheet section. It returns the text unchanged; the tag is there so
 * editors and Prettier treat the template as CSS.
 */
export function css(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  return String.raw({ raw: strings }, ...values);
}
