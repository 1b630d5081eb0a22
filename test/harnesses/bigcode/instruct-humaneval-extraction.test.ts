import { describe, expect, it } from 'vitest';
import { afterFirstFence } from '../../../src/harnesses/bigcode/after-first-fence.js';
import { extractInstructHumanEvalCode, INSTRUCT_HUMANEVAL_STOP_WORDS } from '../../../src/harnesses/bigcode/instruct-humaneval-extraction.js';
import { humanevalInstruct } from '../../../src/harnesses/bigcode/humaneval-instruct.js';
import { referenceFixture } from './reference-fixture.js';

const context = 'from typing import List\n\n\ndef add(xs: List[int]) -> int:\n';

describe('instruct-humaneval code extraction', () => {
  it('gives what bigcode InstructHumanEvalWithoutContext gives for every reference case', () => {
    expect(referenceFixture.instruct.length).toBeGreaterThan(25);
    for (const { context, entry_point, reply, code } of referenceFixture.instruct) {
      expect(extractInstructHumanEvalCode(reply, context, entry_point), JSON.stringify(reply)).toBe(code);
    }
  });

  it('takes the first ```python block, keeps the imports of the context and stops after the last return line', () => {
    const reply = 'Sure:\n```python\nimport os\n\ndef add(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total\n\nprint(add([1]))\n```\nDone.';
    expect(extractInstructHumanEvalCode(reply, context, 'add')).toBe('from typing import List\ndef add(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total');
  });

  it('reads a bare ``` fence, and keeps another language tag as text', () => {
    expect(extractInstructHumanEvalCode('```\ndef add(xs):\n    return sum(xs)\n```', context, 'add')).toBe('from typing import List\ndef add(xs):\n    return sum(xs)');
    expect(afterFirstFence('```py\nx')).toBe('py\nx');
    expect(afterFirstFence('```python\nx')).toBe('\nx');
    expect(afterFirstFence('no fence')).toBe('no fence');
  });

  it('drops helpers before the function and code after a stop word', () => {
    const reply = 'def helper():\n    return 1\n\ndef add(xs):\n    return helper()\n\nif __name__ == "__main__":\n    add([])';
    expect(extractInstructHumanEvalCode(reply, context, 'add')).toBe('from typing import List\ndef add(xs):\n    return helper()');
    expect(INSTRUCT_HUMANEVAL_STOP_WORDS).toEqual(['if __name__', '\nprint', '\nclass']);
  });

  it('keeps only the def line when there is no return, and only the prefix for an empty reply', () => {
    expect(extractInstructHumanEvalCode('def add(xs):\n    pass\n', context, 'add')).toBe('from typing import List\ndef add(xs):');
    expect(extractInstructHumanEvalCode('', context, 'add')).toBe('from typing import List\n');
  });

  it('sends the instruction as the only user message and records the candidate', async () => {
    const prompter = await humanevalInstruct.createPrompter({ params: {}, endpointType: 'chat', data: { rows: async function* () {}, provenance: () => [] } });
    const doc = { taskId: 'HumanEval/0', instruction: 'Write a function add(xs) to solve the following problem:\nSum xs.', context, test: 'def check(f):\n    assert f([1]) == 1', entryPoint: 'add' };
    expect(prompter(doc, 0)).toEqual({ kind: 'chat', messages: [{ role: 'user', content: doc.instruction }] });
    expect(humanevalInstruct.score('```python\ndef add(xs):\n    return sum(xs)\n```', doc)).toEqual({ extracted: { code: 'from typing import List\ndef add(xs):\n    return sum(xs)' }, scores: {} });
    expect(humanevalInstruct.target(doc)).toBe('\ndef check(f):\n    assert f([1]) == 1\ncheck(add)');
    expect(humanevalInstruct.defaults).toEqual({ task: 'instruct-humaneval-nocontext-py', maxNewTokens: 1024, extra: { do_sample: true, n_samples: 20 } });
  });
});
