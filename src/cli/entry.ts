import './young-generation.js';
import { runProcess } from './main.js';

await runProcess();
