import { describe, expect, it } from 'vitest';
import { decodeTextMessage, encodeTextMessage, textChannel, type TextMessage } from '../../server/cluster/text-message';

describe('messages between nodes on a text channel', () => {
  const messages: TextMessage[] = [
    { kind: 'update', node: 'node-1:42:ab12cd', seq: 300, update: new Uint8Array([1, 2, 3]) },
    { kind: 'awareness', node: 'node-2:7:zz', update: new Uint8Array([9]) },
    { kind: 'presence-query', node: 'node-2:7:zz' },
    { kind: 'head', node: 'node-1:42:ab12cd', seq: 2 ** 40 },
  ];

  it('read back as they were written', () => {
    for (const message of messages) expect(decodeTextMessage(encodeTextMessage(message))).toEqual(message);
  });

  it('read anything else as nothing rather than throwing', () => {
    for (const garbage of [new Uint8Array(), new Uint8Array([7, 1, 65]), new Uint8Array([0, 200]), encodeTextMessage(messages[0]).slice(0, 8)]) {
      expect(decodeTextMessage(garbage)).toBeUndefined();
    }
  });

  it('name one channel per text', () => {
    expect(textChannel('p-1')).toBe('plenary:text:p-1');
  });
});
