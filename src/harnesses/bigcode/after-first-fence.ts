const FENCE = '```';
const PYTHON = 'python';

/**
 * The text after the first Markdown code fence, as bigcode's instruct-humaneval post-processing cuts
 * it: after "```python" when the first "```" is followed by `python`, else after the "```" alone
 * (a language tag other than python stays in the text); `text` unchanged when it has no "```".
 */
export function afterFirstFence(text: string): string {
  const at = text.indexOf(FENCE);
  if (at === -1) return text;
  const start = at + FENCE.length;
  return text.slice(start, start + PYTHON.length) === PYTHON ? text.slice(start + PYTHON.length) : text.slice(start);
}
