import * as assert from 'node:assert/strict';
import { choiceText } from '../../src/prompts/asker';
import { asPromptText, defuseLinks, escapeIcons } from '../../src/common/untrustedText';

/**
 * What VS Code does with a notification message (workbench/common/notifications.ts and
 * base/common/linkedText.ts, VS Code 1.100): newlines become spaces, then every match of this
 * expression is a clickable link. Copied here so the tests check the output against the real rule.
 */
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

function notificationLinks(message: string): string[] {
  return [...message.replace(/(\r\n|\n|\r)/gm, ' ').matchAll(VSCODE_LINK)].map((match) => match[2] ?? '');
}

/**
 * What VS Code draws for a label with icons (base/browser/ui/iconLabel/iconLabels.ts
 * renderLabelWithIcons): `$(name)` is an icon, `\$(name)` the text `$(name)`. Icons show as ⟦name⟧.
 */
function rendered(label: string): string {
  return label.replace(/(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z]+)?)\)/g, (_match, escaped: string | undefined, name: string) =>
    escaped ? `$(${name})` : `⟦${name}⟧`,
  );
}

/** Each a link (or several) in a notification as it stands. */
const LINKS = [
  '[Click](command:intervals.signOut) $(bug)',
  '[x](command:foo)',
  '[Fix](command:workbench.action.openSettings?%5B%22x%22%5D "Settings")',
  '[a](https://evil.example) and [b](file:///etc/passwd)',
  '[[x](command:a)](command:b)',
  '[x]] [y](command:a)',
  '[x](COMMAND:a)',
];

const NASTY = [...LINKS, '$(bug) $(sync~spin) \\$(rocket) $$(x)', '[x]](command:a)', '[x]\n(command:a)'];

describe('defuseLinks (notifications)', () => {
  const cases: Array<[string, string]> = [
    ['[x](command:foo)', '[x] (command:foo)'],
    ['[Click](command:intervals.signOut) $(bug)', '[Click] (command:intervals.signOut) $(bug)'],
    ['[a](https://evil.example) and [b](file:///x)', '[a] (https://evil.example) and [b] (file:///x)'],
    ['[[x](command:a)](command:b)', '[[x] (command:a)] (command:b)'],
    [']](( ', ']] (( '],
    ['command:intervals.signOut', 'command:intervals.signOut'],
    ['Homepage hero & navigation (v2) [draft]', 'Homepage hero & navigation (v2) [draft]'],
    ['', ''],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(defuseLinks(input), expected);
    });
  }

  it('leaves no text VS Code would turn into a link, however the message is composed', () => {
    for (const text of LINKS) {
      assert.notDeepEqual(notificationLinks(text), [], `the case is a link before: ${text}`);
      for (const message of [text, `Could not log time. ${text}`, `${text} is closed, and closed tasks are hidden.`]) {
        assert.deepEqual(notificationLinks(defuseLinks(message)), [], message);
      }
    }
  });
});

describe('escapeIcons (quick picks, status bar, prompts)', () => {
  const cases: Array<[string, string]> = [
    ['$(bug)', '\\$(bug)'],
    ['Fix $(bug) now', 'Fix \\$(bug) now'],
    ['$(sync~spin)', '\\$(sync~spin)'],
    ['$(bug)$(rocket)', '\\$(bug)\\$(rocket)'],
    ['\\$(bug)', '\\\\$(bug)'],
    ['$$(bug)', '$\\$(bug)'],
    ['$(5)', '\\$(5)'],
    ['$(not an icon)', '$(not an icon)'],
    ['$() $ (bug) $((bug))', '$() $ (bug) $((bug))'],
    ['[Click](command:intervals.signOut) $(bug)', '[Click](command:intervals.signOut) \\$(bug)'],
    ['Costs $5 (estimate)', 'Costs $5 (estimate)'],
    ['', ''],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(escapeIcons(input), expected);
    });
  }

  it('makes VS Code draw the text as written, with no icon', () => {
    for (const text of [...NASTY, 'plain title', '\\\\$(bug)', 'a$(b)c\\$(d~spin)e']) {
      assert.equal(rendered(escapeIcons(text)), text, text);
    }
    assert.equal(rendered('$(bug) x'), '⟦bug⟧ x', 'the model draws an unescaped icon');
  });
});

describe('quick pick text of a prompt choice', () => {
  it('escapes the texts and draws only the choice’s own icon', () => {
    assert.deepEqual(choiceText({ icon: 'search', label: 'Find $(bug)', description: '$(x) · Acme', detail: 'd $(y)', value: 1 }), {
      label: '$(search) Find \\$(bug)',
      description: '\\$(x) · Acme',
      detail: 'd \\$(y)',
    });
    assert.deepEqual(choiceText({ label: '$(bug) Fix', value: 1 }), { label: '\\$(bug) Fix' });
  });
});

describe('asPromptText (input box prompts and messages)', () => {
  it('defuses links and escapes icons at once, and leaves plain text alone', () => {
    assert.equal(asPromptText('Day for #12 [Fix](command:x) $(bug)'), 'Day for #12 [Fix] (command:x) \\$(bug)');
    assert.equal(asPromptText('Day for #12 Fix login'), 'Day for #12 Fix login');
  });
});
