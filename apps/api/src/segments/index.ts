export { SegmentsModule } from './segments.module.js';
export {
  type MaterializedSegment,
  type SegmentResolution,
  SegmentsService,
} from './segments.service.js';
