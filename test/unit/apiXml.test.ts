import * as assert from 'node:assert/strict';
import { buildXml, decodeEntities, parseXml } from '../../src/api/xml';

describe('xml codec', () => {
  it('merges the root attributes and children into one envelope', () => {
    const envelope = parseXml('<?xml version="1.0"?><intervals status="OK" code="200" listcount="1"><personid>5</personid><task><id>1</id></task></intervals>');
    assert.deepEqual(envelope, { status: 'OK', code: '200', listcount: '1', personid: '5', task: { id: '1' } });
  });

  it('turns repeated elements into arrays and keeps a single one as an object', () => {
    const two = parseXml('<intervals><task><id>1</id></task><task><id>2</id></task></intervals>');
    assert.deepEqual(two.task, [{ id: '1' }, { id: '2' }]);
    const three = parseXml('<intervals><task><item><id>1</id></item><item><id>2</id></item><item><id>3</id></item></task></intervals>');
    assert.deepEqual(three.task, { item: [{ id: '1' }, { id: '2' }, { id: '3' }] });
  });

  it('keeps numbers as text and empty elements as empty strings', () => {
    const envelope = parseXml('<intervals><t><id>007</id><description/><aptsuite></aptsuite><time>1.50</time></t></intervals>');
    assert.deepEqual(envelope.t, { id: '007', description: '', aptsuite: '', time: '1.50' });
  });

  it('keeps CDATA verbatim, entities inside it included', () => {
    const envelope = parseXml('<intervals><t><name><![CDATA[Tom & Jerry <b>&amp;</b>]]></name></t></intervals>');
    assert.deepEqual(envelope.t, { name: 'Tom & Jerry <b>&amp;</b>' });
  });

  it('keeps text around CDATA in order and whitespace inside CDATA', () => {
    const envelope = parseXml('<intervals><n>a<![CDATA[ <b> ]]>c</n></intervals>');
    assert.equal(envelope.n, 'a <b> c');
  });

  it('decodes only the predefined and numeric entities, once', () => {
    const envelope = parseXml('<intervals><n>a &amp; b &lt;c&gt; &#233; &#x41; &amp;lt; &nbsp;</n></intervals>');
    assert.equal(envelope.n, 'a & b <c> é A &lt; &nbsp;');
    assert.equal(decodeEntities('&quot;x&apos;'), `"x'`);
  });

  it('refuses a DTD, so declared entities are never expanded', () => {
    assert.throws(
      () => parseXml('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY boom "aaaaaaaaaa">]><r>&boom;&boom;</r>'),
      /document type/,
    );
  });

  it('reports malformed XML', () => {
    assert.throws(() => parseXml('<intervals><a></b></intervals>'), /Malformed XML/);
    assert.throws(() => parseXml('just text'), /no root element|Malformed XML/);
  });

  it('builds a request body, CDATA for markup characters and an empty element for null', () => {
    const xml = buildXml('timer', { name: 'Client X homepage redesign', personid: 2051, starttime: null, skipped: undefined });
    assert.equal(
      xml,
      '<?xml version="1.0" encoding="UTF-8"?><timer><name>Client X homepage redesign</name><personid>2051</personid><starttime></starttime></timer>',
    );
    const tricky = buildXml('task', { title: 'A & B <c> ]]> d' });
    assert.deepEqual(parseXml(tricky), { title: 'A & B <c> ]]> d' });
  });
});
