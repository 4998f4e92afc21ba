import type { TemplatesContract } from '../../../shared/api/templates';
import type { Implementation } from '../../../shared/api/envelope';
import type { BackendContext } from '../context';
import { rollTemplateCsv, rollTemplateXlsx } from '../roll/template';

/** The blank files to fill in (shared/api/templates.ts); they depend on no election, so `ctx` goes unused. */
export function templatesApi(ctx: BackendContext): Implementation<TemplatesContract> {
  void ctx;
  return {
    rollTemplate: async ({ format, roll = 'residents' }) => {
      const bytes = format === 'csv' ? rollTemplateCsv(roll) : await rollTemplateXlsx(roll);
      return {
        fileName: `${roll === 'party' ? '党员名册模板' : '选民名单模板'}.${format}`,
        mimeType: format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        contentBase64: Buffer.from(bytes).toString('base64'),
      };
    },
  };
}
