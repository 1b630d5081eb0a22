import type { TaskDefinition } from '../../core/task.js';
import { ifeval } from '../ifeval/ifeval-task.js';
import { arcChallenge, arcEasy } from './arc.js';
import { arcChallengeChat } from './arc-challenge-chat.js';
import { mmluGenerative } from './mmlu-generative.js';
import { mmluLogits } from './mmlu-logits.js';
import { mmluPro, mmluProInstruct } from './mmlu-pro.js';
import { truthfulqa, truthfulqaMc1, truthfulqaMc2 } from './truthfulqa.js';
import { boolq } from './boolq.js';
import { commonsenseQa } from './commonsense-qa.js';
import { gpqaDiamondCot } from './gpqa-cot-zeroshot.js';
import { gsm8k } from './gsm8k.js';
import { gsm8kCotInstruct } from './gsm8k-cot-instruct.js';
import { gsm8kCotLlama } from './gsm8k-cot-llama.js';
import { hellaswag } from './hellaswag.js';
import { hellaswagLlamacpp } from './hellaswag-llamacpp.js';
import { leaderboardGpqa } from './leaderboard-gpqa.js';
import { piqa } from './piqa.js';
import { winogrande } from './winogrande.js';

/** The lm-evaluation-harness tasks evalforge runs natively. */
export const lmEvalTasks: readonly TaskDefinition<any, any>[] = [gsm8k, gsm8kCotLlama, gsm8kCotInstruct, ifeval, arcEasy, arcChallenge, mmluPro, mmluProInstruct, mmluGenerative, mmluLogits, truthfulqa, truthfulqaMc1, truthfulqaMc2, hellaswag, hellaswagLlamacpp, winogrande, piqa, boolq, gpqaDiamondCot, arcChallengeChat, commonsenseQa, leaderboardGpqa];
