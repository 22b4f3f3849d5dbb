import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupProjectsByClient, groupTasksByModule } from '../../src/tasks/taskGroups';
import { taskPickItem, taskPickItems } from '../../src/tasks/taskPickItems';
import { escapeMarkdown } from '../../src/common/untrustedText';
import { isOverdue, plainText, taskIcon, taskLook, taskTooltipMarkdown } from '../../src/tasks/taskPresentation';
import { checkWebUrl, taskWebUrl } from '../../src/tasks/taskUrl';
import { makeProject, makeTask } from './helpers/taskBuilders';

const TODAY = '2026-03-11';

describe('task presentation', () => {
  it('describes a task as #localid · status · due date', () => {
    const look = taskLook(makeTask({ localId: 12, status: 'In Progress', dateDue: '2026-03-20' }), { today: TODAY, running: false });
    assert.equal(look.description, '#12 · In Progress · due 2026-03-20');
    assert.equal(look.overdue, false);
    assert.equal(look.icon, 'circle-large-filled');
  });

  it('marks an open task due before today as overdue, but never a closed one', () => {
    assert.equal(isOverdue(makeTask({ dateDue: '2026-03-10' }), TODAY), true);
    assert.equal(isOverdue(makeTask({ dateDue: TODAY }), TODAY), false, 'due today is not late yet');
    assert.equal(isOverdue(makeTask({ dateDue: '2026-03-10', dateClosed: '2026-03-10' }), TODAY), false);
    const look = taskLook(makeTask({ localId: 3, status: 'Open', dateDue: '2026-03-01' }), { today: TODAY, running: false });
    assert.equal(look.description, '#3 · Open · overdue since 2026-03-01');
    assert.deepEqual([look.icon, look.color], ['warning', 'intervals.task.overdue']);
    assert.match(look.accessibleLabel, /overdue, was due 2026-03-01/);
  });

  it('says when the timer runs, in the description, the icon and the accessible label', () => {
    const look = taskLook(makeTask({ localId: 5, title: 'Fix login' }), { today: TODAY, running: true });
    assert.equal(look.description, '#5 · Open · timer running');
    assert.deepEqual([look.icon, look.color], ['play-circle', 'charts.green']);
    assert.equal(look.accessibleLabel, 'Task 5 Fix login, status Open, priority Normal, timer running');
  });

  it('marks a task with a paused timer, and names the timer in the tooltip', () => {
    const look = taskLook(makeTask({ localId: 5, title: 'Fix login' }), { today: TODAY, running: false, paused: true });
    assert.equal(look.icon, 'watch');
    assert.match(look.description, /timer paused$/);
    assert.match(look.accessibleLabel, /timer paused$/);
    assert.match(taskTooltipMarkdown(makeTask({ localId: 5 }), TODAY, 'paused, 0:35'), /^Timer: paused, 0\\:35 {2}$/m);
  });

  it('picks an icon per status and a colour per priority', () => {
    const state = { closed: false, overdue: false, running: false };
    assert.deepEqual(taskIcon({ status: 'Open', priority: 'Critical' }, state), { icon: 'circle-large-outline', color: 'intervals.priority.critical' });
    assert.deepEqual(taskIcon({ status: 'Awaiting Feedback', priority: 'High' }, state), { icon: 'debug-pause', color: 'intervals.priority.high' });
    assert.deepEqual(taskIcon({ status: 'On Hold', priority: 'Low' }, state), { icon: 'debug-pause', color: 'descriptionForeground' });
    assert.deepEqual(taskIcon({ status: 'Closed', priority: 'High' }, { ...state, closed: true }), { icon: 'pass', color: 'disabledForeground' });
    assert.deepEqual(taskIcon({ status: null, priority: null }, state), { icon: 'circle-large-outline', color: undefined });
  });

  it('says a critical or high priority in words too, not by the colour alone', () => {
    const critical = taskLook(makeTask({ localId: 7, status: 'Open', priority: 'Critical', dateDue: '2026-03-20' }), { today: TODAY, running: false });
    assert.equal(critical.description, '#7 · Open · Critical priority · due 2026-03-20');
    const high = taskLook(makeTask({ localId: 8, status: 'Open', priority: 'High' }), { today: TODAY, running: false });
    assert.equal(high.description, '#8 · Open · High priority');
    const normal = taskLook(makeTask({ localId: 9, status: 'Open', priority: 'Normal' }), { today: TODAY, running: false });
    assert.equal(normal.description, '#9 · Open', 'a normal priority is not marked');
  });

  it('colours icons only with colours the package contributes, each with its own high-contrast defaults', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { colors: { id: string; defaults: Record<string, string> }[] };
    };
    const state = { closed: false, overdue: false, running: false };
    const used = [
      taskIcon({ status: 'Open', priority: 'Critical' }, state).color,
      taskIcon({ status: 'Open', priority: 'High' }, state).color,
      taskIcon({ status: 'Open', priority: 'Critical' }, { ...state, overdue: true }).color,
    ];
    const contrast = used.map((id) => {
      const color = manifest.contributes.colors.find((each) => each.id === id);
      assert.ok(color, `${id} is contributed`);
      assert.match(color.defaults.highContrast, /^#[0-9A-F]{6}$/i, `${id} has a colour of its own in high contrast`);
      assert.match(color.defaults.highContrastLight, /^#[0-9A-F]{6}$/i);
      return [color.defaults.highContrast, color.defaults.highContrastLight];
    });
    assert.equal(new Set(contrast.map((pair) => pair[0])).size, 3, 'three different colours in high contrast dark');
    assert.equal(new Set(contrast.map((pair) => pair[1])).size, 3, 'and in high contrast light');
  });

  it('escapes every Markdown character, so a title cannot format or link', () => {
    const escaped = escapeMarkdown('**bold** [link](command:x) <img src=x> `code` # h _i_ ~s~ a|b');
    assert.equal(escaped.replace(/\\(.)/g, '$1'), '**bold** [link](command:x) <img src=x> `code` # h _i_ ~s~ a|b', 'unescaping gives the text back');
    assert.ok(!/(^|[^\\])[*[\]()<>`#_~|]/.test(escaped));
  });

  it('builds a tooltip with project, client, module, assignees, due date and the start of the description', () => {
    const task = makeTask({
      localId: 7,
      title: '**bold** [link](command:x)',
      project: 'Web <site>',
      client: 'Acme & Sons',
      module: 'Design',
      assignees: 'Ada Lovelace, Ravi Patel',
      dateDue: '2026-03-01',
      description: `<p>Details <b>here</b> &amp; more.</p>${'x'.repeat(400)}`,
    });
    const markdown = taskTooltipMarkdown(task, TODAY);
    assert.ok(markdown.startsWith('**\\#7 \\*\\*bold\\*\\* \\[link\\]\\(command\\:x\\)**'), markdown);
    assert.match(markdown, /Project: Web \\<site\\>/);
    assert.match(markdown, /Client: Acme \\& Sons/);
    assert.match(markdown, /Module: Design/);
    assert.match(markdown, /Assignees: Ada Lovelace, Ravi Patel/);
    assert.match(markdown, /Due: 2026\\-03\\-01 \\\(overdue\\\)/);
    assert.match(markdown, /Details here \\& more\\. x+…$/);
    assert.ok(markdown.length < 700, 'only the start of a long description');
    assert.ok(!markdown.includes('<b>'));
  });

  it('turns description HTML into plain words', () => {
    assert.equal(plainText('<p>One</p><ul><li>Two</li></ul>&lt;3 &#65;&#x42; &nbsp;<script>alert(1)</script>end'), 'One Two <3 AB end');
  });
});

describe('task groups', () => {
  it('groups active projects by client, sorted by name, "No client" last', () => {
    const groups = groupProjectsByClient([
      makeProject({ id: 1, name: 'Zeta', clientId: 2, client: 'beta' }),
      makeProject({ id: 2, name: 'Internal', clientId: null, client: null }),
      makeProject({ id: 3, name: 'alpha', clientId: 2, client: 'beta' }),
      makeProject({ id: 4, name: 'Site', clientId: 1, client: 'Acme' }),
    ]);
    assert.deepEqual(
      groups.map((group) => [group.clientId, group.name, group.projects.map((project) => project.name)]),
      [
        [1, 'Acme', ['Site']],
        [2, 'beta', ['alpha', 'Zeta']],
        [null, 'No client', ['Internal']],
      ],
    );
  });

  it('groups tasks by module, the tasks without one last', () => {
    const groups = groupTasksByModule([
      makeTask({ id: 1, moduleId: 3, module: 'Development' }),
      makeTask({ id: 2, moduleId: null, module: null }),
      makeTask({ id: 3, moduleId: 1, module: 'Design' }),
      makeTask({ id: 4, moduleId: 3, module: 'Development' }),
    ]);
    assert.deepEqual(
      groups.map((group) => [group.name, group.tasks.map((task) => task.id)]),
      [
        ['Design', [3]],
        ['Development', [1, 4]],
        ['No module', [2]],
      ],
    );
  });
});

describe('task pick items', () => {
  it('shows the title, #localid as description and project · client as detail', () => {
    assert.deepEqual(taskPickItem(makeTask({ id: 4, localId: 1004, title: ' Fix\nlogin ', project: 'Web', client: 'Acme' })), {
      label: 'Fix login',
      description: '#1004',
      detail: 'Web · Acme',
      taskId: 4,
    });
    assert.equal(taskPickItem(makeTask({ localId: null, client: null })).detail, 'Website');
  });

  it('shows $(name) in the service’s text as text, not as an icon', () => {
    const item = taskPickItem(makeTask({ title: 'Fix $(bug)', project: '$(rocket) Web', client: 'Acme' }));
    assert.equal(item.label, 'Fix \\$(bug)');
    assert.equal(item.detail, '\\$(rocket) Web · Acme');
  });

  it('builds the items of a list once', () => {
    const tasks = [makeTask({ id: 1 }), makeTask({ id: 2 })];
    const first = taskPickItems(tasks);
    assert.equal(taskPickItems(tasks), first);
    assert.notEqual(taskPickItems([...tasks]), first, 'another list, other items');
  });
});

describe('task web address', () => {
  it('accepts https account addresses and normalises the trailing slash', () => {
    assert.deepEqual(checkWebUrl(' https://acme.intervalsonline.com '), { ok: true, url: 'https://acme.intervalsonline.com/' });
    assert.deepEqual(checkWebUrl('https://acme.intervalsonline.com//'), { ok: true, url: 'https://acme.intervalsonline.com/' });
  });

  for (const [input, pattern] of [
    ['', /Enter the address/],
    ['acme.intervalsonline.com', /full address/],
    ['http://acme.intervalsonline.com/', /https/],
    ['https://user:pw@acme.intervalsonline.com/', /user name/],
    ['https://acme.intervalsonline.com/?x=1', /without \? or #/],
  ] as const) {
    it(`refuses ${JSON.stringify(input)}`, () => {
      const result = checkWebUrl(input);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, pattern);
    });
  }

  it('links a task by its local id', () => {
    assert.equal(taskWebUrl('https://acme.intervalsonline.com', { localId: 1002 }), 'https://acme.intervalsonline.com/tasks/view/1002');
    assert.equal(taskWebUrl('https://acme.intervalsonline.com/', { localId: null }), undefined);
    assert.equal(taskWebUrl('not a url', { localId: 1 }), undefined);
  });
});
