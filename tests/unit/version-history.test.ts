import { describe, expect, it } from 'vitest';
import { diffVersions, versionPlainText } from '../../app/_lib/version-diff';
import { defaultPair, dissentsByVersion } from '../../app/_lib/version-dissents';

const doc = (...paragraphs: string[]) => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })),
});

describe('versionPlainText', () => {
  it('reads a version as one line per block, whatever the block kind', () => {
    const json = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [doc('one').content[0]] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'a' }, { type: 'hardBreak' }, { type: 'text', text: 'b' }] },
      ],
    };
    expect(versionPlainText(json)).toBe('Title\none\na\nb');
  });
});

describe('diffVersions', () => {
  it('marks added and removed words and counts them', () => {
    const diff = diffVersions('the quick fox', 'the slow brown fox');
    expect(diff.removedWords).toBe(1);
    expect(diff.addedWords).toBe(2);
    const kinds = diff.lines[0].map((piece) => piece.kind);
    expect(kinds).toContain('added');
    expect(kinds).toContain('removed');
    const after = diff.lines[0].filter((p) => p.kind !== 'removed').map((p) => p.value).join('');
    expect(after).toBe('the slow brown fox');
  });

  it('splits a change that spans blocks into one piece per block', () => {
    const diff = diffVersions('one\ntwo', 'one\nnew block\ntwo');
    const texts = diff.lines.map((line) => line.map((p) => p.value).join(''));
    expect(texts).toEqual(['one', 'new block', 'two']);
    expect(diff.lines[1].every((p) => p.kind === 'added')).toBe(true);
    expect(diff.addedWords).toBe(2);
  });

  it('keeps one empty line for two empty texts', () => {
    expect(diffVersions('', '')).toEqual({ lines: [[]], addedWords: 0, removedWords: 0 });
  });
});

describe('dissentsByVersion', () => {
  const versions = [
    { id: 'v2', createdAt: '2026-01-02T00:00:00.000Z' },
    { id: 'v1', createdAt: '2026-01-01T00:00:00.000Z' },
  ];

  it('gives each dissent the latest version saved at or before it was filed', () => {
    const dissents = [
      { id: 'a', createdAt: '2025-12-31T00:00:00.000Z' },
      { id: 'b', createdAt: '2026-01-01T00:00:00.000Z' },
      { id: 'c', createdAt: '2026-01-01T12:00:00.000Z' },
      { id: 'd', createdAt: '2026-01-03T00:00:00.000Z' },
    ];
    const { byVersion, beforeFirst } = dissentsByVersion(versions, dissents);
    expect(beforeFirst.map((d) => d.id)).toEqual(['a']);
    expect(byVersion.get('v1')?.map((d) => d.id)).toEqual(['b', 'c']);
    expect(byVersion.get('v2')?.map((d) => d.id)).toEqual(['d']);
  });

  it('defaults to the two latest versions, earlier first', () => {
    expect(defaultPair(versions)).toEqual({ from: 'v1', to: 'v2' });
    expect(defaultPair([versions[1]])).toEqual({ from: 'v1', to: 'v1' });
    expect(defaultPair([])).toBeNull();
  });
});
