import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { testAnswers } from '../../helpers/refusals.js';
import {
  messageBodyToPlainText,
  renderMessageBody,
  type BodyFormat,
} from '../../../src/domain/message-body.js';

const md = (body: string): string => renderMessageBody(body, 'Markdown');
const text = (body: string): string => renderMessageBody(body, 'Text');

const REL = 'rel="noopener noreferrer nofollow" class="external-link"';
const link = (href: string, label: string): string => `<a href="${href}" ${REL}>${label}</a>`;

/**
 * The complete output grammar: every `<` in rendered HTML must begin one of these tags. Anything an
 * author writes that would produce another `<` has to come out escaped as `&lt;`.
 */
const ALLOWED_TAG =
  /<(?:\/?(?:p|h[2-6]|ul|ol|li|strong|em|a)|br|ol start="\d{1,9}"|a href="(https:\/\/[^"<>\s]+)" rel="noopener noreferrer nofollow" class="external-link")>/y;

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Asserts the output grammar above and that every link target really is an https URL. */
function assertOnlyAllowedMarkup(html: string, input: string): void {
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    ALLOWED_TAG.lastIndex = i;
    const match = ALLOWED_TAG.exec(html);
    assert.ok(
      match,
      `disallowed markup at ${i}: ${JSON.stringify(html.slice(i, i + 60))} for ${JSON.stringify(input)}`,
    );
    const href = match[1];
    if (href !== undefined) assert.equal(new URL(decodeAttribute(href)).protocol, 'https:');
  }
}

/** Dangerous strings must never appear as markup; inside escaped text they are inert and allowed. */
const FORBIDDEN_ANYWHERE = [
  '<script',
  '<img',
  '<iframe',
  '<svg',
  '<style',
  '<object',
  '<embed',
  '<a href="http:',
];
const FORBIDDEN_IN_TAGS = ['onerror=', 'onload=', 'javascript:', 'data:', 'vbscript:', 'style=', 'src='];

