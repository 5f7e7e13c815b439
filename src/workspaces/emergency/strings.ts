import { emergencyEn, emergencyNb } from '../../i18n/emergency';
import { registerModuleStrings } from '../../i18n/moduleStrings';
import { edPagesEn, edPagesNb } from './i18n';

/** Registers the emergency pages' strings (once, when the workspace's code loads). */
export function registerEmergencyStrings(): void {
  registerModuleStrings('emergency', { nb: emergencyNb, en: emergencyEn });
  registerModuleStrings('edPages', { nb: edPagesNb, en: edPagesEn });
}
