// A small well-formedness check for XML feeds. linkedom's XML parser accepts anything, so a truncated or
// mismatched feed would otherwise pass silently; this finds the first error and where it is.

export interface XmlProblem {
  offset: number;
  line: number;
  reason: string;
}

export function findXmlProblem(xml: string): XmlProblem | null {
  const stack: { name: string; offset: number }[] = [];
  const at = (offset: number, reason: string): XmlProblem => ({ offset, line: lineOf(xml, offset), reason });
  let i = xml.indexOf('<');
  let sawRoot = false;
  while (i >= 0 && i < xml.length) {
    if (xml.startsWith('<!--', i)) {
      const e = xml.indexOf('-->', i + 4);
      if (e < 0) return at(i, 'unclosed comment');
      i = xml.indexOf('<', e + 3);
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      const e = xml.indexOf(']]>', i + 9);
      if (e < 0) return at(i, 'unclosed CDATA section');
      i = xml.indexOf('<', e + 3);
      continue;
    }
    if (xml.startsWith('<?', i)) {
      const e = xml.indexOf('?>', i + 2);
      if (e < 0) return at(i, 'unclosed processing instruction');
      i = xml.indexOf('<', e + 2);
      continue;
    }
    if (xml.startsWith('<!', i)) {
      const e = xml.indexOf('>', i + 2);
      if (e < 0) return at(i, 'unclosed declaration');
      i = xml.indexOf('<', e + 1);
      continue;
    }
    const end = tagEnd(xml, i + 1);
    if (end < 0) return at(i, 'unclosed tag');
    const body = xml.slice(i + 1, end);
    if (body.startsWith('/')) {
      const name = body.slice(1).trim();
      const open = stack.pop();
      if (!open) return at(i, `closing tag </${name}> without an opening tag`);
      if (open.name !== name) return at(i, `<${open.name}> (line ${lineOf(xml, open.offset)}) closed by </${name}>`);
    } else {
      const m = /^([A-Za-z_][\w.:-]*)/.exec(body);
      if (!m) return at(i, 'bad tag name');
      if (!body.endsWith('/')) stack.push({ name: m[1]!, offset: i });
      sawRoot = true;
    }
    i = xml.indexOf('<', end + 1);
  }
  if (stack.length) {
    const open = stack[stack.length - 1]!;
    return at(xml.length, `unclosed <${open.name}> (line ${lineOf(xml, open.offset)}): the file is truncated`);
  }
  if (!sawRoot) return at(0, 'no XML elements');
  return null;
}

function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let j = from; j < xml.length; j++) {
    const c = xml.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return j;
    else if (c === 60) return -1;
  }
  return -1;
}

function lineOf(s: string, offset: number): number {
  let n = 1;
  for (let k = 0; k < offset && k < s.length; k++) if (s.charCodeAt(k) === 10) n++;
  return n;
}
