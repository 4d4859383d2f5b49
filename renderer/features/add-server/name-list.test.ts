import { describe, expect, it } from 'vitest';
import { MAX_NAMES, parseNameList } from './name-list.ts';

describe('parseNameList', () => {
  it.each<[string, string, readonly string[]]>([
    ['one name', 'alice', ['alice']],
    ['two names with spaces around them', '  alice ;  bob  ', ['alice', 'bob']],
    ['empty parts', ';alice;;bob;', ['alice', 'bob']],
    ['a quoted name holding a separator', '"Smith; John"; bob', ['Smith; John', 'bob']],
    ['a name given twice in another case', 'alice; ALICE; bob', ['alice', 'bob']],
    ['a DOMAIN\\name and a UPN', 'CORP\\alice; bob@corp.contoso.test', ['CORP\\alice', 'bob@corp.contoso.test']],
    ['an LDAP filter kept as one literal name', 'alice)(objectClass=*', ['alice)(objectClass=*']],
  ])('reads %s', (_label, text, names) => {
    expect(parseNameList(text)).toEqual({ ok: true, names });
  });

  it.each<[string, string, RegExp]>([
    ['nothing but separators', ' ; ;; ', /Type a name/],
    ['an unclosed quote', '"alice; bob', /quotation mark is not closed/],
    ['too many names', Array.from({ length: MAX_NAMES + 1 }, (_unused, index) => `user${String(index)}`).join(';'), /at most 20 names/],
    ['an overlong name', 'x'.repeat(1025), /longer than 1024/],
  ])('refuses %s', (_label, text, message) => {
    const result = parseNameList(text);
    expect(result.ok ? undefined : result.message).toMatch(message);
  });
});
