// The analysis pipeline as the service runs it: the stages in order, built from loaded resources.
import { Pipeline } from '../pipeline/index.ts';
import { languageStage } from '../pipeline/language/index.ts';
import { segmentStage } from '../pipeline/segment/index.ts';
import { wordsStage } from '../pipeline/words/index.ts';
import { entitiesStage } from '../pipeline/entities/index.ts';
import { quotesStage } from '../pipeline/quotes/index.ts';
import { datesStage } from '../pipeline/dates/index.ts';
import { numbersStage } from '../pipeline/numbers/index.ts';
import { eventsStage } from '../pipeline/events/index.ts';
import { figuresStage } from '../pipeline/figures/index.ts';
import { framingStage } from '../pipeline/framing/index.ts';
import type { Resources } from './resources.ts';

export function buildPipeline(resources: Resources): Pipeline {
  return Pipeline.build([
    languageStage,
    segmentStage(resources.abbreviations),
    wordsStage,
    entitiesStage(resources.entities),
    quotesStage(resources.cues, resources.knowledge),
    datesStage,
    numbersStage(resources.numbers),
    eventsStage(resources.triggers, resources.knowledge),
    figuresStage(resources.figures, resources.knowledge),
    framingStage(resources.framing, resources.knowledge),
  ]);
}
