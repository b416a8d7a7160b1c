import { describeModels } from '../support/describe-models.ts';

// Split in two files so the two cores simulate two models at a time.
describeModels(['delta', 'finspang', 'laholm']);