function assertSafe(html: string, input: string): void {
  const lower = html.toLowerCase();
  for (const needle of FORBIDDEN_ANYWHERE) {
    assert.ok(!lower.includes(needle), `${needle} in ${JSON.stringify(html)} for ${JSON.stringify(input)}`);
  }
  for (const tag of html.match(/<[^>]*>/g) ?? []) {
    // An https href may legitimately contain `javascript:` or `onerror=` in its path or query (the
    // quote that would end the attribute is percent-encoded); assertOnlyAllowedMarkup checks its scheme.
    const decoded = decodeAttribute(tag.replace(/^<a href="https:\/\/[^"]*"/, '<a href=""')).toLowerCase();
    for (const needle of FORBIDDEN_IN_TAGS) {
      assert.ok(!decoded.includes(needle), `${needle} in tag ${tag} for ${JSON.stringify(input)}`);
    }
  }
  assertOnlyAllowedMarkup(html, input);
}

describe('renderMessageBody: Text', () => {
  testAnswers(text, {
    'escapes the five HTML-significant characters': [
      [`a & b < c > d " e ' f`, '<p>a &amp; b &lt; c &gt; d &quot; e &#39; f</p>\n'],
    ],
    'makes paragraphs on blank lines and <br> on single newlines': [
      [
        'Hei,\nterveisiä.\n\nToinen kappale\n\n\n\nKolmas',
        '<p>Hei,<br>\nterveisiä.</p>\n<p>Toinen kappale</p>\n<p>Kolmas</p>\n',
      ],
    ],
    'treats CRLF like LF and whitespace-only lines as blank': [
      ['a\r\nb\r\n \t \r\nc', '<p>a<br>\nb</p>\n<p>c</p>\n'],
    ],
    'does not interpret Markdown or HTML': [
      ['**x** [y](https://e.fi) <b>z</b>', '<p>**x** [y](https://e.fi) &lt;b&gt;z&lt;/b&gt;</p>\n'],
    ],
    'renders an empty or blank body as nothing': [
      ['', ''],
      ['\n \n\n', ''],
    ],
  });
});

describe('renderMessageBody: Markdown subset', () => {
  testAnswers(md, {
    // Level 6 has nowhere lower to go.
    'shifts headings one level down so the page keeps its single h1': [
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'h6',
    ].map((tag, i) => [`${'#'.repeat(i + 1)} Heading`, `<${tag}>Heading</${tag}>\n`] as const),
    'supports Setext headings with the same shift': [
      ['Title\n=====\n\nSub\n---', '<h2>Title</h2>\n<h3>Sub</h3>\n'],
    ],
    'renders paragraphs and bold': [
      [
        'First **bold** and __also__.\n\nSecond.',
        '<p>First <strong>bold</strong> and <strong>also</strong>.</p>\n<p>Second.</p>\n',
      ],
    ],
    'renders italic as plain text (outside the contract subset)': [
      ['an *italic* and _other_ word', '<p>an italic and other word</p>\n'],
      ['***both***', '<p><strong>both</strong></p>\n'],
    ],
    'renders unordered, ordered and nested lists': [
      ['- a\n- b', '<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n'],
      ['1. a\n2. b', '<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n'],
      ['3. c\n4. d', '<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>\n'],
      [
        '1. a\n   - **b**\n2. c',
        '<ol>\n<li>a\n<ul>\n<li><strong>b</strong></li>\n</ul>\n</li>\n<li>c</li>\n</ol>\n',
      ],
    ],
    'renders https links with rel and class and without title': [
      [
        '[Suomi.fi](https://www.suomi.fi/viestit)',
        `<p>${link('https://www.suomi.fi/viestit', 'Suomi.fi')}</p>\n`,
      ],
      ['[t](https://e.fi/ "A title")', `<p>${link('https://e.fi/', 't')}</p>\n`],
    ],
    'canonicalises link targets through the URL parser': [
      ['[x](HTTPS://Example.FI/Path)', `<p>${link('https://example.fi/Path', 'x')}</p>\n`],
      ['[x](https://e.fi/?a=1&b="2")', `<p>${link('https://e.fi/?a=1&amp;b=%222%22', 'x')}</p>\n`],
    ],
    'renders bold inside link text and links inside lists and headings': [
      ['[**b**](https://e.fi/)', `<p>${link('https://e.fi/', '<strong>b</strong>')}</p>\n`],
      ['- [x](https://e.fi/)', `<ul>\n<li>${link('https://e.fi/', 'x')}</li>\n</ul>\n`],
      ['# [x](https://e.fi/)', `<h2>${link('https://e.fi/', 'x')}</h2>\n`],
    ],
    'supports reference links to https targets': [
      [
        'See [the page][p].\n\n[p]: https://e.fi/page',
        `<p>See ${link('https://e.fi/page', 'the page')}.</p>\n`,
      ],
    ],
    'keeps CommonMark soft breaks and hard breaks': [
      ['a\nb', '<p>a\nb</p>\n'],
      ['a  \nb\\\nc', '<p>a<br>\nb<br>\nc</p>\n'],
    ],
    'decodes entities and backslash escapes to text, then escapes them again': [
      ['&amp; &copy; \\*not bold\\*', '<p>&amp; © *not bold*</p>\n'],
      ['&lt;script&gt;alert(1)&lt;/script&gt;', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n'],
    ],
  });

  it('renders links without a target', () => {
    assert.ok(!md('[t](https://e.fi/)').includes('target'));
  });
});

describe('renderMessageBody: constructs outside the subset stay text', () => {
  const cases: Array<[string, string, string]> = [
    ['code span', 'a `b` c', '<p>a `b` c</p>\n'],
    ['fenced code', '```\n<b>x</b>\n```', '<p>```\n&lt;b&gt;x&lt;/b&gt;\n```</p>\n'],
    ['indented code', '    code', '<p>code</p>\n'],
    ['block quote', '> quoted', '<p>&gt; quoted</p>\n'],
    ['thematic break', '***', '<p>***</p>\n'],
    ['table', '| a |\n|---|\n| 1 |', '<p>| a |\n|---|\n| 1 |</p>\n'],
    ['strikethrough', '~~x~~', '<p>~~x~~</p>\n'],
    ['raw inline HTML', 'a <b>x</b>', '<p>a &lt;b&gt;x&lt;/b&gt;</p>\n'],
    ['raw block HTML', '<div>\nx\n</div>', '<p>&lt;div&gt;\nx\n&lt;/div&gt;</p>\n'],
    ['autolink', '<https://evil.example>', '<p>&lt;https://evil.example&gt;</p>\n'],
    ['email autolink', '<a@b.fi>', '<p>&lt;a@b.fi&gt;</p>\n'],
    ['bare URL (no linkify)', 'https://e.fi', '<p>https://e.fi</p>\n'],
    ['typographer off', '"quotes" -- (c)', '<p>&quot;quotes&quot; -- (c)</p>\n'],
    [
      'image becomes ! plus a plain https link',
      '![alt](https://e.fi/i.png)',
      `<p>!${link('https://e.fi/i.png', 'alt')}</p>\n`,
    ],
    ['image to a data URL', '![a](data:image/png;base64,AAAA)', '<p>!a</p>\n'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(md(input), expected));
  }
});

describe('renderMessageBody: links that are not https render as their text', () => {
  const targets = [
    'http://e.fi/',
    'mailto:a@b.fi',
    'tel:+358501234567',
    'ftp://e.fi/',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript&#x3A;alert(1)',
    'java&#x09;script:alert(1)',
    'javascript&colon;alert(1)',
    '%6Aavascript:alert(1)',
    '<javascript:alert(1)>',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'file:///etc/passwd',
    '/relative/path',
    '//evil.example/',
    'https:evil.example',
    'https:/evil.example',
    'https://user:pass@evil.example/',
    'https://www.suomi.fi@evil.example/',
    '&#x20;javascript:alert(1)',
    '<https://a b>',
    '',
  ];
  for (const target of targets) {
    it(`[x](${target})`, () => assert.equal(md(`[x](${target})`), '<p>x</p>\n'));
  }

  testAnswers(md, {
    'keeps inline content of the rejected link': [
      ['[**click** me](javascript:alert(1))', '<p><strong>click</strong> me</p>\n'],
    ],
    'leaves reference definitions with non-https targets as literal text': [
      ['[x][r]\n\n[r]: javascript:alert(1)', '<p>[x][r]</p>\n<p>[r]: javascript:alert(1)</p>\n'],
      ['[x][r]\n\n[r]: http://e.fi/', '<p>[x][r]</p>\n<p>[r]: http://e.fi/</p>\n'],
    ],
  });
});

describe('renderMessageBody: XSS corpus', () => {
  const corpus = [
    '<script>alert(1)</script>',
    '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
    '<img src=x onerror=alert(1)>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<svg onload=alert(1)>',
    '<svg><script>alert(1)</script></svg>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="http://evil.example">x</a>',
    '<style>body{display:none}</style>',
    '<object data="data:text/html,<script>alert(1)</script>">',
    '<!-- <script>alert(1)</script> -->',
    '<![CDATA[<script>alert(1)</script>]]>',
    '[<img src=x onerror=alert(1)>](https://e.fi/)',
    '[<script>alert(1)</script>](https://e.fi/)',
    '[x](https://e.fi/" onmouseover="alert(1))',
    '[x](https://e.fi/"onerror="alert(1)")',
    '[x](<https://e.fi/"><script>alert(1)</script>>)',
    "[x](https://e.fi/'><img src=x onerror=alert(1)>)",
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
    '[x](&#0000106avascript:alert(1))',
    '[x](\\javascript:alert(1))',
    '[x](javascript://%0aalert(1))',
    '[x](data:text/html,<script>alert(1)</script>)',
    '[x](vbscript:msgbox(1))',
    '[x]( javascript:alert(1) )',
    '[x](\njavascript:alert(1))',
    '<https://evil.example>',
    '<javascript:alert(1)>',
    '<http://evil.example>',
    '[x][r]\n\n[r]: javascript:alert(1)',
    '[x][r]\n\n[r]: http://evil.example',
    '[x]\n\n[x]: <data:text/html,alert(1)>',
    '![x](https://evil.example/pixel.png)',
    '![x](javascript:alert(1))',
    '![<img src=x onerror=alert(1)>](x)',
    '[[x](javascript:alert(1))](https://e.fi/)',
    '[[x](https://e.fi/)](javascript:alert(1))',
    '[a[b[c](javascript:alert(1))]]',
    '[x](https://e.fi/)[y](javascript:alert(1))',
    '&lt;img src=x onerror=alert(1)&gt;',
    '&#60;script&#62;alert(1)&#60;/script&#62;',
    '\\<script>alert(1)\\</script>',
    '`<script>alert(1)</script>`',
    '```html\n<script>alert(1)</script>\n```',
    '    <script>alert(1)</script>',
    '> <script>alert(1)</script>',
    '# <img src=x onerror=alert(1)>',
    '- <iframe src=javascript:alert(1)>',
    '**<svg onload=alert(1)>**',
    '<scr<script>ipt>alert(1)</script>',
    '<div\nonmouseover="alert(1)">x</div>',
    '[x](https://e.fi/\u0000javascript:alert(1))',
    '\u0000<script>alert(1)</script>',
  ];

  for (const input of corpus) {
    for (const format of ['Markdown', 'Text'] as const) {
      it(`${format}: ${JSON.stringify(input)}`, () => assertSafe(renderMessageBody(input, format), input));
    }
  }

  it('does not leave javascript: anywhere when the payload is an inline link', () => {
    for (const input of corpus.filter((s) => /^\[x\]\(/.test(s) && !s.includes('https://e.fi'))) {
      assert.ok(!md(input).toLowerCase().includes('javascript:'), input);
    }
  });

  // Growth, not speed: a 16 times longer input costs 15–23 times the CPU time here (linear work plus
  // garbage collection), a quadratic parser 256 times. CPU time, not elapsed time: on a busy machine
  // a long run is preempted far more often than a short one, which inflates elapsed time but not the
  // processor time the work itself used. The cheapest of a few runs drops cache and GC hiccups, and
  // the floor keeps timer granularity on microsecond-quick inputs from looking like growth.
  it('renders very long and pathological inputs in time linear in their length', () => {
    const patterns = [
      '[',
      '![',
      '[(',
      '[a](',
      '[a][',
      '[x](javascript:',
      '*a',
      '**a',
      '_',
      '- ',
      '1. ',
      '> ',
      '<',
      '&#',
      '`',
      'a\n',
      '  - a\n',
      '[a]: https://e.fi\n',
      'x',
    ];
    const cpuMs = () => {
      const usage = process.cpuUsage();
      return (usage.user + usage.system) / 1000;
    };
    const fastest = (pattern: string, length: number, format: 'Markdown' | 'Text', runs: number) => {
      const input = pattern.repeat(Math.ceil(length / pattern.length)).slice(0, length);
      let best = Infinity;
      for (let run = 0; run < runs; run++) {
        const started = cpuMs();
        const html = renderMessageBody(input, format);
        messageBodyToPlainText(input, format);
        best = Math.min(best, cpuMs() - started);
        assertOnlyAllowedMarkup(html, pattern);
      }
      return best;
    };
    // What this catches is a blow-up (backtracking, quadratic scans): at 40 000 characters that
    // costs seconds. Below a millisecond, CPU time is mostly the collector and the machine's other
    // load, so shorter runs count as one millisecond and only a hundredfold growth fails.
    const floorMs = 1;
    for (const pattern of patterns) {
      for (const format of ['Markdown', 'Text'] as const) {
        const short = Math.max(fastest(pattern, 2_500, format, 3), floorMs);
        const long = fastest(pattern, 40_000, format, 2);
        assert.ok(
          long / short < 100,
          `${format} ${JSON.stringify(pattern)}: 2 500 characters took ${short.toFixed(2)} ms of CPU time, 40 000 took ${long.toFixed(2)} ms`,
        );
      }
    }
  });
});

describe('renderMessageBody: properties', () => {
  /** Fragments that exercise every syntax markdown-it knows, including the disabled rules. */
  const fragment = fc.oneof(
    fc.constantFrom(
      '<',
      '>',
      '&',
      '"',
      "'",
      '[',
      ']',
      '(',
      ')',
      '*',
      '**',
      '_',
      '`',
      '```',
      '~~',
      '!',
      '#',
      '# ',
      '\n',
      '\n\n',
      ' ',
      '  \n',
      '\\',
      '- ',
      '1. ',
      '3) ',
      '> ',
      '---',
      '|',
      ':',
      '=',
      '&#',
      ';',
      '&lt;',
      '&#x3C;',
      '&amp;',
      '<script>',
      '</a>',
      '<a href="x">',
      '<img src=x onerror=alert(1)>',
      'https://',
      'http://',
      'javascript:',
      'data:',
      'e.fi',
      '[x](',
      '[x]: ',
      '![',
      '<https://e.fi>',
      '\u0000',
      '\t',
      '    ',
      'ä',
      '😀',
    ),
    fc.string({ maxLength: 5 }),
  );
  const markdownLike = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));
  const anyString = fc.string({ unit: 'binary', maxLength: 300 });
  const formats: BodyFormat[] = ['Markdown', 'Text'];

  for (const format of formats) {
    it(`${format}: every < starts an allowed tag (markdown-like input)`, () => {
      fc.assert(
        fc.property(markdownLike, (input) => assertSafe(renderMessageBody(input, format), input)),
        { numRuns: 1_000 },
      );
    });

    it(`${format}: every < starts an allowed tag (arbitrary unicode)`, () => {
      fc.assert(
        fc.property(anyString, (input) => assertSafe(renderMessageBody(input, format), input)),
        { numRuns: 500 },
      );
    });
  }

  it('Text: loses no visible character', () => {
    const unescape = (html: string): string => decodeAttribute(html.replace(/<\/?p>|<br>/g, ''));
    fc.assert(
      fc.property(markdownLike, (input) => {
        const visible = (s: string): string => s.replace(/\0/g, '\uFFFD').replace(/\s/g, '');
        assert.equal(visible(unescape(text(input))), visible(input));
      }),
      { numRuns: 500 },
    );
  });

  it('plain text never throws and never invents markup', () => {
    fc.assert(
      fc.property(markdownLike, (input) => {
        // Any `<` in the plain text must come from the author's own text, never from rendering.
        const plain = messageBodyToPlainText(input, 'Markdown');
        if (!input.includes('<') && !input.includes('&')) assert.ok(!plain.includes('<'), plain);
      }),
      { numRuns: 500 },
    );
  });
});

describe('messageBodyToPlainText', () => {
  testAnswers((body: string) => messageBodyToPlainText(body, 'Text'), {
    'returns Text bodies with normalised line endings and blank-line paragraphs': [
      ['a\r\nb\r\n\r\n\r\nc\n', 'a\nb\n\nc'],
    ],
  });

  testAnswers((body: string) => messageBodyToPlainText(body, 'Markdown'), {
    'flattens headings, paragraphs and emphasis': [
      [
        '# Päätös\n\nHakemuksenne on **hyväksytty** *tänään*.\nToinen rivi.',
        'Päätös\n\nHakemuksenne on hyväksytty tänään.\nToinen rivi.',
      ],
    ],
    'writes lists with markers and nesting indentation': [
      [
        'Liitteet:\n\n- yksi\n- kaksi\n  1. a\n  2. b\n\n5. viisi\n6. kuusi',
        'Liitteet:\n\n- yksi\n- kaksi\n  1. a\n  2. b\n\n5. viisi\n6. kuusi',
      ],
    ],
    'writes https links as text and URL, other links as text only': [
      [
        '[Lomake](https://e.fi/lomake) ja [x](javascript:alert(1)) ja [https://e.fi/](https://e.fi/)',
        'Lomake (https://e.fi/lomake) ja x ja https://e.fi/',
      ],
    ],
    'keeps unsupported syntax and decoded entities as readable text': [
      ['> lainaus\n\n`koodi` &amp; <b>', '> lainaus\n\n`koodi` & <b>'],
    ],
    'shows hard breaks as newlines and drops reference definitions': [
      ['a  \nb\n\n[r]: https://e.fi/', 'a\nb'],
    ],
  });
});
